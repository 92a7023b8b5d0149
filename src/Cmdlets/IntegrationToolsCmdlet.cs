using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using IntegrationTools.Session;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// Base of every IntegrationTools cmdlet: the AWS session parameters (named and aliased as AWS Tools for
    /// PowerShell names them), one wire client per distinct session, cancellation on Ctrl+C, and the one place
    /// where failures become ErrorRecords.
    /// </summary>
    public abstract partial class IntegrationToolsCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly ConcurrentQueue<string> _wireLog = new ConcurrentQueue<string>();
        private ApiGatewayClient? _client;
        private readonly List<ApiGatewayClient> _retiredClients = new List<ApiGatewayClient>();
        private string? _clientKey;
        private long _requestsOfEarlierClients;
        private PipelineProgress? _progress;
        private string? _operation;

        #region Parameters

        /// <summary>The AWS region of the API, e.g. us-east-1.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("RegionToCall")]
        [ArgumentCompleter(typeof(Completers.RegionCompleter))]
        public string? Region { get; set; }

        /// <summary>The name of a profile in the AWS credentials or config file.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("StoredCredentials", "AWSProfileName")]
        public string? ProfileName { get; set; }

        /// <summary>The path of a credentials file other than ~/.aws/credentials.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        public string? ProfileLocation { get; set; }

        /// <summary>An AWS access key id; needs -SecretKey.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AK")]
        public string? AccessKey { get; set; }

        /// <summary>The AWS secret access key that belongs to -AccessKey.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("SK", "SecretAccessKey")]
        public string? SecretKey { get; set; }

        /// <summary>The session token of temporary credentials.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ST")]
        public string? SessionToken { get; set; }

        /// <summary>An AWS credentials object, such as the one Get-AWSCredential returns.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public PSObject? Credential { get; set; }

        /// <summary>The API Gateway endpoint to call instead of the region's, e.g. http://127.0.0.1:5000 for a local server.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? EndpointUrl { get; set; }

        /// <summary>Allows an http:// endpoint on another computer (without it only https:// and loopback http:// are used).</summary>
        [Parameter]
        public SwitchParameter AllowInsecureEndpoint { get; set; }

        #endregion

        #region Overrides

        protected override void StopProcessing()
        {
            _cancellation.Cancel();
            base.StopProcessing();
        }

        protected override void EndProcessing()
        {
            if (!WriteRemaining()) return;
            FlushWireLog();
            var completed = _progress?.Complete(RequestsSent);
            if (completed != null) WriteProgress(completed);
            base.EndProcessing();
        }

        #endregion

        protected CancellationToken CancellationToken => _cancellation.Token;

        /// <summary>
        /// The cmdlet's verb and noun without the dash, as its [Cmdlet] attribute names them (RemoveApiIntegration): the start
        /// of every ErrorId it writes, whatever prefix the module was imported with.
        /// </summary>
        protected string Operation => _operation ??= Failures.OperationOf(GetType());

        /// <summary>
        /// The wire client for the session the current parameters describe. Built once per distinct session; a bad
        /// session (no credentials, no region, bad endpoint) ends the command before any request.
        /// </summary>
        private protected ApiGatewayClient Client
        {
            get
            {
                var options = SessionParameters.ToOptions(MyInvocation.BoundParameters, SessionState);
                var key = options.CacheKey();
                if (_client != null && key == _clientKey) return _client;
                ResolvedSession session;
                try
                {
                    session = new SessionResolver().Resolve(options);
                }
                catch (SessionException ex)
                {
                    ThrowTerminatingError(Failures.ForSession(ex));
                    throw; // not reached
                }
                WriteDebug($"IntegrationTools: region {session.Region} from {session.RegionSource}; endpoint {session.Endpoint} from {session.EndpointSource}; credentials from {session.CredentialSource}; retries and pacing: {session.PacingSource}.");
                _requestsOfEarlierClients += _client?.RequestsSent ?? 0;
                // Requests of the earlier session may still be in flight: its client is disposed with the command.
                if (_client != null) _retiredClients.Add(_client);
                _client = new ApiGatewayClient(session) { Log = _wireLog.Enqueue };
                _clientKey = key;
                return _client;
            }
        }

        /// <summary>The session's region: the rules check against it, and it completes ARNs and URIs (resolving the session ends the command when it cannot be built).</summary>
        protected string SessionRegion => Client.Session.Region;

        /// <summary>Waits for an engine call on the pipeline thread, then writes its request log as Verbose lines.</summary>
        protected T WaitFor<T>(Task<T> task)
        {
            try
            {
                return task.GetAwaiter().GetResult();
            }
            finally
            {
                FlushWireLog();
            }
        }

        /// <summary>
        /// Runs <paramref name="action"/> for one input item; a failure becomes a non-terminating error with the
        /// ErrorId <see cref="Operation"/>+kind (e.g. GetRestIntegrationNotFound) and the given target, and the
        /// pipeline goes on with the next item. <paramref name="recommendedAction"/> may name a fix for a failure
        /// (null falls back to the general advice for its kind). Ctrl+C stops quietly.
        /// </summary>
        protected void RunForItem(object target, Func<ApiGatewayException, string?>? recommendedAction, Action action)
        {
            try
            {
                action();
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                // Stopped by the user: the error that names the items not done counts this one.
                StoppedWhilePlanned();
            }
            catch (ApiGatewayException ex)
            {
                TryWriteFailure(ex, target, recommendedAction);
            }
            catch (SessionException ex)
            {
                TryWriteFailure(ex, target, recommendedAction);
            }
        }

        /// <summary>
        /// The error of one item that failed: an <see cref="ApiGatewayException"/> is its non-terminating error (true); a
        /// <see cref="SessionException"/> ends the command, since the credentials could not be had when the request was
        /// signed (an expired SSO session, say) and every other item would fail the same way. Anything else is not handled
        /// (false).
        /// </summary>
        private bool TryWriteFailure(Exception ex, object target, Func<ApiGatewayException, string?>? recommendedAction)
        {
            switch (ex)
            {
                case ApiGatewayException failure:
                    WriteError(Failures.ForService(failure, Operation, target, recommendedAction));
                    return true;
                case SessionException session:
                    ThrowTerminatingError(Failures.ForSession(session));
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The check of the changing cmdlets before they send anything: warnings are written as warnings; Error findings become one
        /// non-terminating ErrorRecord (ErrorId <see cref="Operation"/>+"InvalidDefinition", InvalidArgument) that
        /// lists every problem and its fix, and the caller must send nothing. Returns true when the definition may be sent.
        /// </summary>
        protected bool CheckBeforeSending(IReadOnlyCollection<Finding> findings, object target)
        {
            var errors = WriteWarningsAndGetErrors(findings);
            if (errors.Count == 0) return true;
            WriteError(Failures.ForDefinition(errors, Operation, target));
            return false;
        }

        /// <summary>Writes the Warning findings as warnings and returns the Error findings (the caller decides what they stop).</summary>
        protected List<Finding> WriteWarningsAndGetErrors(IEnumerable<Finding> findings)
        {
            var errors = new List<Finding>();
            foreach (var finding in findings)
            {
                if (finding.Severity == Severity.Warning) WriteWarning($"{finding.RuleId} {finding.Target}: {finding.Message} {finding.Fix}");
                else if (finding.Severity == Severity.Error) errors.Add(finding);
            }
            return errors;
        }

        /// <summary>
        /// ShouldProcess with the exact request as the -WhatIf text: "PUT /restapis/.../integration {json}". With
        /// <paramref name="force"/> (a cmdlet's -Force) the confirmation prompt is skipped, but -WhatIf still only shows the request.
        /// </summary>
        private protected bool ShouldSend(string target, WireRequest request, bool force = false) =>
            force && !WhatIfRequested || ShouldProcess(target, request.Preview());

        /// <summary>A refusal the engine worked out for one item (not a definition problem): one non-terminating error, ErrorId <see cref="Operation"/>+<paramref name="problem"/>.</summary>
        protected void WriteRefusal(string problem, ErrorCategory category, object target, string message, string fix) =>
            WriteError(Failures.ForRefusal(Operation + problem, category, target, message, fix));

        /// <summary>How many requests this command has sent so far (every attempt), over every session it used.</summary>
        protected long RequestsSent => _requestsOfEarlierClients + (_client?.RequestsSent ?? 0);

        /// <summary>
        /// Write-Progress for the item about to be worked on (<paramref name="target"/>): items done, the current target and
        /// the request rate. <paramref name="position"/> and <paramref name="total"/> give a percentage when the total is
        /// known (a walk over resources); a pipeline's is not. EndProcessing completes the record.
        /// </summary>
        protected void ShowProgress(string target, int? position = null, int? total = null)
        {
            _progress ??= new PipelineProgress(MyInvocation.MyCommand.Name);
            WriteProgress(_progress.Next(target, RequestsSent, position, total));
        }

        /// <summary>-WhatIf is in effect (given, or $WhatIfPreference).</summary>
        protected bool WhatIfRequested
        {
            get
            {
                if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value))
                    return value is SwitchParameter s ? s.IsPresent : value is bool b && b;
                var preference = SessionState.PSVariable.GetValue("WhatIfPreference");
                return LanguagePrimitives.IsTrue(preference);
            }
        }

        /// <summary>
        /// An item that needs no request (the live integration already is as defined): under -WhatIf it says so in the
        /// What if: line instead of showing a request; otherwise a Verbose line says so. Never asks for confirmation.
        /// </summary>
        protected void ReportNothingToSend(string target, string reason)
        {
            var text = $"{target}: {reason}: nothing to send.";
            if (WhatIfRequested) ShouldProcess(text, text, "Nothing to send");
            else WriteVerbose(text);
        }

        private void FlushWireLog()
        {
            while (_wireLog.TryDequeue(out var line)) WriteVerbose(line);
        }
    }
}
