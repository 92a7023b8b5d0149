using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using IntegrationTools.Definitions;
using IntegrationTools.Rules;
using IntegrationTools.Validation;
using IntegrationTools.Models;

namespace IntegrationTools.RuleDocs
{
    /// <summary>
    /// The rule catalog written out for people: docs/rules.md (a markdown table and a section per rule) and the help
    /// topic about_IntegrationTools_Rules. Both are generated from the rule objects, so they cannot drift from them.
    /// </summary>
    public static class RuleCatalogDocument
    {
        /// <summary>One rule with its failing and passing example (from its rule object, or from <see cref="CatalogExamples"/>).</summary>
        internal sealed class Entry
        {
            public Entry(RuleInfo info, string appliesTo, RuleExample? example)
            {
                Info = info;
                AppliesTo = appliesTo;
                Example = example;
            }

            public RuleInfo Info { get; }

            public string AppliesTo { get; }

            /// <summary>The failing and passing example and how to check them; null only for a rule nobody wrote one for (a test fails).</summary>
            public RuleExample? Example { get; }

            public object? Failing => Example?.Failing;

            public object? Passing => Example?.Passing;
        }

        internal static IReadOnlyList<Entry> Entries()
        {
            var entries = new List<Entry>();
            entries.AddRange(ReadingRules.All.Select(r => Other(r, "any definition")));
            entries.Add(Other(DefinitionValidator.UnknownKind, "any definition"));
            entries.AddRange(RestRules.All.Select(r => new Entry(r.Info, "REST API integration",
                new RuleExample(r.FailingExample, r.PassingExample, (input, _) => r.Check(RestIntegrationDefinition.Read(input, new List<Finding>()), r.ExampleContext)))));
            entries.AddRange(RestRules.Responses.Select(r => new Entry(r.Info, "REST API integration response",
                new RuleExample(r.FailingExample, r.PassingExample, (input, _) => r.Check(RestIntegrationResponseDefinition.Read(input, new List<Finding>()), r.ExampleContext)))));
            entries.AddRange(RestInputRules.All.Select(r => Other(r, "REST API cmdlet input")));
            entries.AddRange(ApiRules.All.Select(r => new Entry(r.Info, "HTTP/WebSocket API integration",
                new RuleExample(r.FailingExample, r.PassingExample, (input, _) => r.Check(ApiIntegrationDefinition.Read(input, new List<Finding>()), r.ExampleContext)))));
            entries.AddRange(ApiContextRules.All.Select(r => Other(r, "HTTP/WebSocket API integration (with the API read)")));
            entries.AddRange(ApiIntegrationResponseRules.All.Select(r => new Entry(r.Info, "WebSocket API integration response",
                new RuleExample(r.FailingExample, r.PassingExample, (input, _) => r.Check(ApiIntegrationResponseDefinition.Read(input, new List<Finding>()), r.ExampleContext)))));
            entries.AddRange(LiveRules.All.Select(r => Other(r, r.Id.StartsWith("IT31", StringComparison.Ordinal)
                ? "REST API method (Test-ApiIntegration -Invoke)"
                : "integration against the account (Test-ApiIntegration -Live)")));
            return entries
                .GroupBy(e => e.Info.Id)
                .Select(g => g.First())
                .OrderBy(e => e.Info.Id, StringComparer.Ordinal)
                .ToList();
        }

        private static Entry Other(RuleInfo info, string appliesTo) => new Entry(info, appliesTo, CatalogExamples.For(info.Id));

        public static string ToMarkdown()
        {
            var entries = Entries();
            var md = new StringBuilder();
            md.Append("# IntegrationTools rules\n\n");
            md.Append("Generated from the rule catalog (src/Engine/Rules) by `RuleCatalogDocument` (tools/RuleDocs); a test fails when this file and the\n");
            md.Append("catalog differ. To refresh it, run the engine tests with `UPDATE_RULES_DOC=1`.\n\n");
            md.Append("Test-ApiIntegration runs these rules, and the changing cmdlets run them before they send anything: an Error\n");
            md.Append("finding stops the request, a Warning is shown and the request goes ahead. The IT3xxx rules need the account:\n");
            md.Append("Test-ApiIntegration -Live reports IT3001-IT3007 and -Invoke reports IT3101 and IT3102; their examples say what the\n");
            md.Append("account holds (or what TestInvokeMethod answers) when the definition fails and when it passes.\n\n");
            md.Append("| Id | Severity | Applies to | Rule |\n| --- | --- | --- | --- |\n");
            foreach (var e in entries)
                md.Append($"| {e.Info.Id} | {e.Info.Severity} | {e.AppliesTo} | {Cell(e.Info.Title)} |\n");
            foreach (var e in entries)
            {
                md.Append($"\n## {e.Info.Id}: {e.Info.Title}\n\n{e.Info.Rationale}\n");
                if (e.Example == null) continue;
                md.Append($"\nFails:\n\n```powershell\n{PowerShellLiteral(e.Failing)}\n```\n");
                if (e.Example.FailingState != null) md.Append($"\nwhen {e.Example.StateLabel}: `{PowerShellLiteral(e.Example.FailingState)}`\n");
                md.Append($"\nPasses:\n\n```powershell\n{PowerShellLiteral(e.Passing)}\n```\n");
                if (e.Example.PassingState != null) md.Append($"\nwhen {e.Example.StateLabel}: `{PowerShellLiteral(e.Example.PassingState)}`\n");
            }
            return md.ToString();
        }

