using IntegrationTools.Rules;
using System.Globalization;
using IntegrationTools.Definitions;
using IntegrationTools.Models;
using IntegrationTools.Operations;
using IntegrationTools.Text;
using IntegrationTools.Validation;

namespace IntegrationTools.Validation
{
    /// <summary>
    /// The examples of the rules that do not check a definition on its own: reading rules (run through the validator),
    /// checks of cmdlet input (Lambda function names, patch operations, New-ApiIntegration's parameter sets), and the
    /// checks against the account and test invocations (run on a described state of the account).
    /// </summary>
    internal static class CatalogExamples
    {
        private const string Account = "the account holds";

        public static RuleExample? For(string ruleId)
        {
            switch (ruleId)
            {
                // Reading: the whole validator, as Test-ApiIntegration runs it.
                case "IT0001": return Validated("https://petstore.example.com/pets", RestExamples.HttpProxy());
                case "IT0002": return Validated(RestExamples.HttpProxy(("Uri", null), ("Uir", "https://petstore.example.com/pets")), RestExamples.HttpProxy());
                case "IT0003": return Validated(RestExamples.HttpProxy(("TimeoutInMillis", "soon")), RestExamples.HttpProxy(("TimeoutInMillis", 5000)));
                case "IT0004":
                    return Validated(RestExamples.HttpProxy(("InsecureSkipVerification", false), ("tlsConfig", new Hashtable { ["insecureSkipVerification"] = true })),
                        RestExamples.HttpProxy(("tlsConfig", new Hashtable { ["insecureSkipVerification"] = true })));
                case "IT0005":
                    return Validated(new Hashtable { ["ConnectionType"] = "INTERNET", ["TimeoutInMillis"] = 5000 },
                        new Hashtable { ["RestApiId"] = "a1b2c3d4e5", ["ResourcePath"] = "/pets", ["HttpMethod"] = "OPTIONS", ["Type"] = "MOCK", ["ConnectionType"] = "INTERNET", ["TimeoutInMillis"] = 5000 });

                // Cmdlet input.
                case "IT1201":
                    return new RuleExample(new Hashtable { ["FunctionName"] = "list-pets" },
                        new Hashtable { ["FunctionName"] = "list-pets", ["Credentials"] = "arn:aws:iam::123456789012:role/apigw-invoke" },
                        (input, _) =>
                        {
                            var map = (IDictionary)input!;
                            var findings = new List<Finding>();
                            IntegrationUris.Lambda((string)map["FunctionName"]!, "us-east-1", map["Credentials"] as string, "input", findings);
                            return findings;
                        });
                case "IT1301":
                    return Patch(new Hashtable { ["op"] = "replace", ["path"] = "/timeoutInMillis" },
                        new Hashtable { ["op"] = "replace", ["path"] = "/timeoutInMillis", ["value"] = "5000" });
                case "IT1302":
                    return Patch(new Hashtable { ["op"] = "replace", ["path"] = "/timeout", ["value"] = "5000" },
                        new Hashtable { ["op"] = "replace", ["path"] = "/timeoutInMillis", ["value"] = "5000" });
                case "IT2000":
                    var kind = new Hashtable { ["ParameterSet"] = "WebSocketMock", ["ApiId"] = "a1b2c3d4e5" };
                    return new RuleExample(kind, kind, (input, state) =>
                    {
                        var map = (IDictionary)input!;
                        var definition = new ApiIntegrationDefinition { ApiId = (string)map["ApiId"]! };
                        return ApiContextRules.CheckKind(ApiIntegrationKind.Find((string)map["ParameterSet"]!)!, definition, new RuleContext(null, (string)state!["ProtocolType"]!));
                    }, new Hashtable { ["ProtocolType"] = "HTTP" }, new Hashtable { ["ProtocolType"] = "WEBSOCKET" }, "the API is");

                // Against the account.
                case "IT2030":
                    var httpPrivate = new Hashtable
                    {
                        ["ApiId"] = "a1b2c3d4e5", ["IntegrationType"] = "HTTP_PROXY", ["IntegrationMethod"] = "ANY", ["ConnectionType"] = "VPC_LINK",
                        ["ConnectionId"] = "abc123", ["PayloadFormatVersion"] = "1.0",
                        ["IntegrationUri"] = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/orders/50dc6c495c0c9188/0467ef3c8400ae65",
                    };
                    return new RuleExample(httpPrivate, httpPrivate, (input, state) =>
                    {
                        var definition = ApiIntegrationDefinition.Read(input, new List<Finding>());
                        var status = Lookup(state, "VpcLinks", definition.ConnectionId);
                        var link = status == null ? null : new ApiVpcLink { VpcLinkId = definition.ConnectionId!, VpcLinkStatus = status };
                        var finding = ApiContextRules.CheckVpcLink(definition, link);
                        return finding == null ? new Finding[0] : new[] { finding };
                    }, VpcLinks("abc123", "FAILED"), VpcLinks("abc123", "AVAILABLE"), Account);
                case "IT3001":
                    return Live(RestExamples.HttpProxy(), Apis("f6g7h8i9j0", "REST"), Apis("a1b2c3d4e5", "REST"),
                        (d, state) => LiveRules.CheckApi(d.Target, d.RestApiId!, LiveRules.Rest, Lookup(state, "Apis", d.RestApiId), "RestApiId"));
                case "IT3002":
                    return Live(RestExamples.HttpProxy(), Apis("a1b2c3d4e5", "HTTP"), Apis("a1b2c3d4e5", "REST"),
                        (d, state) => LiveRules.CheckApi(d.Target, d.RestApiId!, LiveRules.Rest, Lookup(state, "Apis", d.RestApiId), "RestApiId"));
                case "IT3003":
                    return Live(RestExamples.HttpProxy(), new Hashtable { ["ResourcePaths"] = new[] { "/", "/pet" } }, new Hashtable { ["ResourcePaths"] = new[] { "/", "/pets" } },
                        (d, state) =>
                        {
                            var paths = ((IEnumerable)state["ResourcePaths"]!).Cast<string>().ToList();
                            var path = RestApiService.NormalizePath(d.ResourcePath!);
                            return paths.Contains(path) ? null : LiveRules.ResourceMissing(d.Target, d.RestApiId!, path, byId: false, Closest.To(path, paths));
                        });
                case "IT3004":
                    return Live(RestExamples.HttpProxy(), new Hashtable { ["Methods"] = new[] { "POST" } }, new Hashtable { ["Methods"] = new[] { "GET", "POST" } },
                        (d, state) => LiveRules.CheckMethod(d.Target, d.ResourcePath!, d.HttpMethod!, ((IEnumerable)state["Methods"]!).Cast<string>().ToList()));
                case "IT3005":
                    return Live(RestExamples.HttpProxy(("ConnectionType", "VPC_LINK"), ("ConnectionId", "vl1234"), ("Uri", "http://orders.internal.example.com/pets")),
                        VpcLinks("vl1234", "FAILED"), VpcLinks("vl1234", "AVAILABLE"),
                        (d, state) =>
                        {
                            var status = Lookup(state, "VpcLinks", d.ConnectionId);
                            return LiveRules.CheckVpcLink(d.Target, d.ConnectionId!, status == null ? null : new RestVpcLink { VpcLinkId = d.ConnectionId!, Status = status });
                        });
                case "IT3006":
                    return new RuleExample(RestExamples.HttpProxy(("TimeoutInMillis", 10000)), RestExamples.HttpProxy(("TimeoutInMillis", 10000)),
                        (input, state) =>
                        {
                            var defined = RestIntegrationDefinition.Read(input, new List<Finding>());
                            var deployed = RestIntegrationDefinition.Read(state!["Deployed"], new List<Finding>());
                            return LiveRules.Drift(defined, deployed, "res456");
                        },
                        new Hashtable { ["Deployed"] = Deployed() }, new Hashtable { ["Deployed"] = Deployed(("TimeoutInMillis", 10000)) }, Account);
                case "IT3007":
                    return Live(RestExamples.HttpProxy(), new Hashtable { ["Deployed"] = null }, new Hashtable { ["Deployed"] = Deployed() },
                        (d, state) => state["Deployed"] == null ? LiveRules.IntegrationMissing(d.Target, $"{d.HttpMethod} {d.ResourcePath} has no integration yet.", "Apply the definition.") : null);
                case "IT3101":
                    return Invoked(new Hashtable { ["Status"] = 502, ["Body"] = "{\"message\": \"Internal server error\"}", ["Log"] = new[] { "Sending request to https://petstore.example.com/pets", "Received response. Status: 503, Integration latency: 12 ms" } },
                        new Hashtable { ["Status"] = 200, ["Body"] = "[]", ["Log"] = new[] { "Sending request to https://petstore.example.com/pets", "Received response. Status: 200, Integration latency: 9 ms" } });
                case "IT3102":
                    return Invoked(new Hashtable { ["Status"] = 500, ["Body"] = "{\"message\": \"Internal server error\"}", ["Log"] = new[] { "Execution failed due to configuration error: Illegal character in path at index 31: https://petstore.example.com/pets/{id}" } },
                        new Hashtable { ["Status"] = 200, ["Body"] = "[]", ["Log"] = new[] { "Received response. Status: 200, Integration latency: 9 ms" } });
                default:
                    return null;
            }
        }

