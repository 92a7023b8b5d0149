using System.Text;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// Reads integration definitions from JSON or YAML text into hashtables, one per definition, ready to pipe into
    /// Set-RestIntegration, New-ApiIntegration, Set-ApiIntegration or Test-ApiIntegration. It calls no AWS service and
    /// judges nothing but the syntax: the receiving cmdlets check each definition against the rules. Files are read by
    /// Import-IntegrationDefinition.
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "IntegrationDefinition", HelpUri = HelpLinks.Page + "ConvertFrom-IntegrationDefinition.md")]
    [OutputType(typeof(Hashtable))]
    public sealed class ConvertFromIntegrationDefinitionCommand : DefinitionReaderCmdlet
    {
        private const string ContentSource = "the -Content text";
        private readonly StringBuilder _content = new StringBuilder();
        private bool _sawContent;

        #region Parameters

        /// <summary>The JSON or YAML text itself; lines piped one by one (Get-Content without -Raw) are joined first.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("InputObject")]
        [AllowEmptyString]
        public string Content { get; set; } = "";

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            if (_sawContent) _content.Append('\n');
            _content.Append(Content);
            _sawContent = true;
        }

        protected override void EndProcessing()
        {
            if (!_sawContent) return;
            try
            {
                foreach (var definition in DefinitionDocument.Parse(_content.ToString(), DocumentFormat, ContentSource)) WriteObject(definition);
            }
            catch (DefinitionSyntaxException ex)
            {
                WriteError(Failures.ForSyntax(ex, ContentSource, " To read a file, use Import-IntegrationDefinition -Path."));
            }
        }

        #endregion
    }
}
