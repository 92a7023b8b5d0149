using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// The one rule catalog: the pre-flight checks of the changing cmdlets and (later) Test-ApiIntegration both run
    /// these. Rules about REST API integrations live in Rules/Rest (<see cref="RestRules"/>), rules about HTTP and
    /// WebSocket API integrations in Rules/Api (<see cref="ApiRules"/>); reading problems in <see cref="ReadingRules"/>.
    /// </summary>
    internal static class RuleCatalog
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

        public static List<Finding> Check(RestIntegrationDefinition definition, RuleContext context) => Run(RestRules.All, definition, context, new List<Finding>());

        public static List<Finding> Check(RestIntegrationResponseDefinition definition, RuleContext context) => Run(RestRules.Responses, definition, context, new List<Finding>());

        public static List<Finding> Check(ApiIntegrationDefinition definition, RuleContext context) => Run(ApiRules.All, definition, context, new List<Finding>());

        public static List<Finding> Check(ApiIntegrationResponseDefinition definition, RuleContext context) => Run(ApiIntegrationResponseRules.All, definition, context, new List<Finding>());

        /// <summary>Every rule of <paramref name="rules"/> on one definition, the findings added to <paramref name="into"/> (no copies on the way).</summary>
        internal static List<Finding> Run<T>(IReadOnlyList<Rule<T>> rules, T definition, RuleContext context, List<Finding> into)
        {
            for (var i = 0; i < rules.Count; i++)
                foreach (var finding in rules[i].Check(definition, context)) into.Add(finding);
            return into;
        }
    }
}
