namespace IntegrationTools.Commands
{
    /// <summary>
    /// The HTTP methods API Gateway integrates and calls backends with (a method's -HttpMethod, a backend's
    /// -IntegrationHttpMethod and -IntegrationMethod): one list for every cmdlet, checked case-insensitively like ValidateSet,
    /// and completed by <see cref="Completers.HttpMethodCompleter"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateHttpMethodAttribute : ValidateEnumeratedArgumentsAttribute
    {
        /// <summary>The accepted values, in the order they are listed and completed.</summary>
        internal static readonly string[] Methods = { "ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT" };

        protected override void ValidateElement(object element)
        {
            var value = (element is PSObject ps ? ps.BaseObject : element) as string;
            if (value != null && Methods.Contains(value, StringComparer.OrdinalIgnoreCase)) return;
            throw new ValidationMetadataException(
                $"'{value ?? element}' is not an HTTP method API Gateway knows. Use one of: {string.Join(", ", Methods)}.");
        }
    }
}
