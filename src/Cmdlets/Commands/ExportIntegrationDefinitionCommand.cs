using System.Collections.ObjectModel;
using System.IO;
using System.Text;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// Writes integrations (the output of Get-RestIntegration, Get-RestIntegrationResponse and Get-ApiIntegration) and
    /// definitions piped in to a JSON or YAML definitions file, holding exactly what re-applies: the targets and the fields
    /// with values, without read-only members, service-assigned ids, empty values or the service's defaults (see
    /// DefinitionExport). Import-IntegrationDefinition reads the file back. Like Export-Csv, an existing file is replaced
    /// unless -NoClobber; -Force also replaces a read-only file.
    /// </summary>
    [Cmdlet(VerbsData.Export, "IntegrationDefinition", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Page + "Export-IntegrationDefinition.md")]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportIntegrationDefinitionCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const string Operation = "ExportIntegrationDefinition";
        private readonly List<IDictionary> _definitions = new List<IDictionary>();
        private int _count;
        private string _file = "";
        // Json or Yaml, as text: an engine type in a field of the cmdlet class would load the engine before the module's
        // load context is set up.
        private string _format = "";

        #region Parameters

        /// <summary>The file to write; its extension (.json, .yaml, .yml) chooses the format unless -Format says.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>The file to write, taken as written (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; } = "";

        /// <summary>An integration or integration response from the Get- cmdlets, or a definition (hashtable or object).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowNull]
        public object? InputObject { get; set; }

        /// <summary>Json or Yaml; Auto (the default) takes it from the file extension.</summary>
        [Parameter]
        [ValidateSet("Auto", "Json", "Yaml", IgnoreCase = true)]
        public string Format { get; set; } = "Auto";

        /// <summary>Replaces a read-only file too (its read-only attribute is kept).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Refuses to replace an existing file.</summary>
        [Parameter]
        [Alias("NoOverwrite")]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Writes the file's FileInfo after writing it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        #region Overrides

        protected override void BeginProcessing()
        {
            var given = ParameterSetName == LiteralPathSet ? LiteralPath : Path;
            _file = ResolveFile(given, literal: ParameterSetName == LiteralPathSet);
            var format = (DefinitionFormat)Enum.Parse(typeof(DefinitionFormat), Format, ignoreCase: true);
            if (format == DefinitionFormat.Auto) format = DefinitionDocument.FormatOfExtension(_file);
            _format = format.ToString();
            if (format == DefinitionFormat.Auto)
                ThrowTerminatingError(Failures.ForInput($"'{_file}' does not say whether to write JSON or YAML: its extension is not .json, .yaml or .yml.",
                    Operation + "UnknownFormat", _file, "Name the file *.json, *.yaml or *.yml, or add -Format Json or -Format Yaml."));
        }

        protected override void ProcessRecord()
        {
            _count++;
            var findings = new List<Finding>();
            var exported = DefinitionExport.Read(DefinitionInput.ToPlain(InputObject), findings, $"input {_count}");
            if (exported != null)
            {
                _definitions.Add(exported);
                return;
            }
            var errors = findings.Where(f => f.Severity == Severity.Error).ToList();
            var target = errors.Select(f => f.Target).FirstOrDefault() ?? $"input {_count}";
            WriteError(Failures.ForDefinition(errors, Operation, target));
        }

        protected override void EndProcessing()
        {
            // Inputs came and none could be exported: the file is left as it was (its definitions are not replaced by none).
            if (_count > 0 && _definitions.Count == 0) return;
            var action = $"Write {_definitions.Count} integration definition{(_definitions.Count == 1 ? "" : "s")} as {_format}";
            if (!ShouldProcess(_file, action)) return;
            Write(DefinitionWriter.Write(_definitions, (DefinitionFormat)Enum.Parse(typeof(DefinitionFormat), _format)));
            WriteVerbose($"Wrote {_definitions.Count} definitions to {_file}");
            // The file as Get-Item shows it (with PSPath), so that it pipes into Import-IntegrationDefinition.
            if (PassThru) WriteObject(SessionState.InvokeProvider.Item.Get(new[] { _file }, false, true), enumerateCollection: true);
        }

        #endregion

        private string ResolveFile(string path, bool literal)
        {
            string file;
            ProviderInfo provider;
            if (!literal && WildcardPattern.ContainsWildcardCharacters(path))
            {
                Collection<string> matches;
                try
                {
                    matches = GetResolvedProviderPathFromPSPath(path, out provider);
                }
                catch (ItemNotFoundException)
                {
                    matches = new Collection<string>();
                    provider = null!;
                }
                if (matches.Count != 1)
                    ThrowTerminatingError(Failures.ForInput($"'{path}' matches {matches.Count} files; the definitions go to one file.",
                        Operation + "AmbiguousPath", path, "Name one file, or use -LiteralPath for a name with wildcard characters such as [ ]."));
                file = matches[0];
            }
            else
            {
                file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            }
            if (provider.Name != "FileSystem")
                ThrowTerminatingError(Failures.ForInput($"'{path}' is not a file system path.", Operation + "InvalidPath", path, "Give the path of a file."));
            if (Directory.Exists(file))
                ThrowTerminatingError(Failures.ForInput($"'{file}' is a folder.", Operation + "InvalidPath", file, "Give the path of a file in it, such as integrations.yaml."));
            return file;
        }

        private void Write(string text)
        {
            var info = new FileInfo(_file);
            var wasReadOnly = false;
            try
            {
                if (info.Exists)
                {
                    if (NoClobber)
                        ThrowTerminatingError(Failure(new IOException($"The file '{_file}' already exists."), "FileExists", ErrorCategory.ResourceExists,
                            "Remove -NoClobber to replace it, or choose another file."));
                    if (info.IsReadOnly)
                    {
                        if (!Force)
                            ThrowTerminatingError(Failure(new UnauthorizedAccessException($"The file '{_file}' is read-only."), "FileReadOnly", ErrorCategory.PermissionDenied,
                                "Add -Force to replace a read-only file (it stays read-only), or choose another file."));
                        wasReadOnly = true;
                        info.IsReadOnly = false;
                    }
                }
                using (var stream = new FileStream(_file, NoClobber ? FileMode.CreateNew : FileMode.Create, FileAccess.Write, FileShare.Read))
                using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
                    writer.Write(text);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
            {
                ThrowTerminatingError(Failure(ex, "WriteFailed", ErrorCategory.WriteError, "Check that the folder exists and that you may write to it."));
            }
            finally
            {
                if (wasReadOnly) new FileInfo(_file).IsReadOnly = true;
            }
        }

        private ErrorRecord Failure(Exception ex, string problem, ErrorCategory category, string action) =>
            Failures.ForFileWrite(ex, Operation + problem, category, _file, action);
    }
}
