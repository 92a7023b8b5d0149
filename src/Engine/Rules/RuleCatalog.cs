using System.Collections.Generic;
using System.Linq;
using IntegrationTools.Definitions;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// The one rule catalog: the pre-flight checks of the changing cmdlets and (later) Test-ApiIntegration both run
    /// these. Rules about REST API integrations live in Rules/Rest (<see cref="RestRules"/>), rules about HTTP and
    /// WebSocket API integrations in Rules/Api (<see cref="ApiRules"/>); reading problems in <see cref="ReadingRules"/>.
    /// </summary>
    public static class RuleCatalog
    {
        /// <summary>Every rule, for the catalog listing and the help topic.</summary>
        public static IEnumerable<RuleInfo> All =>
            ReadingRules.All
                .Concat(RestRules.All.Select(r => r.Info))
                .Concat(RestRules.Responses.Select(r => r.Info))
                .Concat(RestInputRules.All)
                .Concat(ApiRules.All.Select(r => r.Info))
                .Concat(ApiContextRules.All)
                .Concat(ApiIntegrationResponseRules.All.Select(r => r.Info))
                .Concat(LiveRules.All);

        public static List<Finding> Check(RestIntegrationDefinition definition, RuleContext context) =>
            RestRules.All.SelectMany(rule => rule.Check(definition, context)).ToList();

        public static List<Finding> Check(RestIntegrationResponseDefinition definition, RuleContext context) =>
            RestRules.Responses.SelectMany(rule => rule.Check(definition, context)).ToList();

        public static List<Finding> Check(ApiIntegrationDefinition definition, RuleContext context) =>
            ApiRules.All.SelectMany(rule => rule.Check(definition, context)).ToList();

        public static List<Finding> Check(ApiIntegrationResponseDefinition definition, RuleContext context) =>
            ApiIntegrationResponseRules.All.SelectMany(rule => rule.Check(definition, context)).ToList();
    }
}
