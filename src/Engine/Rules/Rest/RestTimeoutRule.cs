using System.Globalization;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// IT1016: the timeout is at least 50 ms. The default and standard maximum is 29,000 ms; Regional and private APIs
    /// accept up to 300,000 ms once the "Maximum integration timeout" quota is raised (a warning, never a refusal, since
    /// the quota cannot be read here); only response streaming (STREAM) allows up to 900,000 ms.
    /// </summary>
    internal sealed class RestTimeoutRule : Rule<RestIntegrationDefinition>
    {
        public static readonly RuleInfo Rule = new RuleInfo("IT1016", Severity.Error,
            "The timeout is between 50 and 29,000 ms, or up to 300,000 ms with a raised quota",
            "The integration timeout is 50 to 29,000 ms (default 29,000). Regional and private APIs can go up to 300,000 ms after the account's 'Maximum integration timeout' quota is raised, which this module cannot see, so that range is a warning; above 300,000 ms only response streaming (STREAM, up to 900,000 ms) is accepted.");

        public RestTimeoutRule() : base(Rule) { }

        public override IEnumerable<Finding> Check(RestIntegrationDefinition definition, RuleContext context)
        {
            if (!(definition.TimeoutInMillis is int timeout)) yield break;
            var streaming = definition.ResponseTransferMode == "STREAM";
            var max = streaming ? RestFacts.MaxStreamingTimeout : RestFacts.MaxRaisedTimeout;
            if (timeout < RestFacts.MinTimeout)
            {
                yield return Finding(definition.Target, "TimeoutInMillis",
                    $"TimeoutInMillis {N(timeout)} is under the minimum of {N(RestFacts.MinTimeout)} ms.",
                    $"Use {N(RestFacts.MinTimeout)} to {N(RestFacts.DefaultTimeout)} ms (the default, used when TimeoutInMillis is left out, is {N(RestFacts.DefaultTimeout)}).");
            }
            else if (timeout > max)
            {
                yield return Finding(definition.Target, "TimeoutInMillis",
                    streaming
                        ? $"TimeoutInMillis {N(timeout)} is above the maximum of {N(RestFacts.MaxStreamingTimeout)} ms for streamed responses."
                        : $"TimeoutInMillis {N(timeout)} is above the maximum of {N(RestFacts.MaxRaisedTimeout)} ms.",
                    streaming
                        ? $"Use at most {N(RestFacts.MaxStreamingTimeout)} ms."
                        : $"Use at most {N(RestFacts.MaxRaisedTimeout)} ms (with a raised quota), or stream the response (ResponseTransferMode STREAM on a proxy integration) for up to {N(RestFacts.MaxStreamingTimeout)} ms.");
            }
            else if (timeout > RestFacts.DefaultTimeout)
            {
                yield return Info.Finding(Severity.Warning, definition.Target, "TimeoutInMillis",
                    $"TimeoutInMillis {N(timeout)} is above the standard maximum of {N(RestFacts.DefaultTimeout)} ms: API Gateway accepts it only for Regional and private APIs, and only after the 'Maximum integration timeout' quota of the account is raised.",
                    $"Request an increase of the 'Maximum integration timeout' quota in Service Quotas (API Gateway) for a Regional or private API, or use at most {N(RestFacts.DefaultTimeout)} ms.");
            }
        }

        private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

        public override IDictionary FailingExample => RestExamples.HttpProxy(("TimeoutInMillis", 10));

        public override IDictionary PassingExample => RestExamples.HttpProxy(("TimeoutInMillis", 5000));
    }
}
