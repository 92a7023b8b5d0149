namespace IntegrationTools.Commands
{
    /// <summary>
    /// Changes parts of a REST API method's integration (UpdateIntegration): the named parameters become patch operations
    /// against the current integration, raw operations can be added with -PatchOperation, and nothing else changes.
    /// </summary>
    [Cmdlet(VerbsData.Update, "RestIntegration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Page + "Update-RestIntegration.md")]
    [OutputType(typeof(RestIntegration))]
    public sealed class UpdateRestIntegrationCommand : RestMethodTargetCmdlet
    {
        private static readonly string[] FriendlyParameters =
        {
            nameof(IntegrationHttpMethod), nameof(Uri), nameof(ConnectionType), nameof(ConnectionId), nameof(Credentials),
            nameof(RequestParameters), nameof(RequestTemplates), nameof(PassthroughBehavior), nameof(CacheNamespace),
            nameof(CacheKeyParameters), nameof(ContentHandling), nameof(TimeoutInMillis), nameof(InsecureSkipVerification),
            nameof(ResponseTransferMode), nameof(IntegrationTarget),
        };

        #region Parameters

        /// <summary>The new backend method.</summary>
        [Parameter]
        [ValidateHttpMethod]
        [ArgumentCompleter(typeof(Completers.HttpMethodCompleter))]
        public string? IntegrationHttpMethod { get; set; }

        /// <summary>The new backend URI.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Uri { get; set; }

        /// <summary>INTERNET or VPC_LINK.</summary>
        [Parameter]
        [ValidateSet("INTERNET", "VPC_LINK", IgnoreCase = true)]
        public string? ConnectionType { get; set; }

        /// <summary>The id of the VPC link.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.RestVpcLinkCompleter))]
        public string? ConnectionId { get; set; }

        /// <summary>The IAM role ARN, or arn:aws:iam::*:user/* for the caller's credentials.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completers.CredentialsCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Credentials { get; set; }

        /// <summary>Request parameters to add or change; a key whose value is $null or '' is removed. Other keys stay.</summary>
        [Parameter]
        public Hashtable? RequestParameters { get; set; }

        /// <summary>Request templates to add or change by content type; a key whose value is $null or '' is removed. Other keys stay.</summary>
        [Parameter]
        public Hashtable? RequestTemplates { get; set; }

        /// <summary>WHEN_NO_MATCH, WHEN_NO_TEMPLATES or NEVER.</summary>
        [Parameter]
        [ValidateSet("WHEN_NO_MATCH", "WHEN_NO_TEMPLATES", "NEVER", IgnoreCase = true)]
        public string? PassthroughBehavior { get; set; }

        /// <summary>The cache namespace.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CacheNamespace { get; set; }

        /// <summary>The complete new list of cache key parameters (@() for none).</summary>
        [Parameter]
        [AllowEmptyCollection]
        public string[]? CacheKeyParameters { get; set; }

        /// <summary>CONVERT_TO_BINARY or CONVERT_TO_TEXT.</summary>
        [Parameter]
        [ValidateSet("CONVERT_TO_BINARY", "CONVERT_TO_TEXT", IgnoreCase = true)]
        public string? ContentHandling { get; set; }

        /// <summary>The new timeout in milliseconds.</summary>
        [Parameter]
        public int TimeoutInMillis { get; set; }

        /// <summary>-InsecureSkipVerification to skip certificate verification, -InsecureSkipVerification:$false to verify again.</summary>
        [Parameter]
        public SwitchParameter InsecureSkipVerification { get; set; }

        /// <summary>BUFFERED or STREAM.</summary>
        [Parameter]
        [ValidateSet("BUFFERED", "STREAM", IgnoreCase = true)]
        public string? ResponseTransferMode { get; set; }

        /// <summary>The ALB or NLB listener ARN behind a VPC link.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? IntegrationTarget { get; set; }

        /// <summary>Raw patch operations, such as @{ op = 'replace'; path = '/timeoutInMillis'; value = '5000' }, sent after the others.</summary>
        [Parameter]
        public PatchOperation[]? PatchOperation { get; set; }

        /// <summary>Writes the updated integration.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            var target = MethodTarget();
            var findings = new List<Finding>();
            var changes = RestIntegrationDefinition.Read(DefinitionInput.ToPlain(BoundValues(FriendlyParameters)), findings);
            var raw = RestIntegrationPatch.Normalize(PatchOperation);
            findings.AddRange(RestInputRules.CheckPatch(raw, target));
            if (!CheckTarget(target, findings)) return;
            if (!FriendlyParameters.Any(MyInvocation.BoundParameters.ContainsKey) && raw.Count == 0)
            {
                WriteError(Failures.ForInput($"{target}: nothing to change. Name what to change, such as -TimeoutInMillis 5000 or -Uri, or give -PatchOperation.",
                    Operation + "NothingToChange", target, "Give at least one of -" + string.Join(", -", FriendlyParameters) + " or -PatchOperation."));
                return;
            }

            ShowProgress(target);
            var planner = Planner;
            RunForItem(target, Advice, () =>
            {
                var plan = WaitFor(planner.PlanUpdateAsync(RestApiId, ResourceId, ResourcePath, Method, changes, raw, CancellationToken));
                if (!CheckBeforeSending(plan.Findings, plan.Target.ToString())) return;
                if (plan.NothingToSend)
                {
                    WriteWarning($"{plan.Target}: nothing was sent: the keys to remove are not there, so the integration is already as asked.");
                    if (PassThru && plan.Current != null) WriteObject(WaitFor(planner.ApplyAsync(plan, CancellationToken)));
                    return;
                }
                if (!ShouldSend(plan.Target.ToString(), plan.Request)) return;
                var updated = WaitFor(planner.ApplyAsync(plan, CancellationToken));
                if (PassThru) WriteObject(updated);
            });
        }

        #endregion
    }
}
