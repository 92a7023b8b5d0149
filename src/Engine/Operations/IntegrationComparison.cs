using System;
using System.Collections.Generic;
using System.Linq;
using IntegrationTools.Definitions;
using IntegrationTools.Models;

namespace IntegrationTools.Operations
{
    /// <summary>
    /// Compares a desired REST integration (what PutIntegration would send) with the live one, the service's defaults
    /// filled in on both sides: an emulator that leaves out timeoutInMillis 29000, passthroughBehavior WHEN_NO_MATCH,
    /// connectionType INTERNET or cacheNamespace = the resource id compares equal to AWS, which returns them. PutIntegration
    /// replaces the whole integration, so every member counts: one the definition leaves out is its default.
    /// </summary>
    public static class RestIntegrationComparison
    {
        /// <summary>
        /// The members (definition field names) in which <paramref name="live"/> differs from <paramref name="desired"/>
        /// on the resource <paramref name="resourceId"/>; empty when applying the definition would change nothing.
        /// </summary>
        public static List<string> Differences(RestIntegrationDefinition desired, RestIntegration live, string resourceId)
        {
            if (desired == null) throw new ArgumentNullException(nameof(desired));
            if (live == null) throw new ArgumentNullException(nameof(live));
            // The same comparison Test-ApiIntegration -Live reports as drift (IT3006), one finding per differing member.
            return Rules.LiveRules.Drift(desired, RestIntegrationDefinition.FromModel(live), resourceId)
                .Select(f => f.Field!).Distinct(StringComparer.Ordinal).ToList();
        }

        internal static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }

    /// <summary>
    /// Compares the members an HTTP or WebSocket API integration definition names with the live integration, the
    /// service's defaults filled in where the live integration leaves a member out (timeoutInMillis 30000 on HTTP APIs
    /// and 29000 on WebSocket APIs, connectionType INTERNET, payloadFormatVersion 1.0 and passthroughBehavior
    /// WHEN_NO_MATCH on WebSocket APIs). Members the definition does not name are not compared: UpdateIntegration
    /// leaves them as they are. Map members follow UpdateIntegration's merge: each named key must have the named value,
    /// and a key named with an empty value must be absent.
    /// </summary>
    public static class ApiIntegrationComparison
    {
        public const int DefaultHttpTimeoutInMillis = 30000;
        public const int DefaultWebSocketTimeoutInMillis = 29000;

        /// <summary>The members (definition field names) <paramref name="desired"/> names whose value <paramref name="live"/> does not have.</summary>
        public static List<string> Differences(ApiIntegrationDefinition desired, ApiIntegration live)
        {
            var d = desired ?? throw new ArgumentNullException(nameof(desired));
            var l = live ?? throw new ArgumentNullException(nameof(live));
            var webSocket = string.Equals(l.ProtocolType, ApiIntegrationValues.WebSocket, StringComparison.OrdinalIgnoreCase);
            var differences = new List<string>();
            void Text(string name, string? wanted, string? actual, string? fallback = null, bool ignoreCase = false)
            {
                if (wanted == null) return;
                var want = RestIntegrationComparison.Text(wanted) ?? fallback;
                var have = RestIntegrationComparison.Text(actual) ?? fallback;
                if (!string.Equals(want, have, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)) differences.Add(name);
            }

            Text(nameof(d.IntegrationType), d.IntegrationType, l.IntegrationType, ignoreCase: true);
            Text(nameof(d.IntegrationSubtype), d.IntegrationSubtype, l.IntegrationSubtype);
            Text(nameof(d.IntegrationUri), d.IntegrationUri, l.IntegrationUri);
            Text(nameof(d.IntegrationMethod), d.IntegrationMethod, l.IntegrationMethod, ignoreCase: true);
            Text(nameof(d.ConnectionType), d.ConnectionType, l.ConnectionType, "INTERNET", ignoreCase: true);
            Text(nameof(d.ConnectionId), d.ConnectionId, l.ConnectionId);
            Text(nameof(d.CredentialsArn), d.CredentialsArn, l.CredentialsArn);
            Text(nameof(d.Description), d.Description, l.Description);
            Text(nameof(d.PayloadFormatVersion), d.PayloadFormatVersion, l.PayloadFormatVersion, webSocket ? "1.0" : null);
            Text(nameof(d.PassthroughBehavior), d.PassthroughBehavior, l.PassthroughBehavior, webSocket ? "WHEN_NO_MATCH" : null, ignoreCase: true);
            Text(nameof(d.ContentHandlingStrategy), d.ContentHandlingStrategy, l.ContentHandlingStrategy, ignoreCase: true);
            Text(nameof(d.TemplateSelectionExpression), d.TemplateSelectionExpression, l.TemplateSelectionExpression);
            Text(nameof(d.ServerNameToVerify), d.ServerNameToVerify, l.ServerNameToVerify);
            if (d.TimeoutInMillis != null)
            {
                var fallback = webSocket ? DefaultWebSocketTimeoutInMillis : DefaultHttpTimeoutInMillis;
                if (d.TimeoutInMillis.Value != (l.TimeoutInMillis ?? fallback)) differences.Add(nameof(d.TimeoutInMillis));
            }
            if (d.RequestParameters != null && !MapHolds(d.RequestParameters, l.RequestParameters)) differences.Add(nameof(d.RequestParameters));
            if (d.RequestTemplates != null && !MapHolds(d.RequestTemplates, l.RequestTemplates)) differences.Add(nameof(d.RequestTemplates));
            if (d.ResponseParameters != null)
            {
                foreach (var status in d.ResponseParameters)
                {
                    l.ResponseParameters.TryGetValue(status.Key, out var actual);
                    var holds = status.Value.Count == 0
                        ? actual == null || actual.Count == 0
                        : actual != null && MapHolds(status.Value, actual);
                    if (holds) continue;
                    differences.Add(nameof(d.ResponseParameters));
                    break;
                }
            }
            return differences;
        }

