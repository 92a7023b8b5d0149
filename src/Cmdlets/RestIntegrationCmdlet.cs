using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IntegrationTools.Operations;
using IntegrationTools.Rules;
using IntegrationTools.Wire;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// What the REST integration cmdlets share: the service and planner of the current session, the recommended actions for
    /// failures, and the check of a bare method target. The work itself is the engine's (RestIntegrationPlanner).
    /// </summary>
    public abstract class RestIntegrationCmdlet : IntegrationToolsCmdlet
    {
        internal const string HttpMethods = "ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT";

        protected RestApiService RestService => new RestApiService(Client);

        protected RestIntegrationPlanner Planner => new RestIntegrationPlanner(RestService, SessionRegion);

        private readonly Dictionary<string, RestApiListing> _listings = new Dictionary<string, RestApiListing>();

        /// <summary>The REST API's resources, methods and integrations: one GetResources?embed=methods listing per API and session for the whole pipeline.</summary>
        protected RestApiListing ReadListing(string restApiId)
        {
            var key = $"{Client.Session.Endpoint}|{Client.Session.Region}|{restApiId}";
            if (!_listings.TryGetValue(key, out var listing))
            {
                listing = WaitFor(RestService.GetListingAsync(restApiId, CancellationToken));
                _listings[key] = listing;
            }
            return listing;
        }

        /// <summary>The bound values of <paramref name="names"/> as a definition (only the parameters the user gave).</summary>
        protected Hashtable BoundValues(params string[] names)
        {
            var values = new Hashtable(System.StringComparer.OrdinalIgnoreCase);
            foreach (var name in names)
            {
                if (!MyInvocation.BoundParameters.TryGetValue(name, out var value)) continue;
                values[name] = value is SwitchParameter flag ? flag.IsPresent : value;
            }
            return values;
        }

        /// <summary>
        /// IT1001/IT1002 for cmdlets that target a method without a definition (Get-, Remove-, Update-): a missing resource or
        /// a bad method is one non-terminating InvalidArgument error ({operation}InvalidTarget) and nothing is sent.
        /// </summary>
        protected bool CheckTarget(string operation, string? restApiId, string? resourceId, string? resourcePath, string? httpMethod, string target,
            IEnumerable<Finding>? more = null)
        {
            var errors = WriteWarningsAndGetErrors(RestRules.CheckTarget(restApiId, resourceId, resourcePath, httpMethod).Concat(more ?? Enumerable.Empty<Finding>()));
            if (errors.Count == 0) return true;
            WriteError(Failures.ForTarget(errors, operation, target));
            return false;
        }

        /// <summary>The recommended action for a failed REST operation.</summary>
        protected static string? Advice(ApiGatewayException ex, string restApiId)
        {
            if (ex is ResourcePathNotFoundException)
                return $"Use one of the paths named in the message (Get-RestIntegration -RestApiId {restApiId} lists the integrated ones), or create the resource first.";
            switch (ex.Kind)
            {
                case FailureKind.NotFound:
                    return $"Check the REST API id, the resource and the method (Get-RestIntegration -RestApiId {restApiId} lists every integration of the API); a method must exist (aws apigateway put-method) before it can be integrated.";
                case FailureKind.BadRequest:
                    return "API Gateway refused the request; the message says what it refused. Run the command with -WhatIf to see the exact request.";
                case FailureKind.Conflict:
                    return "Another change to this API is in progress; run the command again.";
                default:
                    return null;
            }
        }

        /// <summary>"restapi/abc /pets GET" for messages, before the target is resolved.</summary>
        protected static string MethodTarget(string? restApiId, string? resourceId, string? resourcePath, string? httpMethod) =>
            Text.DisplayText.Clip($"restapi/{restApiId ?? "?"} {(resourceId != null ? "resource/" + resourceId : resourcePath ?? "?")} {httpMethod?.ToUpperInvariant() ?? "?"}");
    }
}
