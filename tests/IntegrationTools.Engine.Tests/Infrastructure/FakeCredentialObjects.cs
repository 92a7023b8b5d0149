namespace IntegrationTools.Engine.Tests.Infrastructure;

// Stand-ins for credentials objects made by another copy of AWSSDK.Core (AWS.Tools' Get-AWSCredential):
// nothing here derives from an AWSSDK type; the engine may only use their public members.

public sealed class FakeImmutableCredentials
{
    public FakeImmutableCredentials(string? accessKey, string? secretKey, string? token)
    {
        AccessKey = accessKey;
        SecretKey = secretKey;
        Token = token;
    }

    public string? AccessKey { get; }

    public string? SecretKey { get; }

    public string? Token { get; }

    public bool UseToken => !string.IsNullOrEmpty(Token);
}

/// <summary>Like an AWSCredentials subclass: GetCredentials() answers the current keys (they may change: refreshing credentials).</summary>
public sealed class FakeSdkCredentials
{
    public FakeSdkCredentials(string? accessKey, string? secretKey, string? token = null)
    {
        AccessKey = accessKey;
        SecretKey = secretKey;
        Token = token;
    }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    public string? Token { get; set; }

    public int Calls { get; private set; }

    public FakeImmutableCredentials GetCredentials()
    {
        Calls++;
        return new FakeImmutableCredentials(AccessKey, SecretKey, Token);
    }
}

/// <summary>Like AWS.Tools' AWSPSCredentials: the credentials are in a Credentials property.</summary>
public sealed class FakePSCredentials
{
    public FakePSCredentials(FakeSdkCredentials credentials) => Credentials = credentials;

    public FakeSdkCredentials Credentials { get; }

    public string Name => "myprofile";
}

/// <summary>A credentials object whose provider fails (expired SSO session and the like).</summary>
public sealed class FakeFailingCredentials
{
    public FakeImmutableCredentials GetCredentials() =>
        throw new InvalidOperationException("The SSO session associated with this profile has expired or is otherwise invalid.");
}

/// <summary>Has a GetCredentials method, but it does not return keys.</summary>
public sealed class NotCredentials
{
    public string GetCredentials() => "nope";

    public object? Credentials => null;
}
