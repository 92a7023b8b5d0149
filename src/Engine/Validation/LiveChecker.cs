using IntegrationTools.Definitions;
using IntegrationTools.Models;
using IntegrationTools.Operations;
using IntegrationTools.Rules;
using IntegrationTools.Wire;

namespace IntegrationTools.Validation
{
    /// <summary>
    /// Test-ApiIntegration -Live: reads the account a definition points at (the API and its protocol, the resource and
    /// method, the VPC link, the integration as deployed) and reports what does not fit as findings of the live rules
    /// (<see cref="LiveRules"/>, and IT2030 for HTTP API VPC links). With the API's region and protocol known, the rules
    /// that need them run again. Things that are missing in the account are findings; failures to read it (throttling
    /// after retries, access denied, no connection) are thrown as <see cref="ApiGatewayException"/> for the caller to
    /// report for this one input.
    /// </summary>
    internal sealed class LiveChecker
    {
        private readonly RestApiService _rest;
        private readonly ApiV2Service _http;
        private readonly string _region;

        public LiveChecker(ApiGatewayClient client)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            _rest = new RestApiService(client);
            _http = new ApiV2Service(client);
            _region = client.Session.Region;
        }

        /// <summary>The live findings for one definition that <paramref name="offline"/> has read (none when its kind is unknown).</summary>
        public async Task<List<Finding>> CheckAsync(ValidationResult offline, RuleContext context, CancellationToken ct)
        {
            var findings = new List<Finding>();
            switch (offline.Definition)
            {
                case RestIntegrationDefinition rest:
                    await CheckRestAsync(rest, offline, findings, ct).ConfigureAwait(false);
                    break;
                case ApiIntegrationDefinition api:
                    await CheckApiAsync(api, offline, context, findings, ct).ConfigureAwait(false);
                    break;
            }
            return findings
                .Select(f => f.Target == offline.Target ? f : new Finding(f.RuleId, f.Severity, offline.Target, f.Field, f.Message, f.Fix))
                .ToList();
        }

        private async Task CheckRestAsync(RestIntegrationDefinition d, ValidationResult offline, List<Finding> findings, CancellationToken ct)
        {
            if (d.RestApiId == null) return;
            var target = offline.Target;
            var protocol = await ProtocolOfAsync(d.RestApiId, restFirst: true, ct).ConfigureAwait(false);
            var api = LiveRules.CheckApi(target, d.RestApiId, LiveRules.Rest, protocol, "RestApiId");
            if (api != null)
            {
                findings.Add(api);
                return;
            }
            // The region is now the API's: the rules that compare regions (Lambda URIs) run with it.
            AddNew(offline, findings, RuleCatalog.Check(d, new RuleContext(_region, null)));

            if (d.ConnectionType == "VPC_LINK" && d.ConnectionId != null && !d.ConnectionId.Contains("${"))
            {
                var link = await OrNull(_rest.GetVpcLinkAsync(d.ConnectionId, ct)).ConfigureAwait(false);
                var linkFinding = LiveRules.CheckVpcLink(target, d.ConnectionId, link);
                if (linkFinding != null) findings.Add(linkFinding);
            }

            RestResource resource;
            if (d.ResourceId != null)
            {
                var byId = await OrNull(_rest.GetResourceAsync(d.RestApiId, d.ResourceId, ct)).ConfigureAwait(false);
                if (byId == null)
                {
                    findings.Add(LiveRules.ResourceMissing(target, d.RestApiId, d.ResourceId, byId: true, new string[0]));
                    return;
                }
                resource = byId;
            }
            else if (d.ResourcePath != null)
            {
                try
                {
                    resource = await _rest.FindResourceByPathAsync(d.RestApiId, d.ResourcePath, ct).ConfigureAwait(false);
                }
                catch (ResourcePathNotFoundException ex)
                {
                    findings.Add(LiveRules.ResourceMissing(target, d.RestApiId, ex.Path, byId: false, ex.ClosestPaths));
                    return;
                }
            }
            else
            {
                return; // IT1001 says what is missing
            }

            if (d.HttpMethod == null) return;
            var method = LiveRules.CheckMethod(target, resource.Path, d.HttpMethod, resource.HttpMethods);
            if (method != null)
            {
                findings.Add(method);
                return;
            }
            // The region is now the API's and the method's declared request parameters are known: the rules that compare
            // regions (Lambda URIs) and the ones about mapped and cached method parameters (IT1023) run with them.
            var declared = await OrNull(_rest.GetMethodAsync(new RestMethodTarget(d.RestApiId, resource.ResourceId, resource.Path, d.HttpMethod), ct)).ConfigureAwait(false);
            if (declared != null)
                AddNew(offline, findings, RuleCatalog.Check(d, new RuleContext(_region, null, declared.RequestParameters.Keys.ToList())));

            var deployed = await OrNull(_rest.GetIntegrationAsync(d.RestApiId, resource.ResourceId, d.HttpMethod, resource.Path, ct)).ConfigureAwait(false);
            if (deployed == null)
            {
                findings.Add(LiveRules.IntegrationMissing(target, $"{d.HttpMethod} {resource.Path} has no integration yet.",
                    "Apply the definition (Set-RestIntegration) to create it."));
                return;
            }
            findings.AddRange(LiveRules.Drift(d, RestIntegrationDefinition.FromModel(deployed), resource.ResourceId));
        }

