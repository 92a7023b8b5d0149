using System.Threading;

namespace IntegrationTools.Completers
{
    /// <summary>-RestApiId: the account's REST APIs, with their names.</summary>
    public sealed class RestApiIdCompleter : LiveCompleter
    {
        private protected override IReadOnlyList<Candidate> Lookup(ApiGatewayClient client, string scope, CancellationToken ct) =>
            new RestApiService(client).GetRestApisAsync(ct).GetAwaiter().GetResult()
                .Select(a => new Candidate(a.RestApiId, a.Name, $"{a.Name} ({string.Join(", ", a.EndpointTypes)})"))
                .ToList();
    }

    /// <summary>-ApiId: the account's HTTP and WebSocket APIs, with their names and protocols.</summary>
    public sealed class ApiIdCompleter : LiveCompleter
    {
        private protected override IReadOnlyList<Candidate> Lookup(ApiGatewayClient client, string scope, CancellationToken ct) =>
            new ApiV2Service(client).GetApisAsync(ct).GetAwaiter().GetResult()
                .Select(a => new Candidate(a.ApiId, a.Name, $"{a.Name} ({a.ProtocolType})"))
                .ToList();
    }

    /// <summary>-ResourcePath: the paths of the REST API named by -RestApiId.</summary>
    public sealed class ResourcePathCompleter : LiveCompleter
    {
        protected override string? Scope(IDictionary fakeBoundParameters) => Bound(fakeBoundParameters, "RestApiId");

        private protected override IReadOnlyList<Candidate> Lookup(ApiGatewayClient client, string restApiId, CancellationToken ct) =>
            new RestApiService(client).GetResourcesAsync(restApiId, ct).GetAwaiter().GetResult()
                .Select(r => new Candidate(r.Path, null, ResourceTips.For(r.Path, r.ResourceId, r.HttpMethods)))
                .ToList();
    }

    /// <summary>The tooltips of resource candidates: "/pets (resource abc123; GET, POST)", "/ (resource abc123)".</summary>
    internal static class ResourceTips
    {
        public static string For(string path, string? resourceId, IReadOnlyCollection<string> methods)
        {
            var parts = new List<string>();
            if (resourceId != null) parts.Add("resource " + resourceId);
            if (methods.Count > 0) parts.Add(string.Join(", ", methods));
            return parts.Count == 0 ? path : $"{path} ({string.Join("; ", parts)})";
        }
    }

    /// <summary>-ResourceId: the resources of the REST API named by -RestApiId, with their paths.</summary>
    public sealed class ResourceIdCompleter : LiveCompleter
    {
        protected override string? Scope(IDictionary fakeBoundParameters) => Bound(fakeBoundParameters, "RestApiId");

        private protected override IReadOnlyList<Candidate> Lookup(ApiGatewayClient client, string restApiId, CancellationToken ct) =>
            new RestApiService(client).GetResourcesAsync(restApiId, ct).GetAwaiter().GetResult()
                .Select(r => new Candidate(r.ResourceId, r.Path, ResourceTips.For(r.Path, null, r.HttpMethods)))
                .ToList();
    }

    /// <summary>-IntegrationId: the integrations of the API named by -ApiId, with their type and target.</summary>
    public sealed class IntegrationIdCompleter : LiveCompleter
    {
        protected override string? Scope(IDictionary fakeBoundParameters) => Bound(fakeBoundParameters, "ApiId");

        private protected override IReadOnlyList<Candidate> Lookup(ApiGatewayClient client, string apiId, CancellationToken ct)
        {
            var service = new ApiV2Service(client);
            var api = service.GetApiAsync(apiId, ct).GetAwaiter().GetResult();
            return Commands.Paging.All(token => service.GetIntegrationsPageAsync(api, token, ct).GetAwaiter().GetResult())
                .Select(i => new Candidate(i.IntegrationId, i.IntegrationType, $"{i.IntegrationType} {i.IntegrationUri}"))
                .ToList();
        }
    }

    /// <summary>-ConnectionId of REST API integrations: the VPC links of REST APIs (v1), with their names and status.</summary>
    public sealed class RestVpcLinkCompleter : LiveCompleter
    {
        private protected override IReadOnlyList<Candidate> Lookup(ApiGatewayClient client, string scope, CancellationToken ct) =>
            RestLinks(client, ct);

        internal static List<Candidate> RestLinks(ApiGatewayClient client, CancellationToken ct) =>
            new RestApiService(client).GetVpcLinksAsync(ct).GetAwaiter().GetResult()
                .Select(l => new Candidate(l.VpcLinkId, l.Name, $"{l.Name} ({l.Status}): VPC link of REST and WebSocket APIs"))
                .ToList();
    }

