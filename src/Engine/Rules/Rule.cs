using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>
    /// One check of the rule catalog, on one kind of definition. Each rule carries a definition that fails it and one
    /// that passes it (as the hashtables a user would write), so the catalog tests and the rules help topic can
    /// show both without drifting from the code.
    /// </summary>
    internal abstract class Rule<TDefinition>
    {
        protected Rule(RuleInfo info)
        {
            Info = info;
        }

        public RuleInfo Info { get; }

        public abstract IEnumerable<Finding> Check(TDefinition definition, RuleContext context);

        /// <summary>A definition (as a user would write it) on which this rule reports a finding.</summary>
        public abstract IDictionary FailingExample { get; }

        /// <summary>The same definition fixed: this rule reports nothing.</summary>
        public abstract IDictionary PassingExample { get; }

        /// <summary>The context the examples are checked in (e.g. the API's region or protocol).</summary>
        public virtual RuleContext ExampleContext => RuleContext.Offline;

        protected Finding Finding(string target, string? field, string message, string fix) => Info.Finding(target, field, message, fix);
    }

    /// <summary>
    /// What is known about where a definition goes, beyond the definition itself: the session's region, and for
    /// HTTP/WebSocket APIs the API's protocol when it has been read. Offline checks have neither.
    /// </summary>
    internal sealed class RuleContext
    {
        public static readonly RuleContext Offline = new RuleContext(null, null);

        /// <summary>Where the examples of the HTTP and WebSocket API rules are checked: an API of that protocol in their region.</summary>
        public static readonly RuleContext HttpApiExample = new RuleContext(ApiExamples.Region, ApiIntegrationValues.Http);

        public static readonly RuleContext WebSocketApiExample = new RuleContext(ApiExamples.Region, ApiIntegrationValues.WebSocket);

        public RuleContext(string? region, string? protocolType, IReadOnlyCollection<string>? methodRequestParameters = null)
        {
            Region = region;
            ProtocolType = protocolType;
            MethodRequestParameters = methodRequestParameters;
        }

        /// <summary>The region of the API (from the session), if known.</summary>
        public string? Region { get; }

        /// <summary>HTTP or WEBSOCKET for v2 APIs, if known.</summary>
        public string? ProtocolType { get; }

        /// <summary>
        /// For REST APIs, the request parameters the integrated method declares ('method.request.querystring.q'), when
        /// the method has been read (GetMethod); null when unknown.
        /// </summary>
        public IReadOnlyCollection<string>? MethodRequestParameters { get; }
    }
}
