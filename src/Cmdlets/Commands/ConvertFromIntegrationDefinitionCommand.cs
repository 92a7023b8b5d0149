using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text;
using IntegrationTools.Definitions;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// Reads integration definitions from a JSON or YAML file or text into hashtables, one per definition, ready to
    /// pipe into Set-RestIntegration, New-ApiIntegration, Set-ApiIntegration or Test-ApiIntegration. It calls no AWS
    /// service and judges nothing but the syntax: the receiving cmdlets check each definition against the rules.
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "IntegrationDefinition", DefaultParameterSetName = ContentSet)]
    [OutputType(typeof(Hashtable))]
    public sealed class ConvertFromIntegrationDefinitionCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string ContentSet = "Content";
        private const string ContentSource = "the -Content text";
        private readonly StringBuilder _content = new StringBuilder();
        private bool _sawContent;

        #region Parameters

        /// <summary>Definitions files (.json, .yaml, .yml); wildcards are expanded.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>The JSON or YAML text itself; lines piped one by one (Get-Content without -Raw) are joined first.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ContentSet)]
        [Alias("InputObject")]
        [AllowEmptyString]
        public string Content { get; set; } = "";

        /// <summary>The format; Auto decides by the file extension, then by the first character (JSON starts with { or [).</summary>
        [Parameter]
        [ValidateSet("Auto", "Json", "Yaml", IgnoreCase = true)]
        public string Format { get; set; } = "Auto";

        #endregion

        #region Overrides

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case PathSet:
                    foreach (var path in Path) ReadPath(path);
                    break;
                case ContentSet:
                    if (_sawContent) _content.Append('\n');
                    _content.Append(Content);
                    _sawContent = true;
                    break;
                default:
                    System.Diagnostics.Debug.Assert(false, "Unknown parameter set " + ParameterSetName);
                    break;
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != ContentSet || !_sawContent) return;
            try
            {
                Write(DefinitionDocument.Parse(_content.ToString(), ParsedFormat, ContentSource));
            }
            catch (DefinitionSyntaxException ex)
            {
                WriteError(SyntaxError(ex, ContentSource));
            }
        }

        #endregion

        private DefinitionFormat ParsedFormat => (DefinitionFormat)Enum.Parse(typeof(DefinitionFormat), Format, ignoreCase: true);

        private void ReadPath(string path)
        {
            List<string> files;
            try
            {
                files = Resolve(path);
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException
                                       || ex is NotSupportedException || ex is ArgumentException || ex is PSInvalidOperationException)
            {
                WriteError(NotFound(path, ex));
                return;
            }
            foreach (var file in files)
            {
                WriteVerbose($"Reading integration definitions from {file}");
                try
                {
                    Write(DefinitionDocument.ReadFile(file, ParsedFormat));
                }
                catch (FileNotFoundException ex)
                {
                    WriteError(NotFound(file, ex));
                }
                catch (DefinitionSyntaxException ex)
                {
                    WriteError(SyntaxError(ex, file));
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    var record = new ErrorRecord(new PSInvalidOperationException($"The definitions file '{file}' cannot be read: {ex.Message}", ex),
                        "DefinitionFileUnreadable", ErrorCategory.ReadError, file);
                    record.ErrorDetails = new ErrorDetails(record.Exception.Message) { RecommendedAction = "Check that the file is not locked and that you may read it." };
                    WriteError(record);
                }
            }
        }

        private List<string> Resolve(string path)
        {
            var files = new List<string>();
            if (WildcardPattern.ContainsWildcardCharacters(path))
            {
                foreach (var resolved in GetResolvedProviderPathFromPSPath(path, out var provider))
                {
                    if (provider.Name != "FileSystem") throw new NotSupportedException($"'{path}' is not a file system path.");
                    if (File.Exists(resolved)) files.Add(resolved);
                }
                if (files.Count == 0) throw new ItemNotFoundException($"No definitions file matches '{path}'.");
                return files;
            }
            var full = GetUnresolvedProviderPathFromPSPath(path);
            if (Directory.Exists(full)) throw new ItemNotFoundException($"'{full}' is a folder, not a definitions file.");
            files.Add(full);
            return files;
        }

        private void Write(IReadOnlyList<Hashtable> definitions)
        {
            foreach (var definition in definitions) WriteObject(definition);
        }

        private static ErrorRecord NotFound(string path, Exception ex)
        {
            var message = ex is FileNotFoundException ? ex.Message : $"The definitions file '{path}' cannot be found: {ex.Message}";
            var record = new ErrorRecord(new ItemNotFoundException(message, ex), "DefinitionFileNotFound", ErrorCategory.ObjectNotFound, path);
            record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Check the path; relative paths are resolved from the current location (Get-Location)." };
            return record;
        }

        private static ErrorRecord SyntaxError(DefinitionSyntaxException ex, string target)
        {
            var record = new ErrorRecord(new PSArgumentException(ex.Message, ex), "DefinitionSyntaxError", ErrorCategory.ParserError, target);
            var where = ex.Line.HasValue ? $"line {ex.Line}, column {ex.Column ?? 1} of {ex.Source}" : ex.Source;
            record.ErrorDetails = new ErrorDetails(ex.Message)
            {
                RecommendedAction = $"Fix {where}. The document must be a list of definitions, one definition, or an object with a 'Definitions' list; nothing from it was returned.",
            };
            return record;
        }
    }
}