        /// <summary>
        /// The part of <paramref name="patch"/> that would change <paramref name="live"/>: a copy naming only the
        /// differing members (each whole, as the user gave it), or null when nothing differs.
        /// </summary>
        public static ApiIntegrationDefinition? Changes(ApiIntegrationDefinition patch, ApiIntegration live)
        {
            var differing = new HashSet<string>(Differences(patch, live), StringComparer.Ordinal);
            if (differing.Count == 0) return null;
            T? Keep<T>(string name, T? value) where T : class => differing.Contains(name) ? value : null;
            return new ApiIntegrationDefinition
            {
                ApiId = patch.ApiId,
                IntegrationId = patch.IntegrationId,
                IntegrationType = Keep(nameof(patch.IntegrationType), patch.IntegrationType),
                IntegrationSubtype = Keep(nameof(patch.IntegrationSubtype), patch.IntegrationSubtype),
                IntegrationUri = Keep(nameof(patch.IntegrationUri), patch.IntegrationUri),
                IntegrationMethod = Keep(nameof(patch.IntegrationMethod), patch.IntegrationMethod),
                ConnectionType = Keep(nameof(patch.ConnectionType), patch.ConnectionType),
                ConnectionId = Keep(nameof(patch.ConnectionId), patch.ConnectionId),
                CredentialsArn = Keep(nameof(patch.CredentialsArn), patch.CredentialsArn),
                Description = Keep(nameof(patch.Description), patch.Description),
                PayloadFormatVersion = Keep(nameof(patch.PayloadFormatVersion), patch.PayloadFormatVersion),
                PassthroughBehavior = Keep(nameof(patch.PassthroughBehavior), patch.PassthroughBehavior),
                ContentHandlingStrategy = Keep(nameof(patch.ContentHandlingStrategy), patch.ContentHandlingStrategy),
                TemplateSelectionExpression = Keep(nameof(patch.TemplateSelectionExpression), patch.TemplateSelectionExpression),
                TimeoutInMillis = differing.Contains(nameof(patch.TimeoutInMillis)) ? patch.TimeoutInMillis : null,
                ServerNameToVerify = Keep(nameof(patch.ServerNameToVerify), patch.ServerNameToVerify),
                RequestParameters = Keep(nameof(patch.RequestParameters), patch.RequestParameters),
                RequestTemplates = Keep(nameof(patch.RequestTemplates), patch.RequestTemplates),
                ResponseParameters = Keep(nameof(patch.ResponseParameters), patch.ResponseParameters),
            };
        }

        /// <summary>True when every key of <paramref name="wanted"/> has its value in <paramref name="actual"/> (an empty value: the key is absent).</summary>
        private static bool MapHolds(IReadOnlyDictionary<string, string> wanted, IReadOnlyDictionary<string, string>? actual)
        {
            foreach (var pair in wanted)
            {
                string? have = null;
                var present = actual != null && actual.TryGetValue(pair.Key, out have);
                if (string.IsNullOrEmpty(pair.Value))
                {
                    if (present) return false;
                }
                else if (!present || !string.Equals(pair.Value, have, StringComparison.Ordinal))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
