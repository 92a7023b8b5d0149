using IntegrationTools.Session;

namespace IntegrationTools.Commands
{
    /// <summary>
    /// Builds <see cref="SessionOptions"/> from the session parameters (of a running cmdlet, or the ones already typed
    /// on a command line being completed) and AWS.Tools.Common's shell defaults ($StoredAWSCredentials,
    /// $StoredAWSRegion). The one place that knows those names.
    /// </summary>
    internal static class SessionParameters
    {
        public static SessionOptions ToOptions(IDictionary parameters, SessionState? sessionState)
        {
            string? Text(string name) => Unwrap(parameters.Contains(name) ? parameters[name] : null) as string;
            return new SessionOptions
            {
                Region = Text(nameof(SessionOptions.Region)),
                ProfileName = Text(nameof(SessionOptions.ProfileName)),
                ProfileLocation = Text(nameof(SessionOptions.ProfileLocation)),
                AccessKey = Text(nameof(SessionOptions.AccessKey)),
                SecretKey = Text(nameof(SessionOptions.SecretKey)),
                SessionToken = Text(nameof(SessionOptions.SessionToken)),
                Credential = Unwrap(parameters.Contains(nameof(SessionOptions.Credential)) ? parameters[nameof(SessionOptions.Credential)] : null),
                EndpointUrl = Text(nameof(SessionOptions.EndpointUrl)),
                AllowInsecureEndpoint = parameters.Contains(nameof(SessionOptions.AllowInsecureEndpoint))
                    && LanguagePrimitives.IsTrue(Unwrap(parameters[nameof(SessionOptions.AllowInsecureEndpoint)])),
                ShellCredential = Unwrap(sessionState?.PSVariable.GetValue("StoredAWSCredentials")),
                ShellRegion = Unwrap(sessionState?.PSVariable.GetValue("StoredAWSRegion")) as string,
            };
        }

        private static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;
    }
}
