using System.Management.Automation;
using IntegrationTools.Rules;
using IntegrationTools.Validation;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// Checks integration definitions of either kind against the rule catalog — the same rules the changing cmdlets
    /// run before they send anything — without calling AWS. Writes one finding per problem, or with -Quiet one
    /// $true/$false per definition.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "ApiIntegration")]
    [OutputType(typeof(Finding))]
    [OutputType(typeof(bool))]
    public sealed class TestApiIntegrationCommand : IntegrationToolsCmdlet
    {
        private int _count;

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

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            _count++;
            var plain = DefinitionInput.ToPlain(InputObject);
            // Offline: the region (for checks such as a Lambda URI in another region) is only what -Region says.
            var context = new RuleContext(Region, ProtocolType?.ToUpperInvariant());
            var kind = (DefinitionKind)System.Enum.Parse(typeof(DefinitionKind), ApiKind, ignoreCase: true);
            var result = DefinitionValidator.Validate(plain, kind, context, $"input {_count}");
            if (Quiet)
            {
                WriteObject(result.Passed);
                return;
            }
            WriteObject(result.Findings, enumerateCollection: true);
        }

        #endregion
    }
}
