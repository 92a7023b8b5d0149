using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IntegrationTools.Definitions;
using IntegrationTools.Models;
using IntegrationTools.Operations;
using IntegrationTools.Rules;
using IntegrationTools.Wire;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// Changes an integration of an HTTP or WebSocket API (UpdateIntegration): only the fields named change. The
    /// integration as it will be is checked against the rules before anything is sent.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ApiIntegration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ApiIntegration))]
    public sealed class SetApiIntegrationCommand : ApiIntegrationCmdlet
    {
        private const string Operation = "SetApiIntegration";

        /// <summary>The parameters that name a field to change (the definition field of the same name).</summary>
        private static readonly string[] ChangeParameters =
        {
            nameof(IntegrationType), nameof(IntegrationSubtype), nameof(IntegrationUri), nameof(IntegrationMethod),
            nameof(ConnectionType), nameof(ConnectionId), nameof(CredentialsArn), nameof(Description),
            nameof(PayloadFormatVersion), nameof(PassthroughBehavior), nameof(ContentHandlingStrategy),
            nameof(TemplateSelectionExpression), nameof(TimeoutInMillis), nameof(ServerNameToVerify),
            nameof(RequestParameters), nameof(RequestTemplates), nameof(ResponseParameters),
        };

        #region Parameters

        /// <summary>The id of the HTTP or WebSocket API.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.ApiIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string ApiId { get; set; } = "";

        /// <summary>The id of the integration to change.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.IntegrationIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string IntegrationId { get; set; } = "";

        /// <summary>The new integration type.</summary>
        [Parameter]
        [ValidateSet("AWS", "AWS_PROXY", "HTTP", "HTTP_PROXY", "MOCK")]
        public string? IntegrationType { get; set; }

        /// <summary>The new AWS service action of an HTTP API AWS_PROXY integration.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completers.IntegrationSubtypeCompleter))]
        public string? IntegrationSubtype { get; set; }

        /// <summary>The new backend URI (URL, function ARN, listener or Cloud Map service ARN, API Gateway service URI).</summary>
        [Parameter]
        public string? IntegrationUri { get; set; }

        /// <summary>The new HTTP method of the backend call.</summary>
        [Parameter]
        [ValidateSet("ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")]
        public string? IntegrationMethod { get; set; }

        /// <summary>INTERNET or VPC_LINK.</summary>
        [Parameter]
        [ValidateSet("INTERNET", "VPC_LINK")]
        public string? ConnectionType { get; set; }

        /// <summary>The id of the VPC link of a private integration.</summary>
        [Parameter]
        [Alias("VpcLinkId")]
        [ArgumentCompleter(typeof(Completers.ApiVpcLinkCompleter))]
        public string? ConnectionId { get; set; }

        /// <summary>The IAM role API Gateway calls the backend as.</summary>
        [Parameter]
        public string? CredentialsArn { get; set; }

        /// <summary>The new description ('' clears it).</summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary>1.0 or 2.0 (2.0 only for Lambda proxy integrations of HTTP APIs).</summary>
        [Parameter]
        [ValidateSet("1.0", "2.0")]
        public string? PayloadFormatVersion { get; set; }

        /// <summary>WHEN_NO_MATCH, NEVER or WHEN_NO_TEMPLATES (WebSocket APIs).</summary>
        [Parameter]
        [ValidateSet("WHEN_NO_MATCH", "NEVER", "WHEN_NO_TEMPLATES")]
        public string? PassthroughBehavior { get; set; }

        /// <summary>CONVERT_TO_BINARY or CONVERT_TO_TEXT (WebSocket APIs).</summary>
        [Parameter]
        [ValidateSet("CONVERT_TO_BINARY", "CONVERT_TO_TEXT")]
        public string? ContentHandlingStrategy { get; set; }

        /// <summary>The new template selection expression (WebSocket APIs).</summary>
        [Parameter]
        public string? TemplateSelectionExpression { get; set; }

        /// <summary>The new timeout in milliseconds.</summary>
        [Parameter]
        public int TimeoutInMillis { get; set; }

        /// <summary>The new TLS server name of a private integration (HTTP APIs).</summary>
        [Parameter]
        public string? ServerNameToVerify { get; set; }

        /// <summary>Request parameters to add or change; a key with an empty value removes that mapping.</summary>
        [Parameter]
        public Hashtable? RequestParameters { get; set; }

        /// <summary>Request templates to add or change (WebSocket APIs).</summary>
        [Parameter]
        public Hashtable? RequestTemplates { get; set; }

        /// <summary>Response parameters to add or change by status code (HTTP APIs); a status code with an empty hashtable removes its mappings.</summary>
        [Parameter]
        public Hashtable? ResponseParameters { get; set; }

        /// <summary>Writes the changed integration to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        #region Overrides

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (!ChangeParameters.Any(p => MyInvocation.BoundParameters.ContainsKey(p)))
            {
                var message = "Set-ApiIntegration was given nothing to change.";
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message), Operation + "NothingToChange", ErrorCategory.InvalidArgument, null)
                {
                    ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Name at least one field to change, e.g. -Description 'orders backend' or -TimeoutInMillis 10000." },
                });
            }
        }

        protected override void ProcessRecord()
        {
            var apiId = ApiId;
            var integrationId = IntegrationId;
            var target = $"api/{apiId} integration/{integrationId}";
            ShowProgress(target);
            ForItem(Operation, target, Advice, () =>
            {
                var service = new HttpApiService(Client);
                var api = ReadApi(service, apiId);
                var findings = new List<Finding>();
                var patch = ApiIntegrationDefinition.Read(Changes(), findings, target, keepEmpty: true).InServiceCase();
                var planner = new ApiIntegrationPlanner(service);
                var plan = Await(planner.PlanUpdateAsync(api, SessionRegion, integrationId, patch, findings, CancellationToken));
                if (!PreFlight(plan.Findings, Operation, target)) return;
                if (plan.NothingToSend)
                {
                    ReportNothingToSend(target, "the integration already is as asked (Unchanged)");
                    if (PassThru && !WhatIfRequested) WriteObject(Await(planner.ApplyUpdateAsync(api, plan, CancellationToken)));
                    return;
                }
                if (!ShouldSend(target, plan.Request)) return;
                var updated = Await(planner.ApplyUpdateAsync(api, plan, CancellationToken));
                WriteVerbose($"{target}: {plan.Describe()}.");
                if (PassThru) WriteObject(updated);
            });
        }

        #endregion

        /// <summary>The fields the user named, as plain data for the definition reader.</summary>
        private Hashtable Changes()
        {
            var changes = new Hashtable(System.StringComparer.OrdinalIgnoreCase);
            foreach (var name in ChangeParameters)
            {
                if (!MyInvocation.BoundParameters.TryGetValue(name, out var value)) continue;
                // $null clears: an empty value, or an empty map for the map fields.
                changes[name] = DefinitionInput.ToPlain(value) ?? (ApiIntegrationDefinition.Schema.Find(name)?.Kind == FieldKind.String ? "" : (object)new Hashtable());
            }
            return changes;
        }

        private string? Advice(ApiGatewayException ex) =>
            ex.Kind == FailureKind.NotFound
                ? $"Check the API and integration ids: Get-ApiIntegration -ApiId {ApiId} lists the API's integrations."
                : null;
    }
}
