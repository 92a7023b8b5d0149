using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntegrationTools.Definitions;

namespace IntegrationTools.Rules
{
    /// <summary>IT2021: text members stay within the lengths of the service model.</summary>
    public sealed class ApiLengthLimitsRule : Rule<ApiIntegrationDefinition>
    {
        public ApiLengthLimitsRule() : base(new RuleInfo("IT2021", Severity.Error,
            "A value is longer than the service allows",
            "The service model limits descriptions to 1,024 characters, URIs to 2,048, integration methods to 64, TLS server names and parameter values to 512 and each template to 32,768; longer values are refused."))
        {
        }

        public override IEnumerable<Finding> Check(ApiIntegrationDefinition d, RuleContext context)
        {
            var checks = new List<(string Field, string? Value, int Max)>
            {
                (nameof(d.Description), d.Description, 1024),
                (nameof(d.IntegrationUri), d.IntegrationUri, 2048),
                (nameof(d.ConnectionId), d.ConnectionId, 1024),
                (nameof(d.IntegrationMethod), d.IntegrationMethod, 64),
                (nameof(d.IntegrationSubtype), d.IntegrationSubtype, 128),
                (nameof(d.PayloadFormatVersion), d.PayloadFormatVersion, 64),
                (nameof(d.ServerNameToVerify), d.ServerNameToVerify, 512),
            };
            checks.AddRange((d.RequestParameters ?? new Dictionary<string, string>()).Select(p => ("RequestParameters." + p.Key, (string?)p.Value, 512)));
            checks.AddRange((d.RequestTemplates ?? new Dictionary<string, string>()).Select(p => ("RequestTemplates." + p.Key, (string?)p.Value, 32768)));
            foreach (var status in d.ResponseParameters ?? new Dictionary<string, Dictionary<string, string>>())
                checks.AddRange(status.Value.Select(p => ($"ResponseParameters.{status.Key}.{p.Key}", (string?)p.Value, 512)));
            foreach (var (field, value, max) in checks)
            {
                if (value == null || value.Length <= max) continue;
                yield return Finding(d.Target, field,
                    $"{field} is {value.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; the service allows {max.ToString("N0", CultureInfo.InvariantCulture)}.",
                    field.StartsWith("RequestTemplates.", System.StringComparison.Ordinal)
                        ? "Shorten the template, e.g. by moving logic into the backend."
                        : $"Shorten {field} to at most {max} characters.");
            }
        }

        public override IDictionary FailingExample => new Hashtable
        {
            ["ApiId"] = "a1b2c3d4e5",
            ["IntegrationType"] = "AWS_PROXY",
            ["IntegrationUri"] = "arn:aws:lambda:us-east-1:123456789012:function:orders",
            ["PayloadFormatVersion"] = "2.0",
            ["Description"] = new string('x', 1100),
        };

        public override IDictionary PassingExample => new Hashtable
        {
            ["ApiId"] = "a1b2c3d4e5",
            ["IntegrationType"] = "AWS_PROXY",
            ["IntegrationUri"] = "arn:aws:lambda:us-east-1:123456789012:function:orders",
            ["PayloadFormatVersion"] = "2.0",
            ["Description"] = "Orders Lambda function, payload format 2.0",
        };

        public override RuleContext ExampleContext => new RuleContext("us-east-1", ApiIntegrationValues.Http);
    }
}
