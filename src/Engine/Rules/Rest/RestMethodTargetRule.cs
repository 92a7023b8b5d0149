using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT1001: the definition says which method it integrates: RestApiId, ResourceId or ResourcePath, HttpMethod.</summary>
    internal sealed class RestMethodTargetRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1001", Severity.Error,
            "The integration names its REST API, resource and method",
            "An integration belongs to one method of one resource of one REST API; without all three it cannot be put anywhere.");

        public RestMethodTargetRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context) =>
            // The target text is made only when there is something to report.
            !string.IsNullOrWhiteSpace(definition.RestApiId) && !string.IsNullOrWhiteSpace(definition.HttpMethod)
                && (!string.IsNullOrWhiteSpace(definition.ResourceId) || !string.IsNullOrWhiteSpace(definition.ResourcePath))
                ? System.Array.Empty<Finding>()
                : CheckTarget(Info, definition.Target, definition.RestApiId, definition.ResourceId, definition.ResourcePath, definition.HttpMethod);

        /// <summary>The same check for anything that targets a method (integration responses, Remove-, Get-).</summary>
        internal static IEnumerable<Finding> CheckTarget(RuleInfo info, string target, string? restApiId, string? resourceId, string? resourcePath, string? httpMethod)
        {
            if (string.IsNullOrWhiteSpace(restApiId))
                yield return info.Finding(target, "RestApiId", "RestApiId is missing.",
                    "Give RestApiId, the id of the REST API (Get-RestIntegration lists the integrations of one).");
            if (string.IsNullOrWhiteSpace(resourceId) && string.IsNullOrWhiteSpace(resourcePath))
                yield return info.Finding(target, "ResourcePath", "Neither ResourceId nor ResourcePath is given.",
                    "Give ResourcePath (such as '/pets/{id}') or ResourceId.");
            if (string.IsNullOrWhiteSpace(httpMethod))
                yield return info.Finding(target, "HttpMethod", "HttpMethod, the method being integrated, is missing.",
                    $"Give HttpMethod: {RestFacts.OneOf(RestFacts.HttpMethods)}.");
        }

        public override IDictionary FailingExample => RestExamples.HttpProxy(("ResourcePath", null));

        public override IDictionary PassingExample => RestExamples.HttpProxy();
    }
}