        private static RuleExample Validated(object failing, object passing) =>
            new RuleExample(failing, passing, (input, _) => DefinitionValidator.Validate(input, DefinitionKind.Auto, RuleContext.Offline).Findings);

        private static RuleExample Patch(Hashtable failing, Hashtable passing) =>
            new RuleExample(failing, passing, (input, _) =>
            {
                var map = (IDictionary)input!;
                return RestInputRules.CheckPatch(new[] { new PatchOperation((string)map["op"]!, (string)map["path"]!, map["value"] as string) }, "input").ToList();
            });

        /// <summary>A live check of one REST definition against two states of the account.</summary>
        private static RuleExample Live(Hashtable definition, IDictionary failingState, IDictionary passingState, Func<RestIntegrationDefinition, IDictionary, Finding?> check) =>
            new RuleExample(definition, definition, (input, state) =>
            {
                var finding = check(RestIntegrationDefinition.Read(input, new List<Finding>()), state!);
                return finding == null ? new Finding[0] : new[] { finding };
            }, failingState, passingState, Account);

        private static RuleExample Invoked(Hashtable failing, Hashtable passing)
        {
            var definition = RestExamples.HttpProxy();
            return new RuleExample(definition, definition, (input, state) =>
            {
                var d = RestIntegrationDefinition.Read(input, new List<Finding>());
                var result = new TestInvokeResult
                {
                    RestApiId = d.RestApiId!, ResourcePath = d.ResourcePath, HttpMethod = d.HttpMethod!,
                    Status = Convert.ToInt32(state!["Status"], CultureInfo.InvariantCulture),
                    Body = state["Body"] as string,
                    Log = ((IEnumerable)state["Log"]!).Cast<string>().ToArray(),
                };
                return LiveRules.CheckInvocation(d.Target, result);
            }, failing, passing, "TestInvokeMethod answers");
        }

        private static Hashtable Deployed(params (string Key, object? Value)[] changes)
        {
            var deployed = RestExamples.HttpProxy(changes);
            foreach (var key in new[] { "RestApiId", "ResourcePath", "HttpMethod" }) deployed.Remove(key);
            return deployed;
        }

        private static Hashtable Apis(string id, string protocol) => new Hashtable { ["Apis"] = new Hashtable { [id] = protocol } };

        private static Hashtable VpcLinks(string id, string status) => new Hashtable { ["VpcLinks"] = new Hashtable { [id] = status } };

        private static string? Lookup(IDictionary? state, string table, string? key) =>
            key != null && state?[table] is IDictionary map ? map[key] as string : null;
    }
}
