using IntegrationTools.Wire;

namespace IntegrationTools.Operations
{
    /// <summary>
    /// A request that is ready to send, and how its answer becomes a result. The changing cmdlets show
    /// <see cref="Request"/> under -WhatIf (WireRequest.Preview) before <see cref="RestApiService.SendAsync{T}"/> sends it.
    /// </summary>
    internal sealed class PreparedCall<T>
    {
        private readonly Func<WireResponse, T> _map;

        internal PreparedCall(WireRequest request, Func<WireResponse, T> map)
        {
            Request = request;
            _map = map;
        }

        public WireRequest Request { get; }

        internal T Map(WireResponse response) => _map(response);

        public override string ToString() => Request.Preview();
    }

    /// <summary>The method an operation targets, with the resource path resolved (for messages and output objects).</summary>
    internal sealed record RestMethodTarget(string RestApiId, string ResourceId, string? ResourcePath, string HttpMethod)
    {
        /// <summary>"restapi/abc /pets GET": the target text of -WhatIf and -Confirm.</summary>
        public override string ToString() => $"restapi/{RestApiId} {ResourcePath ?? "resource/" + ResourceId} {HttpMethod}";
    }
}
