using System.Globalization;
using IntegrationTools.Models;

namespace IntegrationTools.Definitions
{
    /// <summary>
    /// The fields each kind of REST integration implies, as the canonical definition names, for Set-RestIntegration's
    /// parameter sets: MOCK; HTTP and HTTP_PROXY (over the internet or a VPC link); Lambda proxy (AWS_PROXY) and Lambda
    /// custom (AWS) with the invocation URI built and POST as the backend method; AWS service (AWS) with the action or
    /// path URI built. The results are read like any other definition, so the same rules judge them.
    /// </summary>
    internal static class RestIntegrationKinds
    {
        public static Hashtable Mock() => New("MOCK");

        public static Hashtable Http(bool proxy, string uri, string integrationHttpMethod, string? connectionId = null, string? integrationTarget = null)
        {
            var fields = New(proxy ? "HTTP_PROXY" : "HTTP");
            fields["Uri"] = uri;
            fields["IntegrationHttpMethod"] = integrationHttpMethod;
            if (connectionId != null)
            {
                fields["ConnectionType"] = "VPC_LINK";
                fields["ConnectionId"] = connectionId;
            }
            if (integrationTarget != null) fields["IntegrationTarget"] = integrationTarget;
            return fields;
        }

        /// <summary>A Lambda integration; a function the URI cannot be built for adds an IT1201 finding and leaves Uri out.</summary>
        public static Hashtable Lambda(bool proxy, string function, string region, string? credentials, string target, ICollection<Finding> findings)
        {
            var fields = New(proxy ? "AWS_PROXY" : "AWS");
            fields["IntegrationHttpMethod"] = "POST";
            var uri = IntegrationUris.Lambda(function, region, credentials, target, findings);
            if (uri != null) fields["Uri"] = uri;
            if (credentials != null) fields["Credentials"] = credentials;
            return fields;
        }

        public static Hashtable AwsService(string service, string? action, string? path, string integrationHttpMethod, string credentials, string region)
        {
            var fields = New("AWS");
            fields["Uri"] = IntegrationUris.AwsService(service, action, path, region);
            fields["IntegrationHttpMethod"] = integrationHttpMethod;
            fields["Credentials"] = credentials;
            return fields;
        }

        /// <summary>
        /// Puts the target given on the command line over the one a piped definition carries (as the AWS CLI lets command-line
        /// options override --cli-input-json). When the REST API changes and the definition names its resource both by id and
        /// by path (an object piped from Get-RestIntegration of another API), the id belongs to the other API and is dropped,
        /// so the path is looked up in the new one.
        /// </summary>
        public static void OverrideTarget(IDictionary definition, string? restApiId, string? resourceId, string? resourcePath, string? httpMethod)
        {
            if (restApiId != null)
            {
                var previous = Get(definition, "RestApiId");
                if (previous != null && !string.Equals(previous, restApiId, StringComparison.Ordinal)
                    && resourceId == null && Get(definition, "ResourcePath") != null)
                    Remove(definition, "ResourceId");
                Set(definition, "RestApiId", restApiId);
            }
            if (resourceId != null)
            {
                Set(definition, "ResourceId", resourceId);
                if (resourcePath == null) Remove(definition, "ResourcePath");
            }
            if (resourcePath != null)
            {
                Set(definition, "ResourcePath", resourcePath);
                if (resourceId == null) Remove(definition, "ResourceId");
            }
            if (httpMethod != null) Set(definition, "HttpMethod", httpMethod);
        }

        private static Hashtable New(string type) => new Hashtable(StringComparer.OrdinalIgnoreCase) { ["Type"] = type };

        private static string? Get(IDictionary definition, string name) => RestIntegrationDefinition.Schema.TextIn(definition, name);

        private static void Remove(IDictionary definition, string name) => RestIntegrationDefinition.Schema.RemoveFrom(definition, name);

        private static void Set(IDictionary definition, string name, string value) => RestIntegrationDefinition.Schema.SetIn(definition, name, value);
    }
}
