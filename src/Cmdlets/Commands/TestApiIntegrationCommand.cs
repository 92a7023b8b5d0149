using System.Globalization;
using IntegrationTools.Session;
using IntegrationTools.Validation;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// Checks integration definitions of either kind against the rule catalog — the same rules the changing cmdlets
    /// run before they send anything. Offline by default; -Live also checks them against the account (the API, its
    /// protocol, the resource and method, the VPC link, the integration as deployed), and -Invoke runs a test invocation
    /// of REST API methods. Writes one finding per problem (and the invocation result), or with -Quiet one $true/$false
    /// per definition.
    /// </summary>
    // ShouldProcess guards -Invoke only: a test invocation runs the integration, so the backend receives the request.
    [Cmdlet(VerbsDiagnostic.Test, "ApiIntegration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.Page + "Test-ApiIntegration.md")]
    [OutputType(typeof(Finding))]
    [OutputType(typeof(bool))]
    [OutputType(typeof(TestInvokeResult))]
    public sealed class TestApiIntegrationCommand : IntegrationToolsCmdlet
    {
        #region Parameters

        /// <summary>The definition: a hashtable, an object (ConvertFrom-Json of an AWS CLI skeleton, Import-Csv, YAML), or Get- output.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowNull]
        [Alias("Definition")]
        public PSObject? InputObject { get; set; }

        /// <summary>Rest or Api (HTTP/WebSocket); Auto tells it from the definition's fields.</summary>
        [Parameter]
        [ValidateSet("Auto", "Rest", "Api", IgnoreCase = true)]
        public string ApiKind { get; set; } = "Auto";

        /// <summary>HTTP or WEBSOCKET, for HTTP/WebSocket definitions that do not carry their API's protocol.</summary>
        [Parameter]
        [ValidateSet("HTTP", "WEBSOCKET", IgnoreCase = true)]
        public string? ProtocolType { get; set; }

        /// <summary>Write only $true (no Error finding) or $false per definition.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <summary>Also check the definition against the account: the API and its protocol, resource, method, VPC link, and the deployed integration.</summary>
        [Parameter]
        public SwitchParameter Live { get; set; }

        /// <summary>Run a test invocation (TestInvokeMethod) of each REST API method and write its result; a failing status is a finding.
        /// (Hides Cmdlet.Invoke(), which runs a cmdlet from C#; nothing calls that on this class.)</summary>
        [Parameter]
        public new SwitchParameter Invoke { get; set; }

        /// <summary>With -Invoke: the path and query string of the simulated request, such as /pets/1?verbose=true.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? PathWithQueryString { get; set; }

        /// <summary>With -Invoke: the body of the simulated request.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? Body { get; set; }

        /// <summary>With -Invoke: the headers of the simulated request, as a hashtable of names and values.</summary>
        [Parameter]
        public Hashtable? Header { get; set; }

        /// <summary>With -Invoke: the stage variables the simulated request sees, as a hashtable of names and values.</summary>
        [Parameter]
        public Hashtable? StageVariable { get; set; }

        #endregion

        #region Overrides

        protected override void BeginProcessing()
        {
            var invokeOnly = new[] { nameof(PathWithQueryString), nameof(Body), nameof(Header), nameof(StageVariable) }
                .Where(name => MyInvocation.BoundParameters.ContainsKey(name)).ToList();
            if (!Invoke && invokeOnly.Count > 0)
            {
                var message = $"-{string.Join(", -", invokeOnly)} describe the request of a test invocation and need -Invoke.";
                ThrowTerminatingError(Failures.ForInput(message, Operation + "InvokeParameterWithoutInvoke", string.Join(", ", invokeOnly),
                    "Add -Invoke to run a test invocation of the method, or leave these parameters out."));
            }
            if (Live || Invoke)
            {
                // A session that cannot be built (no region or credentials) ends the command here, before any input.
                _ = Client;
            }
        }

        protected override void ProcessRecord()
        {
            NextInput();
            var plain = DefinitionInput.ToPlain(InputObject);
            // Offline: the region (for checks such as a Lambda URI in another region) is only what -Region says.
            var context = new RuleContext(Region, ProtocolType?.ToUpperInvariant());
            var kind = (DefinitionKind)Enum.Parse(typeof(DefinitionKind), ApiKind, ignoreCase: true);
            var result = DefinitionValidator.Validate(plain, kind, context, InputName);
            if (!Live && !Invoke)
            {
                // Offline: nothing to add to the catalog's findings.
                if (Quiet) WriteObject(result.Passed);
                else WriteObject(result.Findings, enumerateCollection: true);
                return;
            }
            var findings = new List<Finding>(result.Findings);
            var output = new List<object>();
            var failed = false;

            if (Live && result.Definition != null)
            {
                failed |= !TryRead(Operation + "Live", result.Target, () =>
                    findings.AddRange(WaitFor(new LiveChecker(Client).CheckAsync(result, context, CancellationToken))));
            }
            if (Invoke && !failed)
                failed |= !RunInvocation(result, findings, output);

            if (failed) return; // the error for this input has been written
            if (Quiet)
            {
                WriteObject(findings.All(f => f.Severity != Severity.Error));
                return;
            }
            WriteObject(findings, enumerateCollection: true);
            WriteObject(output, enumerateCollection: true);
        }

        #endregion

        /// <summary>
        /// Runs reads of the account for one input. A failure (throttling after retries, access denied, no connection, an
        /// endpoint without TestInvokeMethod) becomes a non-terminating error for this input and false; the batch goes on.
        /// </summary>
        private bool TryRead(string operation, string target, Action action)
        {
            try
            {
                action();
                return true;
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                return false;
            }
            catch (TestInvokeNotSupportedException ex)
            {
                WriteError(Failures.ForNotSupported(ex, Operation + "InvokeNotSupported", target,
                    "Run -Invoke against API Gateway itself (leave out -EndpointUrl, or point it at the real regional endpoint); -Live and the offline checks work against emulators."));
                return false;
            }
            catch (ApiGatewayException ex)
            {
                WriteError(Failures.ForService(ex, operation, target, LiveAdvice));
                return false;
            }
            catch (SessionException ex)
            {
                ThrowTerminatingError(Failures.ForSession(ex));
                return false;
            }
        }

        /// <summary>
        /// -Invoke for one input: TestInvokeMethod of its REST API method. The result object goes to <paramref name="output"/>, a
        /// failing status or a configuration failure in the log to <paramref name="findings"/>. Returns false when an error
        /// was written instead (not a REST definition, the endpoint cannot invoke, the account could not be read).
        /// </summary>
        private bool RunInvocation(ValidationResult result, List<Finding> findings, List<object> output)
        {
            if (!(result.Definition is RestIntegrationDefinition d))
            {
                WriteError(Failures.ForInput(
                    $"{result.Target}: -Invoke runs TestInvokeMethod, which only REST API methods have; this input is {(result.Definition == null ? "not a definition whose kind is known" : "an HTTP or WebSocket API integration")}.",
                    Operation + "InvokeNotRestApi", result.Target,
                    "Use -Invoke with REST API definitions (RestApiId, ResourcePath or ResourceId, HttpMethod); test HTTP and WebSocket APIs by calling their endpoint."));
                return false;
            }
            if (d.RestApiId == null || (d.ResourceId == null && d.ResourcePath == null) || d.HttpMethod == null)
                return true; // IT1001 already says what is missing; there is no method to invoke

            var target = result.Target;
            return TryRead(Operation + "Invoke", target, () =>
            {
                var service = new RestApiService(Client);
                var method = WaitFor(service.ResolveMethodAsync(d.RestApiId, d.ResourceId, d.ResourcePath, d.HttpMethod, CancellationToken));
                if (!ShouldProcess(target, $"TestInvokeMethod POST /restapis/{method.RestApiId}/resources/{method.ResourceId}/methods/{method.HttpMethod}"
                    + (PathWithQueryString == null ? "" : $" for {PathWithQueryString}") + " (runs the integration: the backend receives the request)"))
                    return;
                var invocation = WaitFor(service.TestInvokeMethodAsync(method, new TestInvokeRequest
                {
                    PathWithQueryString = PathWithQueryString,
                    Body = Body,
                    Headers = ToStrings(Header),
                    StageVariables = ToStrings(StageVariable),
                }, CancellationToken));
                output.Add(invocation);
                findings.AddRange(LiveRules.CheckInvocation(target, invocation));
            });
        }

        private static Dictionary<string, string>? ToStrings(Hashtable? table)
        {
            if (table == null) return null;
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in table)
            {
                var value = entry.Value is PSObject ps ? ps.BaseObject : entry.Value;
                result[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            }
            return result;
        }

        private static string? LiveAdvice(ApiGatewayException ex)
        {
            switch (ex.Kind)
            {
                case FailureKind.Throttled:
                    return "The account's API Gateway management quota was exceeded while reading it; run the check again for this input, or check fewer definitions at once.";
                case FailureKind.AccessDenied:
                    return "The live checks read the API (apigateway:GET) and -Invoke calls TestInvokeMethod (apigateway:POST on the method); allow these for the session's credentials.";
                default:
                    return null;
            }
        }
    }
}