        /// <summary>The about_IntegrationTools_Rules help topic (plain text, as Get-Help shows about topics).</summary>
        public static string ToHelpText()
        {
            var text = new StringBuilder();
            text.Append("TOPIC\r\n    about_IntegrationTools_Rules\r\n\r\n");
            text.Append("SHORT DESCRIPTION\r\n    The rules Test-ApiIntegration and the changing cmdlets check integration definitions against.\r\n\r\n");
            text.Append("LONG DESCRIPTION\r\n");
            foreach (var line in Wrap("Every rule has a stable id. Test-ApiIntegration writes one finding per problem; Set-RestIntegration, Update-RestIntegration, New-ApiIntegration and Set-ApiIntegration run the same rules before sending anything and refuse a definition with an Error finding. Warnings are shown and the request goes ahead.", 4))
                text.Append(line).Append("\r\n");
            text.Append("\r\n");
            foreach (var e in Entries())
            {
                text.Append($"    {e.Info.Id} ({e.Info.Severity}, {e.AppliesTo})\r\n");
                foreach (var line in Wrap(e.Info.Title + ".", 8)) text.Append(line).Append("\r\n");
                foreach (var line in Wrap(e.Info.Rationale, 8)) text.Append(line).Append("\r\n");
                if (e.Example != null)
                {
                    text.Append("        Fails:  ").Append(PowerShellLiteral(e.Failing)).Append("\r\n");
                    if (e.Example.FailingState != null)
                        text.Append("                when ").Append(e.Example.StateLabel).Append(": ").Append(PowerShellLiteral(e.Example.FailingState)).Append("\r\n");
                    text.Append("        Passes: ").Append(PowerShellLiteral(e.Passing)).Append("\r\n");
                    if (e.Example.PassingState != null)
                        text.Append("                when ").Append(e.Example.StateLabel).Append(": ").Append(PowerShellLiteral(e.Example.PassingState)).Append("\r\n");
                }
                text.Append("\r\n");
            }
            text.Append("SEE ALSO\r\n    Test-ApiIntegration\r\n    about_IntegrationTools\r\n");
            return text.ToString();
        }

        /// <summary>@{ Key = 'value'; Map = @{ 'a' = 'b' }; List = @('x') } — how a user would type the example.</summary>
        public static string PowerShellLiteral(object? value)
        {
            switch (value)
            {
                case null: return "$null";
                case string s: return "'" + s.Replace("'", "''") + "'";
                case bool b: return b ? "$true" : "$false";
                case IDictionary d:
                {
                    var parts = new List<string>();
                    foreach (DictionaryEntry entry in d)
                    {
                        var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
                        var name = key.All(c => char.IsLetterOrDigit(c) || c == '_') ? key : PowerShellLiteral(key);
                        parts.Add($"{name} = {PowerShellLiteral(entry.Value)}");
                    }
                    parts.Sort(StringComparer.Ordinal);
                    return "@{ " + string.Join("; ", parts) + " }";
                }
                case IEnumerable items:
                    return "@(" + string.Join(", ", items.Cast<object?>().Select(PowerShellLiteral)) + ")";
                case IFormattable f:
                    return f.ToString(null, CultureInfo.InvariantCulture);
                default:
                    return value.ToString() ?? "";
            }
        }

        private static string Cell(string text) => text.Replace("|", "\\|");

        private static IEnumerable<string> Wrap(string text, int indent, int width = 100)
        {
            var line = new StringBuilder(new string(' ', indent));
            foreach (var word in text.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > indent && line.Length + 1 + word.Length > width)
                {
                    yield return line.ToString();
                    line.Clear().Append(' ', indent);
                }
                if (line.Length > indent) line.Append(' ');
                line.Append(word);
            }
            if (line.Length > indent) yield return line.ToString();
        }
    }
}
