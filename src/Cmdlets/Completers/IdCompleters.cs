using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using IntegrationTools.Operations;
using IntegrationTools.Wire;

namespace IntegrationTools.Completers
{
    /// <summary>-RestApiId: the account's REST APIs, with their names.</summary>
    public sealed class RestApiIdCompleter : LiveCompleter
    {
        protected override IReadOnlyList<Candidate> Lookup(ApiGatewayClient client, string scope, CancellationToken ct) =>
            new RestApiService(client).GetRestApisAsync(ct).GetAwaiter().GetResult()
                .Select(a => new Candidate(a.RestApiId, a.Name, $"{a.Name} ({string.Join(", ", a.EndpointTypes)})"))
                .ToList();
    }

    /// <summary>-ApiId: the account's HTTP and WebSocket APIs, with their names and protocols.</summary>
    public sealed class ApiIdCompleter : LiveCompleter
    {
        protected override IReadOnlyList<Candidate> Lookup(ApiGatewayClient client, string scope, CancellationToken ct) =>
            new HttpApiService(client).GetApisAsync(ct).GetAwaiter().GetResult()
                .Select(a => new Candidate(a.ApiId, a.Name, $"{a.Name} ({a.ProtocolType})"))
                .ToList();
    }

    /// <summary>-ResourcePath: the paths of the REST API named by -RestApiId.</summary>
    public sealed class ResourcePathCompleter : LiveCompleter
    {
        protected override string? Scope(IDictionary fakeBoundParameters) => Bound(fakeBoundParameters, "RestApiId");

        protected override IReadOnlyList<Candidate> Lookup(ApiGatewayClient client, string restApiId, CancellationToken ct) =>
            new RestApiService(client).GetResourcesAsync(restApiId, ct).GetAwaiter().GetResult()
                .Select(r => new Candidate(r.Path, null, $"{r.Path} (resource {r.ResourceId}; {string.Join(", ", r.HttpMethods)})"))
                .ToList();
    }

    /// <summary>-ResourceId: the resources of the REST API named by -RestApiId, with their paths.</summary>
    public sealed class ResourceIdCompleter : LiveCompleter
    {
        protected override string? Scope(IDictionary fakeBoundParameters) => Bound(fakeBoundParameters, "RestApiId");

        protected override IReadOnlyList<Candidate> Lookup(ApiGatewayClient client, string restApiId, CancellationToken ct) =>
            new RestApiService(client).GetResourcesAsync(restApiId, ct).GetAwaiter().GetResult()
                .Select(r => new Candidate(r.ResourceId, r.Path, $"{r.Path} ({string.Join(", ", r.HttpMethods)})"))
                .ToList();
    }

    /// <summary>-IntegrationId: the integrations of the API named by -ApiId, with their type and target.</summary>
    public sealed class IntegrationIdCompleter : LiveCompleter
    {
        protected override string? Scope(IDictionary fakeBoundParameters) => Bound(fakeBoundParameters, "ApiId");

        protected override IReadOnlyList<Candidate> Lookup(ApiGatewayClient client, string apiId, CancellationToken ct)
        {
            var service = new HttpApiService(client);
            var api = service.GetApiAsync(apiId, ct).GetAwaiter().GetResult();
            var candidates = new List<Candidate>();
            string? token = null;
            do
            {
                var page = service.GetIntegrationsPageAsync(api, token, ct).GetAwaiter().GetResult();
                candidates.AddRange(page.Items.Select(i => new Candidate(i.IntegrationId, i.IntegrationType, $"{i.IntegrationType} {i.IntegrationUri}")));
                token = page.NextToken;
            }
            while (token != null);
            return candidates;
        }
    }
}