        private async Task CheckApiAsync(ApiIntegrationDefinition d, ValidationResult offline, RuleContext context, List<Finding> findings, CancellationToken ct)
        {
            if (d.ApiId == null) return;
            var target = offline.Target;
            var protocol = await ProtocolOfAsync(d.ApiId, restFirst: false, ct).ConfigureAwait(false);
            var expected = context.ProtocolType ?? d.ProtocolType?.ToUpperInvariant();
            var api = LiveRules.CheckApi(target, d.ApiId, expected, protocol, "ApiId");
            if (api != null)
            {
                findings.Add(api);
                return;
            }
            var info = new ApiInfo { ApiId = d.ApiId, ProtocolType = protocol };
            // The protocol and region are now known: the rules that depend on them run with them.
            AddNew(offline, findings, RuleCatalog.Check(d, new RuleContext(_region, protocol)));

            if (string.Equals(d.ConnectionType, "VPC_LINK", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(d.ConnectionId) && !d.ConnectionId!.Contains("${"))
            {
                if (protocol == "HTTP")
                {
                    var link = await OrNull(_http.GetVpcLinkAsync(d.ConnectionId, ct)).ConfigureAwait(false);
                    var linkFinding = ApiContextRules.CheckVpcLink(d, link);
                    if (linkFinding != null) findings.Add(linkFinding);
                }
                else
                {
                    // WebSocket APIs use the VPC links of REST APIs.
                    var link = await OrNull(_rest.GetVpcLinkAsync(d.ConnectionId, ct)).ConfigureAwait(false);
                    var linkFinding = LiveRules.CheckVpcLink(target, d.ConnectionId, link);
                    if (linkFinding != null) findings.Add(linkFinding);
                }
            }

            if (d.IntegrationId == null) return;
            var deployed = await OrNull(_http.GetIntegrationAsync(info, d.IntegrationId, ct)).ConfigureAwait(false);
            if (deployed == null)
            {
                findings.Add(LiveRules.IntegrationMissing(target, $"{LiveRules.Describe(protocol)} {d.ApiId} has no integration with the id '{d.IntegrationId}'.",
                    $"Check IntegrationId (Get-ApiIntegration -ApiId {d.ApiId} lists them), or leave it out and create the integration with New-ApiIntegration."));
                return;
            }
            findings.AddRange(LiveRules.Drift(d, ApiIntegrationDefinition.FromIntegration(deployed), protocol));
        }

        /// <summary>REST, HTTP or WEBSOCKET for the API with this id, looking first where the definition says it is; null when there is none.</summary>
        private async Task<string?> ProtocolOfAsync(string id, bool restFirst, CancellationToken ct)
        {
            if (restFirst)
            {
                if (await OrNull(_rest.GetRestApiAsync(id, ct)).ConfigureAwait(false) != null) return LiveRules.Rest;
                return (await OrNull(_http.GetApiAsync(id, ct)).ConfigureAwait(false))?.ProtocolType?.ToUpperInvariant();
            }
            var v2 = await OrNull(_http.GetApiAsync(id, ct)).ConfigureAwait(false);
            if (v2 != null) return v2.ProtocolType?.ToUpperInvariant() ?? "HTTP";
            return await OrNull(_rest.GetRestApiAsync(id, ct)).ConfigureAwait(false) != null ? LiveRules.Rest : null;
        }

        /// <summary>Adds the findings of another run of the rules that neither the offline run nor the live checks so far reported.</summary>
        private static void AddNew(ValidationResult offline, List<Finding> findings, IEnumerable<Finding> again)
        {
            var known = new HashSet<string>(offline.Findings.Concat(findings).Select(Key), StringComparer.Ordinal);
            foreach (var finding in again)
                if (known.Add(Key(finding))) findings.Add(finding);
        }

        private static string Key(Finding f) => f.RuleId + "|" + f.Field + "|" + f.Message;

        private static async Task<T?> OrNull<T>(Task<T> task) where T : class
        {
            try
            {
                return await task.ConfigureAwait(false);
            }
            catch (ApiGatewayException ex) when (ex.Kind == FailureKind.NotFound)
            {
                return null;
            }
        }
    }
}
