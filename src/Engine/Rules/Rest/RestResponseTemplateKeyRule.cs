using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1106: response mapping templates are keyed by content type (the templates being text is checked on reading, IT0003).</summary>
    internal sealed class RestResponseTemplateKeyRule : Rule<RestIntegrationResponseDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1106", Severity.Error,
            "Response templates are text keyed by content type",
            "API Gateway picks a response mapping template by content type, so each key must be a content type such as application/json and each template Velocity text.");

        public RestResponseTemplateKeyRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationResponseDefinition definition, RuleContext context) =>
            RestRequestTemplateKeyRule.CheckKeys(Info, definition.Target, "ResponseTemplates", definition.ResponseTemplates);

        public override IDictionary FailingExample => RestExamples.Response(("ResponseTemplates", new Hashtable { ["json"] = "$input.json('$')" }));

        public override IDictionary PassingExample => RestExamples.Response(("ResponseTemplates", new Hashtable { ["application/json"] = "$input.json('$')" }));
    }
}