    /// <summary>
    /// -ConnectionId of HTTP and WebSocket API integrations: HTTP APIs use v2 VPC links, WebSocket APIs the REST API
    /// (v1) ones. With -ApiId typed the API's protocol decides; without it both kinds are offered, each saying which it is.
    /// </summary>
    public sealed class ApiVpcLinkCompleter : LiveCompleter
    {
        protected override string? Scope(IDictionary fakeBoundParameters) => Bound(fakeBoundParameters, "ApiId") ?? "";

        private protected override IReadOnlyList<Candidate> Lookup(ApiGatewayClient client, string apiId, CancellationToken ct)
        {
            var protocol = apiId.Length == 0 ? null : new ApiV2Service(client).GetApiAsync(apiId, ct).GetAwaiter().GetResult().ProtocolType;
            var candidates = new List<Candidate>();
            if (protocol == null || string.Equals(protocol, "HTTP", System.StringComparison.OrdinalIgnoreCase))
                candidates.AddRange(new ApiV2Service(client).GetVpcLinksAsync(ct).GetAwaiter().GetResult()
                    .Select(l => new Candidate(l.VpcLinkId, l.Name, $"{l.Name} ({l.VpcLinkStatus}): VPC link of HTTP APIs")));
            if (protocol == null || string.Equals(protocol, "WEBSOCKET", System.StringComparison.OrdinalIgnoreCase))
                candidates.AddRange(RestVpcLinkCompleter.RestLinks(client, ct));
            return candidates;
        }
    }

    /// <summary>-IntegrationResponseId: the integration responses of the WebSocket API integration named by -ApiId and -IntegrationId.</summary>
    public sealed class IntegrationResponseIdCompleter : LiveCompleter
    {
        protected override string? Scope(IDictionary fakeBoundParameters)
        {
            var apiId = Bound(fakeBoundParameters, "ApiId");
            var integrationId = Bound(fakeBoundParameters, "IntegrationId");
            return apiId == null || integrationId == null ? null : apiId + "/" + integrationId;
        }

        private protected override IReadOnlyList<Candidate> Lookup(ApiGatewayClient client, string scope, CancellationToken ct)
        {
            var parts = scope.Split('/');
            var service = new ApiV2Service(client);
            var api = service.GetApiAsync(parts[0], ct).GetAwaiter().GetResult();
            return Commands.Paging.All(token => service.GetIntegrationResponsesPageAsync(api, parts[1], token, ct).GetAwaiter().GetResult())
                .Select(r => new Candidate(r.IntegrationResponseId, r.IntegrationResponseKey, $"key {r.IntegrationResponseKey}"))
                .ToList();
        }
    }

    /// <summary>-StatusCode of the REST integration response cmdlets: the integration responses of the method named by -RestApiId, -ResourceId or -ResourcePath, and -HttpMethod.</summary>
    public sealed class RestStatusCodeCompleter : LiveCompleter
    {
        private const char Separator = '\u001f';

        protected override string? Scope(IDictionary fakeBoundParameters)
        {
            var restApiId = Bound(fakeBoundParameters, "RestApiId");
            var method = Bound(fakeBoundParameters, "HttpMethod");
            var resourceId = Bound(fakeBoundParameters, "ResourceId") ?? "";
            var resourcePath = Bound(fakeBoundParameters, "ResourcePath") ?? "";
            if (restApiId == null || method == null || (resourceId.Length == 0 && resourcePath.Length == 0)) return null;
            return string.Join(Separator.ToString(), restApiId, resourceId, resourcePath, method);
        }

        private protected override IReadOnlyList<Candidate> Lookup(ApiGatewayClient client, string scope, CancellationToken ct)
        {
            var parts = scope.Split(Separator);
            var service = new RestApiService(client);
            var target = service.ResolveMethodAsync(parts[0], parts[1].Length == 0 ? null : parts[1], parts[2], parts[3], ct).GetAwaiter().GetResult();
            var integration = service.GetIntegrationAsync(target.RestApiId, target.ResourceId, target.HttpMethod, target.ResourcePath, ct).GetAwaiter().GetResult();
            return integration.IntegrationResponses
                .Select(r => new Candidate(r.StatusCode, null,
                    string.IsNullOrEmpty(r.SelectionPattern) ? $"{r.StatusCode}: the default response" : $"{r.StatusCode}: selection pattern {r.SelectionPattern}"))
                .ToList();
        }
    }
}
