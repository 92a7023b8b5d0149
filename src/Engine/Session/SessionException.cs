namespace IntegrationTools.Session
{
    public enum SessionProblem
    {
        NoCredentials,
        IncompleteCredentials,
        ProfileNotFound,
        NoRegion,
        InvalidRegion,
        InvalidEndpoint,
        InsecureEndpoint,
        InvalidSetting,
    }

    /// <summary>The session cannot be built from what was given; no request was sent.</summary>
    public sealed class SessionException : Exception
    {
        public SessionException(SessionProblem problem, string message, string recommendedAction, Exception? inner = null)
            : base(Text.DisplayText.Safe(message), inner)
        {
            Problem = problem;
            RecommendedAction = recommendedAction;
        }

        public SessionProblem Problem { get; }

        public string RecommendedAction { get; }
    }
}
