using System.Threading.Tasks;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// What the REST integration cmdlets share: the service and planner of the current session, the recommended actions for
    /// failures, and the check of a bare method target. The work itself is the engine's (RestIntegrationPlanner).
    /// </summary>
    public abstract class RestIntegrationCmdlet : IntegrationToolsCmdlet
    {
        private protected RestApiService RestService => new RestApiService(Client);

        private protected RestIntegrationPlanner Planner => new RestIntegrationPlanner(RestService, SessionRegion);

        private readonly Dictionary<string, RestApiListing> _listings = new Dictionary<string, RestApiListing>();

        /// <summary>The REST API's resources, methods and integrations: one GetResources?embed=methods listing per API and session for the whole pipeline.</summary>
        private protected RestApiListing ReadListing(string restApiId)
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
        /// a bad method is one non-terminating InvalidArgument error ({Operation}InvalidTarget) and nothing is sent.
        /// </summary>
        protected bool CheckTarget(string? restApiId, string? resourceId, string? resourcePath, string? httpMethod, string target,
            IEnumerable<Finding>? more = null)
        {
            var errors = WriteWarningsAndGetErrors(RestRules.CheckTarget(restApiId, resourceId, resourcePath, httpMethod).Concat(more ?? Enumerable.Empty<Finding>()));
            if (errors.Count == 0) return true;
            WriteError(Failures.ForTarget(errors, Operation, target));
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

        /// <summary>The findings of an integration response's status code (IT1101), none when it is not given.</summary>
        protected static IEnumerable<Finding> StatusCodeFindings(string? statusCode) =>
            statusCode == null ? Enumerable.Empty<Finding>()
                : new RestResponseStatusCodeRule().Check(new Definitions.RestIntegrationResponseDefinition { StatusCode = statusCode }, RuleContext.Offline);

        /// <summary>"restapi/abc /pets GET" for messages, before the target is resolved.</summary>
        protected static string MethodTarget(string? restApiId, string? resourceId, string? resourcePath, string? httpMethod) =>
            Text.DisplayText.Clip($"restapi/{restApiId ?? "?"} {(resourceId != null ? "resource/" + resourceId : resourcePath ?? "?")} {httpMethod?.ToUpperInvariant() ?? "?"}");
    }

    /// <summary>
    /// Base of the cmdlets that name one REST API method by parameters (Get-RestIntegrationResponse, Update-RestIntegration
    /// and the Remove- cmdlets): -RestApiId, -ResourceId or -ResourcePath, and -HttpMethod (positions 0, 1 and 2, as
    /// Get-RestIntegration has them), each bound from the pipeline by property name (Get-RestIntegration output).
    /// </summary>
    public abstract class RestMethodTargetCmdlet : RestIntegrationCmdlet
    {
        #region Parameters

        /// <summary>The id of the REST API.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.RestApiIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string RestApiId { get; set; } = "";

        /// <summary>The id of the resource; wins over -ResourcePath when both are given.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.ResourceIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ResourceId { get; set; }

        /// <summary>The path of the resource, such as /pets/{id}.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.ResourcePathCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ResourcePath { get; set; }

        /// <summary>The method of the resource.</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateHttpMethod]
        [ArgumentCompleter(typeof(Completers.HttpMethodCompleter))]
        public string HttpMethod { get; set; } = "";

        #endregion

        /// <summary>The method in upper case, as the service names it.</summary>
        protected string Method => HttpMethod.ToUpperInvariant();

        /// <summary>"restapi/abc /pets GET": the method as the parameters name it, before it is resolved.</summary>
        protected string MethodTarget() => MethodTarget(RestApiId, ResourceId, ResourcePath, Method);

        /// <summary>IT1001/IT1002 (and <paramref name="more"/>) for the method the parameters name; false after the item's error.</summary>
        protected bool CheckTarget(string target, IEnumerable<Finding>? more = null) =>
            CheckTarget(RestApiId, ResourceId, ResourcePath, Method, target, more);

        /// <summary>The recommended action for a failure of this cmdlet's REST API.</summary>
        protected string? Advice(ApiGatewayException ex) => Advice(ex, RestApiId);
    }

    /// <summary>
    /// Base of Remove-RestIntegration and Remove-RestIntegrationResponse: -Force and -PassThru beside the method, and the
    /// steps of a removal.
    /// </summary>
    public abstract class RestRemoveCmdlet : RestMethodTargetCmdlet
    {
        #region Parameters

        /// <summary>Removes without asking for confirmation (never overrides -WhatIf).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes what was removed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        /// <summary>
        /// Removes <paramref name="target"/> (what the parameters name): checks the method and <paramref name="findings"/>, plans
        /// the delete (which reads what is removed), confirms the exact request naming what <paramref name="confirmation"/> says,
        /// sends it, and under -PassThru writes what was removed.
        /// </summary>
        private protected void Remove<T>(string target, IEnumerable<Finding>? findings, Func<RestIntegrationPlanner, Task<RestPlan<T>>> plan,
            Func<RestPlan<T>, string> confirmation)
        {
            if (!CheckTarget(target, findings)) return;
            ShowProgress(target);
            var planner = Planner;
            RunForItem(target, Advice, () =>
            {
                var planned = WaitFor(plan(planner));
                if (!ShouldSend(confirmation(planned), planned.Call.Request, force: Force)) return;
                var removed = WaitFor(RestService.SendAsync(planned.Call, CancellationToken));
                if (PassThru) WriteObject(removed);
            });
        }
    }
}
