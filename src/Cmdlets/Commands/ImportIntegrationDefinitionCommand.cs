using System.IO;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// Reads integration definitions files (JSON or YAML, such as Export-IntegrationDefinition writes) into hashtables, one
    /// per definition, ready to pipe into Set-RestIntegration, Set-RestIntegrationResponse, New-ApiIntegration,
    /// Set-ApiIntegration or Test-ApiIntegration. It calls no AWS service and judges nothing but the syntax: the receiving
    /// cmdlets check each definition against the rules.
    /// </summary>
    [Cmdlet(VerbsData.Import, "IntegrationDefinition", DefaultParameterSetName = PathSet, HelpUri = HelpLinks.Page + "Import-IntegrationDefinition.md")]
    [OutputType(typeof(Hashtable))]
    public sealed class ImportIntegrationDefinitionCommand : DefinitionReaderCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        #region Parameters

        /// <summary>Definitions files (.json, .yaml, .yml); wildcards are expanded.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Definitions files, taken as written (no wildcards); files piped from Get-ChildItem bind here by their PSPath.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case PathSet:
                    foreach (var path in Path) ReadPath(path, literal: false);
                    break;
                case LiteralPathSet:
                    foreach (var path in LiteralPath) ReadPath(path, literal: true);
                    break;
                default:
                    System.Diagnostics.Debug.Assert(false, "Unknown parameter set " + ParameterSetName);
                    break;
            }
        }

        #endregion

        private void ReadPath(string path, bool literal)
        {
            List<string> files;
            try
            {
                files = Resolve(path, literal);
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException
                                       || ex is NotSupportedException || ex is ArgumentException || ex is PSInvalidOperationException)
            {
                WriteError(Failures.ForFileNotFound(path, ex));
                return;
            }
            foreach (var file in files)
            {
                WriteVerbose($"Reading integration definitions from {file}");
                try
                {
                    foreach (var definition in DefinitionDocument.ReadFile(file, DocumentFormat)) WriteObject(definition);
                }
                catch (FileNotFoundException ex)
                {
                    WriteError(Failures.ForFileNotFound(file, ex));
                }
                catch (DefinitionSyntaxException ex)
                {
                    WriteError(Failures.ForSyntax(ex, file));
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    WriteError(Failures.ForFileUnreadable(file, ex));
                }
            }
        }

        private List<string> Resolve(string path, bool literal)
        {
            var files = new List<string>();
            if (!literal && WildcardPattern.ContainsWildcardCharacters(path))
            {
                foreach (var resolved in GetResolvedProviderPathFromPSPath(path, out var provider))
                {
                    if (provider.Name != "FileSystem") throw new NotSupportedException($"'{path}' is not a file system path.");
                    if (File.Exists(resolved)) files.Add(resolved);
                }
                if (files.Count == 0) throw new ItemNotFoundException($"No definitions file matches '{path}'.");
                return files;
            }
            var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var fileProvider, out _);
            if (fileProvider.Name != "FileSystem") throw new NotSupportedException($"'{path}' is not a file system path.");
            if (Directory.Exists(full)) throw new ItemNotFoundException($"'{full}' is a folder, not a definitions file.");
            files.Add(full);
            return files;
        }
    }
}
