using System.Globalization;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Rules
{
    /// <summary>IT2021: text members stay within the lengths of the service model.</summary>
    internal sealed class ApiLengthLimitsRule : ApiRule
    {
        public ApiLengthLimitsRule() : base(new RuleInfo("IT2021", Severity.Error,
            "A value is longer than the service allows",
            "The service model limits descriptions to 1,024 characters, URIs to 2,048, integration methods to 64, TLS server names and parameter values to 512 and each template to 32,768; longer values are refused."))
        {
        }

        protected override IEnumerable<Finding> Check(ApiIntegrationDefinition d, string? protocol, RuleContext context)
        {
            // Field names and messages are made only for values that are too long.
            List<Finding>? findings = null;
            Text(ref findings, d, nameof(d.Description), d.Description, 1024);
            Text(ref findings, d, nameof(d.IntegrationUri), d.IntegrationUri, 2048);
            Text(ref findings, d, nameof(d.ConnectionId), d.ConnectionId, 1024);
            Text(ref findings, d, nameof(d.IntegrationMethod), d.IntegrationMethod, 64);
            Text(ref findings, d, nameof(d.IntegrationSubtype), d.IntegrationSubtype, 128);
            Text(ref findings, d, nameof(d.PayloadFormatVersion), d.PayloadFormatVersion, 64);
            Text(ref findings, d, nameof(d.ServerNameToVerify), d.ServerNameToVerify, 512);
            if (d.RequestParameters != null)
                foreach (var p in d.RequestParameters)
                    if (p.Value != null && p.Value.Length > 512) Text(ref findings, d, "RequestParameters." + p.Key, p.Value, 512);
            if (d.RequestTemplates != null)
                foreach (var p in d.RequestTemplates)
                    if (p.Value != null && p.Value.Length > 32768) Text(ref findings, d, "RequestTemplates." + p.Key, p.Value, 32768);
            if (d.ResponseParameters != null)
                foreach (var status in d.ResponseParameters)
                    foreach (var p in status.Value)
                        if (p.Value != null && p.Value.Length > 512) Text(ref findings, d, $"ResponseParameters.{status.Key}.{p.Key}", p.Value, 512);
            return findings ?? (IEnumerable<Finding>)System.Array.Empty<Finding>();
        }

        private void Text(ref List<Finding>? findings, ApiIntegrationDefinition d, string field, string? value, int max)
        {
            if (value == null || value.Length <= max) return;
            (findings ??= new List<Finding>()).Add(Finding(d.Target, field,
                $"{field} is {value.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; the service allows {max.ToString("N0", CultureInfo.InvariantCulture)}.",
                field.StartsWith("RequestTemplates.", System.StringComparison.Ordinal)
                    ? "Shorten the template, e.g. by moving logic into the backend."
                    : $"Shorten {field} to at most {max} characters."));
        }

        public override IDictionary FailingExample => ApiExamples.LambdaProxy(("Description", new string('x', 1100)));

        public override IDictionary PassingExample => ApiExamples.LambdaProxy(("Description", "Orders Lambda function, payload format 2.0"));
    }
}
