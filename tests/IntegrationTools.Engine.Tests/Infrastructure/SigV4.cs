using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace IntegrationTools.Engine.Tests.Infrastructure;

/// <summary>
/// An independent Signature Version 4 check of a recorded request (the AWS documentation's algorithm, written
/// here from scratch), so the tests notice when the URL that is sent differs from the one that was signed.
/// </summary>
public static class SigV4
{
    private static readonly Regex AuthorizationPattern = new(
        "^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>[0-9]{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, " +
        "SignedHeaders=(?<headers>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$");

    public sealed record Authorization(string AccessKey, string Date, string Region, string Service, string[] SignedHeaders, string Signature);

    public static Authorization Parse(RecordedRequest request)
    {
        var header = request.Header("Authorization");
        Assert.NotNull(header);
        var match = AuthorizationPattern.Match(header!);
        Assert.True(match.Success, "Authorization header is not SigV4: " + header);
        return new Authorization(match.Groups["key"].Value, match.Groups["date"].Value, match.Groups["region"].Value,
            match.Groups["service"].Value, match.Groups["headers"].Value.Split(';'), match.Groups["signature"].Value);
    }

    /// <summary>Asserts the request's signature is the one <paramref name="secretKey"/> gives for what was sent.</summary>
    public static void AssertValid(RecordedRequest request, string secretKey)
    {
        var auth = Parse(request);
        var amzDate = request.Header("X-Amz-Date");
        Assert.NotNull(amzDate);
        Assert.StartsWith(auth.Date, amzDate!);
        Assert.Equal(auth.SignedHeaders.OrderBy(h => h, StringComparer.Ordinal), auth.SignedHeaders);
        Assert.Contains("host", auth.SignedHeaders);
        Assert.Contains("x-amz-date", auth.SignedHeaders);

        var canonical = CanonicalRequest(request, auth.SignedHeaders);
        var scope = $"{auth.Date}/{auth.Region}/{auth.Service}/aws4_request";
        var stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), auth.Date);
        key = Hmac(key, auth.Region);
        key = Hmac(key, auth.Service);
        key = Hmac(key, "aws4_request");
        var expected = Hex(Hmac(key, stringToSign));
        Assert.True(expected == auth.Signature,
            $"The signature does not match what was sent.\nCanonical request:\n{canonical}\nexpected {expected}\nactual   {auth.Signature}");
    }

    public static string CanonicalRequest(RecordedRequest request, IEnumerable<string> signedHeaders)
    {
        var signed = signedHeaders.ToList();
        var sb = new StringBuilder();
        sb.Append(request.Method).Append('\n');
        // Non-S3 services: each path segment is URI-encoded twice; the wire path is already encoded once.
        sb.Append(string.Join("/", request.RawPath.Split('/').Select(Encode))).Append('\n');
        var query = request.Query()
            .Select(p => (Key: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value);
        sb.Append(string.Join("&", query)).Append('\n');
        foreach (var name in signed)
        {
            string? value = name == "host"
                ? (request.Uri.IsDefaultPort ? request.Uri.Host : request.Uri.Host + ":" + request.Uri.Port)
                : request.Header(name);
            Assert.True(value != null, $"The signed header '{name}' was not sent.");
            sb.Append(name).Append(':').Append(Regex.Replace(value!.Trim(), " +", " ")).Append('\n');
        }
        sb.Append('\n').Append(string.Join(";", signed)).Append('\n');
        sb.Append(request.Header("x-amz-content-sha256") ?? Hex(SHA256.HashData(request.Body ?? Array.Empty<byte>())));
        return sb.ToString();
    }

    /// <summary>RFC 3986 encoding: everything but A-Z a-z 0-9 - _ . ~ as %XX (upper case).</summary>
    public static string Encode(string value)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~')
                sb.Append(c);
            else
                sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
