using System.Globalization;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// The checks Test-ApiIntegration -Live makes against the account (IT3001–IT3007) and the checks of a test invocation
    /// with -Invoke (IT3101, IT3102). They are pure: the live checker reads the account and hands what it found to these,
    /// so each can be shown and tested with an example of what the account holds.
    /// </summary>
    internal static class LiveRules
    {
        public const string Rest = "REST";

        public static readonly RuleInfo ApiExists = new RuleInfo("IT3001", Severity.Error,
            "The API exists in the account and region",
            "A definition for an API that does not exist (a wrong id, another account or region, or a deleted API) cannot be applied; checking it live finds the typo before a deployment script does.");

        public static readonly RuleInfo ApiProtocol = new RuleInfo("IT3002", Severity.Error,
            "The API has the protocol the definition assumes",
            "REST APIs (v1), HTTP APIs and WebSocket APIs (v2) take different integrations; an id of the other kind, or a WebSocket API where the definition says HTTP, means the definition was written for another API.");

        public static readonly RuleInfo ResourceExists = new RuleInfo("IT3003", Severity.Error,
            "The resource path exists in the REST API",
            "A REST API integration hangs on a resource; a path that the API does not have (often a missing or extra segment, or {id} spelt differently) cannot be integrated until the resource is created.");

        public static readonly RuleInfo MethodExists = new RuleInfo("IT3004", Severity.Error,
            "The method exists on the resource",
            "An integration belongs to a method (aws apigateway put-method); integrating a method the resource does not declare is refused.");

        public static readonly RuleInfo VpcLinkAvailable = new RuleInfo("IT3005", Severity.Error,
            "The VPC link of a REST or WebSocket private integration exists and is AVAILABLE",
            "REST APIs and WebSocket APIs reach private backends through VPC links of API Gateway v1 (to a network load balancer); a link that does not exist is refused, and one that is not AVAILABLE cannot carry requests. HTTP APIs use v2 VPC links, checked by IT2030.");

        public static readonly RuleInfo MatchesDeployed = new RuleInfo("IT3006", Severity.Error,
            "The integration as deployed matches the definition",
            "A definition kept in source control drifts from the account when someone changes the integration by hand; each field that differs is reported with the deployed and the defined value (service defaults such as a 29,000 ms timeout, WHEN_NO_MATCH and INTERNET count as given).");

        public static readonly RuleInfo IntegrationExists = new RuleInfo("IT3007", Severity.Error,
            "The integration the definition describes is deployed",
            "A REST API method without an integration answers every request with an error, and an HTTP or WebSocket API integration id that does not exist cannot be updated or routed to.");

        public static readonly RuleInfo InvokeStatus = new RuleInfo("IT3101", Severity.Error,
            "A test invocation of the method succeeds",
            "TestInvokeMethod runs the method with its integration as a client request would; a 4xx or 5xx status (a backend error, a missing permission, a bad mapping) is what clients will get.");

        public static readonly RuleInfo InvokeMapping = new RuleInfo("IT3102", Severity.Error,
            "The execution log of a test invocation shows no configuration failure",
            "API Gateway logs 'Execution failed due to configuration error' when a mapping template, a parameter mapping, the integration URI or its permissions are wrong; the status alone (often a bare 500) does not say which.");

        public static readonly RuleInfo[] All =
        {
            ApiExists, ApiProtocol, ResourceExists, MethodExists, VpcLinkAvailable, MatchesDeployed, IntegrationExists, InvokeStatus, InvokeMapping,
        };

        /// <summary>"a REST API", "an HTTP API", "a WebSocket API".</summary>
        public static string Describe(string? protocol)
        {
            switch ((protocol ?? "").ToUpperInvariant())
            {
                case Rest: return "a REST API";
                case "HTTP": return "an HTTP API";
                case "WEBSOCKET": return "a WebSocket API";
                default: return "an HTTP or WebSocket API";
            }
        }

        /// <summary>
        /// IT3001/IT3002: <paramref name="expected"/> is REST, HTTP, WEBSOCKET or null (HTTP or WebSocket, not known which);
        /// <paramref name="actual"/> is the protocol of the API with that id in the account, or null when there is none.
        /// </summary>
        public static Finding? CheckApi(string target, string apiId, string? expected, string? actual, string field)
        {
            if (actual == null)
                return ApiExists.Finding(target, field, $"There is no API with the id '{apiId}' in this account and region.",
                    "Check the id and the session's -Region and account (Get-RestIntegration / Get-ApiIntegration list what is there; aws apigateway get-rest-apis and aws apigatewayv2 get-apis list the APIs).");
            var actualUpper = actual.ToUpperInvariant();
            var fits = expected == null ? actualUpper != Rest : string.Equals(expected, actualUpper, StringComparison.OrdinalIgnoreCase);
            if (fits) return null;
            return ApiProtocol.Finding(target, field, $"'{apiId}' is {Describe(actualUpper)}, but the definition is for {Describe(expected)}.",
                actualUpper == Rest
                    ? "Write a REST API integration definition (RestApiId, ResourcePath, HttpMethod, Type, Uri) for this API, or use the id of the HTTP or WebSocket API that was meant."
                    : expected == Rest
                        ? "Write an HTTP or WebSocket API integration definition (ApiId, IntegrationType, IntegrationUri) for this API, or use the id of the REST API that was meant."
                        : $"Fix ProtocolType (or -ProtocolType) to {actualUpper}, or use the id of the API that was meant.");
        }

        /// <summary>IT3003: the REST API has no resource with this path (or id); <paramref name="closest"/> names paths it does have.</summary>
        public static Finding ResourceMissing(string target, string restApiId, string pathOrId, bool byId, IReadOnlyList<string> closest) =>
            ResourceExists.Finding(target, byId ? "ResourceId" : "ResourcePath",
                byId
                    ? $"REST API {restApiId} has no resource with the id '{pathOrId}'."
                    : $"REST API {restApiId} has no resource with the path '{pathOrId}'." + (closest.Count == 0 ? "" : " Closest existing paths: " + string.Join(", ", closest.Select(c => "'" + c + "'")) + "."),
                "Fix the path or id (Get-RestIntegration -RestApiId " + restApiId + " lists the integrated ones), or create the resource first (aws apigateway create-resource).");

        /// <summary>IT3004: the resource does not declare the method.</summary>
        public static Finding? CheckMethod(string target, string resourcePath, string httpMethod, IReadOnlyCollection<string> declared)
        {
            if (declared.Contains(httpMethod, StringComparer.OrdinalIgnoreCase)) return null;
            return MethodExists.Finding(target, "HttpMethod",
                $"The resource '{resourcePath}' has no {httpMethod} method ({(declared.Count == 0 ? "it has no methods yet" : "it has " + string.Join(", ", declared))}).",
                $"Create the method first (aws apigateway put-method --http-method {httpMethod} --authorization-type NONE ...), or fix HttpMethod.");
        }

        /// <summary>IT3005 for a v1 VPC link: <paramref name="link"/> is what GetVpcLink returned, or null when it answered NotFound.</summary>
        public static Finding? CheckVpcLink(string target, string vpcLinkId, RestVpcLink? link)
        {
            if (link == null)
                return VpcLinkAvailable.Finding(target, "ConnectionId", $"The VPC link '{vpcLinkId}' does not exist in this account and region.",
                    "Give the id of an existing VPC link of REST APIs ('aws apigateway get-vpc-links' lists them), or create one with 'aws apigateway create-vpc-link'.");
            if (link.Status == null || link.Status == "AVAILABLE") return null;
            var pending = link.Status == "PENDING";
            return VpcLinkAvailable.Finding(pending ? Severity.Warning : Severity.Error, target, "ConnectionId",
                $"The VPC link '{link.VpcLinkId}' is {link.Status}{(string.IsNullOrEmpty(link.StatusMessage) ? "" : ": " + link.StatusMessage)}.",
                pending ? "Requests fail until the VPC link is AVAILABLE; wait for it ('aws apigateway get-vpc-link')." : "Use a VPC link that is AVAILABLE, or recreate this one.");
        }

        /// <summary>IT3007: the method has no integration, or the integration id does not exist.</summary>
        public static Finding IntegrationMissing(string target, string what, string fix) =>
            IntegrationExists.Finding(target, null, what, fix);

        /// <summary>
        /// IT3006 for a REST API method: every member of the definition against the deployed integration (what
        /// Set-RestIntegration would replace), with the service's defaults filled in on both sides.
        /// </summary>
        public static List<Finding> Drift(RestIntegrationDefinition defined, RestIntegrationDefinition deployed, string? resourceId) =>
            DriftCollector.Compare(RestIntegrationDefinition.Schema, defined, deployed, defined.Target,
                new FieldContext { ResourceId = resourceId, DefinedType = defined.Type?.Trim() });

        /// <summary>
        /// IT3006 for an HTTP or WebSocket API integration: every member of the definition against the deployed one, with
        /// the defaults of the API's protocol (timeout 30,000 ms on HTTP APIs and 29,000 ms on WebSocket APIs, INTERNET,
        /// WHEN_NO_MATCH and payload format 1.0 on WebSocket APIs, POST for Lambda proxies).
        /// </summary>
        public static List<Finding> Drift(ApiIntegrationDefinition defined, ApiIntegrationDefinition deployed, string? protocol) =>
            DriftCollector.Compare(ApiIntegrationDefinition.Schema, defined, deployed, defined.Target, new FieldContext
            {
                WebSocket = string.Equals(protocol, ApiIntegrationValues.WebSocket, StringComparison.OrdinalIgnoreCase),
                DeployedType = deployed.IntegrationType,
            });

        /// <summary>
        /// IT3101/IT3102 for a test invocation: a configuration failure in the execution log is IT3102 (it says more than
        /// the status), any other 4xx or 5xx status is IT3101.
        /// </summary>
        public static List<Finding> CheckInvocation(string target, TestInvokeResult result)
        {
            var findings = new List<Finding>();
            var failure = result.Log.FirstOrDefault(l => l.IndexOf("Execution failed due to configuration error", StringComparison.OrdinalIgnoreCase) >= 0);
            if (failure != null)
            {
                findings.Add(InvokeMapping.Finding(target, "Log",
                    $"The test invocation answered {result.Status} and the execution log says: {failure.Trim()}",
                    "Fix what the log line names (a mapping template or parameter mapping, the integration URI, or the permission for API Gateway to call the backend), then run Test-ApiIntegration -Invoke again."));
                return findings;
            }
            if (result.Status >= 400)
            {
                var last = result.Log.LastOrDefault(l => l.IndexOf("fail", StringComparison.OrdinalIgnoreCase) >= 0 || l.IndexOf("error", StringComparison.OrdinalIgnoreCase) >= 0);
                findings.Add(InvokeStatus.Finding(target, "Status",
                    $"The test invocation answered {result.Status}{(last == null ? "" : "; the execution log says: " + last.Trim())}" + (string.IsNullOrEmpty(result.Body) ? "." : $" Body: {Shorten(result.Body!)}"),
                    result.Status >= 500
                        ? "The backend or the integration failed: read the Log property of the result (the endpoint's answer and the integration's timings are there)."
                        : "The request was refused before or by the backend: check the path, query string, headers and body given to -Invoke, and the method's authorization and request validation."));
            }
            return findings;
        }

        private static string Shorten(string text) => text.Length <= 200 ? text : text.Substring(0, 200) + "…";

        private static string? Flag(bool? value) => (value ?? false) ? "True" : "False";
    }
}
