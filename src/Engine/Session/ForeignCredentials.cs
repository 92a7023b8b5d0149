using System.Reflection;
using Amazon.Runtime;

namespace IntegrationTools.Session
{
    /// <summary>
    /// Wraps a credentials object made by another copy of AWSSDK.Core (AWS.Tools' Get-AWSCredential,
    /// Set-AWSCredential's shell default, or any AWSCredentials subclass). It is read through public members
    /// only: <c>GetCredentials()</c> returning an object with AccessKey, SecretKey and Token. AWS.Tools'
    /// AWSPSCredentials wrapper (a <c>Credentials</c> property) is unwrapped first. Each signing asks the
    /// wrapped object again, so refreshing credentials (roles, SSO) keep refreshing.
    /// </summary>
    internal sealed class ForeignCredentials : AWSCredentials
    {
        private readonly object _source;
        private readonly MethodInfo _getCredentials;

        private ForeignCredentials(object source, MethodInfo getCredentials)
        {
            _source = source;
            _getCredentials = getCredentials;
        }

        public static AWSCredentials? TryWrap(object? value)
        {
            if (value == null) return null;
            if (value is AWSCredentials same) return same;
            for (var depth = 0; depth < 3 && value != null; depth++)
            {
                var type = value.GetType();
                var method = type.GetMethod("GetCredentials", BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null);
                if (method != null && method.ReturnType.GetProperty("AccessKey") != null)
                    return new ForeignCredentials(value, method);
                // AWS.Tools keeps shell credentials in an AWSPSCredentials object with a Credentials property.
                value = type.GetProperty("Credentials", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(value);
            }
            return null;
        }

        public override ImmutableCredentials GetCredentials()
        {
            object? immutable;
            try
            {
                immutable = _getCredentials.Invoke(_source, null);
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                throw new SessionException(SessionProblem.NoCredentials,
                    "The credentials object passed to -Credential could not produce credentials: " + ex.InnerException.Message,
                    "Check the profile or role behind the credentials object, or pass -ProfileName or -AccessKey/-SecretKey instead.",
                    ex.InnerException);
            }
            if (immutable == null)
                throw new SessionException(SessionProblem.NoCredentials, "The credentials object passed to -Credential returned no credentials.",
                    "Pass -ProfileName or -AccessKey/-SecretKey instead.");
            var t = immutable.GetType();
            string? Read(string name) => t.GetProperty(name)?.GetValue(immutable) as string;
            var accessKey = Read("AccessKey");
            var secretKey = Read("SecretKey");
            if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
                throw new SessionException(SessionProblem.IncompleteCredentials, "The credentials object passed to -Credential has no access key or secret key.",
                    "Pass -ProfileName or -AccessKey/-SecretKey instead.");
            return new ImmutableCredentials(accessKey, secretKey, Read("Token"));
        }
    }
}
