using IntegrationTools.Engine.Tests.Infrastructure;
using IntegrationTools.Session;
using IntegrationTools.Wire;
using Xunit.Abstractions;
namespace IntegrationTools.Engine.Tests;
public class Scratch(ITestOutputHelper o)
{
    async Task Show(string endpoint, WireRequest req, string? token = null)
    {
        var h = new FakeHandler(_ => Responses.Json("{}"));
        using var c = TestSessions.Client(h, token, endpoint);
        await c.Client.SendAsync(req, default);
        var r = h.Single();
        o.WriteLine(r.Dump());
        o.WriteLine(SigV4.CanonicalRequest(r, SigV4.Parse(r).SignedHeaders));
        try { SigV4.AssertValid(r, TestSessions.SecretKey); o.WriteLine("VALID"); } catch (Exception e) { o.WriteLine("INVALID " + e.Message); }
        foreach (var l in c.LogLines) o.WriteLine("LOG " + l);
        o.WriteLine("-----");
    }
    [Fact]
    public async Task Explore()
    {
        await Show(TestSessions.Endpoint, new WireRequest("GET", "/restapis/{restapi_id}/resources").With("restapi_id", "abc").WithQuery("limit", "500").WithQuery("position", "a+b/c= d"), TestSessions.SessionToken);
        await Show(TestSessions.Endpoint, new WireRequest("GET", "/restapis/{restapi_id}/resources/{r}").With("restapi_id", "a b").With("r", "x/y%z"));
        await Show("http://127.0.0.1:4566", new WireRequest("GET", "/v2/apis/{apiId}").With("apiId", "abc"));
        await Show("http://localhost:4566/prefix/", new WireRequest("GET", "/v2/apis/{apiId}").With("apiId", "abc"));
        await Show("http://localhost:4566/prefix", new WireRequest("GET", "/v2/apis/{apiId}").With("apiId", "abc"));
        await Show(TestSessions.Endpoint, new WireRequest("PUT", "/x") { Body = new Dictionary<string,string?>{["a"]="b",["n"]=null} });
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "[myprofile]\naws_access_key_id=AKIDPROFILE\naws_secret_access_key=profsecret\nregion=eu-west-2\n");
        var s = TestSessions.Resolver().Resolve(new SessionOptions { ProfileName = "myprofile", ProfileLocation = file, EndpointUrl="http://x" });
        o.WriteLine($"{s.Region} {s.RegionSource} {s.CredentialSource}");
    }
}
