using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IntegrationTools.FaultProxy;

/// <summary>What the proxy does to requests. Rates are fractions of requests (0.1 = 10 %).</summary>
public sealed record FaultOptions
{
    /// <summary>Requests per second the token bucket allows (API Gateway's management quota: 10).</summary>
    public double RatePerSecond { get; init; } = 10;

    /// <summary>The bucket's size (the quota's burst: 40).</summary>
    public double Burst { get; init; } = 40;

    /// <summary>
    /// Whether the token bucket is enforced at all. There is one bucket per region and access key id, read from the
    /// SigV4 credential scope of each request (Authorization header or X-Amz-Credential query parameter): API Gateway
    /// keeps one quota per account and region, and the proxy cannot tell an access key's account, so each key stands
    /// for an account. Only requests signed for apigateway are throttled (and given faults); others (STS) pass.
    /// </summary>
    public bool Throttle { get; init; } = true;

    /// <summary>Extra 429s at random, on top of the bucket.</summary>
    public double TooManyRequestsRate { get; init; }

    public double InternalErrorRate { get; init; }

    public double ServiceUnavailableRate { get; init; }

    /// <summary>Connections dropped before forwarding: the change is not applied.</summary>
    public double DropBeforeForwardRate { get; init; }

    /// <summary>Connections dropped after forwarding: the change IS applied, the client gets no answer.</summary>
    public double DropAfterForwardRate { get; init; }

    public double SlowRate { get; init; }

    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Added to every request the proxy answers (forwarded or not), as a round trip to the real service would take:
    /// each request waits on its own, so requests in flight overlap.
    /// </summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>Up to this much more latency, at random (uniform), per request.</summary>
    public TimeSpan LatencyJitter { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Answers every request as API Gateway answers a request signed with unknown keys (403 UnrecognizedClientException),
    /// without forwarding it: moto accepts any credentials.
    /// </summary>
    public bool RejectCredentials { get; init; }

    /// <summary>Seed of the fault dice, so a failing run can be replayed.</summary>
    public int Seed { get; init; } = 12345;

    /// <summary>What is wrong with these options, or null when they can be used.</summary>
    public string? Problem()
    {
        foreach (var setting in Settings.Where(s => s.IsRate))
        {
            var rate = (double)setting.Read(this);
            if (!(rate >= 0 && rate <= 1)) return $"{setting.Json} ({setting.Flag}) must be between 0 and 1, not {Format(rate)}.";
        }
        var total = Settings.Where(s => s.IsRate).Sum(s => (double)s.Read(this));
        if (total > 1 + 1e-9) return $"the fault rates add up to {Format(total)}; together they must not exceed 1.";
        if (!(RatePerSecond > 0) || double.IsInfinity(RatePerSecond)) return $"ratePerSecond (--rate-per-second) must be above 0, not {Format(RatePerSecond)}.";
        if (!(Burst >= 1) || double.IsInfinity(Burst)) return $"burst (--burst) must be at least 1, not {Format(Burst)}.";
        if (SlowDelay < TimeSpan.Zero || SlowDelay > TimeSpan.FromMinutes(10)) return $"slowDelayMs (--slow-delay-ms) must be between 0 and 600000, not {SlowDelay.TotalMilliseconds:0}.";
        if (Latency < TimeSpan.Zero || Latency > TimeSpan.FromMinutes(1)) return $"latencyMs (--latency-ms) must be between 0 and 60000, not {Latency.TotalMilliseconds:0}.";
        if (LatencyJitter < TimeSpan.Zero || LatencyJitter > TimeSpan.FromMinutes(1)) return $"latencyJitterMs (--latency-jitter-ms) must be between 0 and 60000, not {LatencyJitter.TotalMilliseconds:0}.";
        return null;
    }

    /// <summary>The options as the admin endpoint shows them (camelCase names, the delay in milliseconds).</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var setting in Settings)
        {
            switch (setting.Read(this))
            {
                case bool flag: writer.WriteBoolean(setting.Json, flag); break;
                case int whole: writer.WriteNumber(setting.Json, whole); break;
                case double number: writer.WriteNumber(setting.Json, number); break;
            }
        }
        writer.WriteEndObject();
    }

    /// <summary>
    /// These options with the members of a JSON object applied (the names of <see cref="WriteJson"/>, any case);
    /// members not given keep their value. Throws <see cref="FormatException"/> on an unknown name or a bad value.
    /// </summary>
    public FaultOptions With(JsonElement changes)
    {
        if (changes.ValueKind != JsonValueKind.Object) throw new FormatException("the options must be a JSON object.");
        var options = this;
        foreach (var member in changes.EnumerateObject())
        {
            var setting = Settings.FirstOrDefault(s => string.Equals(s.Json, member.Name, StringComparison.OrdinalIgnoreCase))
                ?? throw new FormatException($"unknown option '{member.Name}'; the options are: {string.Join(", ", Settings.Select(s => s.Json))}.");
            var text = member.Value.ValueKind switch
            {
                JsonValueKind.String => member.Value.GetString()!,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => member.Value.GetRawText(),
                _ => throw new FormatException($"{member.Name} must be a number or a boolean, not {member.Value.ValueKind}."),
            };
            options = setting.Apply(options, text);
        }
        return options;
    }

    /// <summary>Every option: its JSON name, its command-line flag, whether it is a fault rate, how to read and set it.</summary>
    internal static readonly IReadOnlyList<Setting> Settings =
    [
        Number("ratePerSecond", "--rate-per-second", o => o.RatePerSecond, (o, v) => o with { RatePerSecond = v }),
        Number("burst", "--burst", o => o.Burst, (o, v) => o with { Burst = v }),
        Flag("throttle", "--throttle", o => o.Throttle, (o, v) => o with { Throttle = v }),
        Rate("tooManyRequestsRate", "--too-many-requests-rate", o => o.TooManyRequestsRate, (o, v) => o with { TooManyRequestsRate = v }),
        Rate("internalErrorRate", "--internal-error-rate", o => o.InternalErrorRate, (o, v) => o with { InternalErrorRate = v }),
        Rate("serviceUnavailableRate", "--service-unavailable-rate", o => o.ServiceUnavailableRate, (o, v) => o with { ServiceUnavailableRate = v }),
        Rate("dropBeforeForwardRate", "--drop-before-forward-rate", o => o.DropBeforeForwardRate, (o, v) => o with { DropBeforeForwardRate = v }),
        Rate("dropAfterForwardRate", "--drop-after-forward-rate", o => o.DropAfterForwardRate, (o, v) => o with { DropAfterForwardRate = v }),
        Rate("slowRate", "--slow-rate", o => o.SlowRate, (o, v) => o with { SlowRate = v }),
        Number("slowDelayMs", "--slow-delay-ms", o => o.SlowDelay.TotalMilliseconds, (o, v) => o with { SlowDelay = TimeSpan.FromMilliseconds(v) }),
        Number("latencyMs", "--latency-ms", o => o.Latency.TotalMilliseconds, (o, v) => o with { Latency = TimeSpan.FromMilliseconds(v) }),
        Number("latencyJitterMs", "--latency-jitter-ms", o => o.LatencyJitter.TotalMilliseconds, (o, v) => o with { LatencyJitter = TimeSpan.FromMilliseconds(v) }),
        Flag("rejectCredentials", "--reject-credentials", o => o.RejectCredentials, (o, v) => o with { RejectCredentials = v }),
        new("seed", "--seed", false, false, o => o.Seed, (o, text) => o with { Seed = int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) }),
    ];

    internal sealed record Setting(string Json, string Flag, bool IsRate, bool IsFlag, Func<FaultOptions, object> Read, Func<FaultOptions, string, FaultOptions> Set)
    {
        /// <summary>The option set from text; a <see cref="FormatException"/> names the option.</summary>
        public FaultOptions Apply(FaultOptions options, string text)
        {
            try
            {
                return Set(options, text);
            }
            catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
            {
                throw new FormatException($"{Flag} ({Json}): '{text}' is not a valid {(IsFlag ? "true/false" : IsRate ? "rate" : "number")}.", ex);
            }
        }
    }

    private static Setting Number(string json, string flag, Func<FaultOptions, double> read, Func<FaultOptions, double, FaultOptions> set) =>
        new(json, flag, false, false, o => read(o), (o, text) => set(o, ParseNumber(text)));

    private static Setting Rate(string json, string flag, Func<FaultOptions, double> read, Func<FaultOptions, double, FaultOptions> set) =>
        new(json, flag, true, false, o => read(o), (o, text) => set(o, ParseNumber(text)));

    private static Setting Flag(string json, string flag, Func<FaultOptions, bool> read, Func<FaultOptions, bool, FaultOptions> set) =>
        new(json, flag, false, true, o => read(o), (o, text) => set(o, bool.Parse(text)));

    private static double ParseNumber(string text)
    {
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsNaN(value) || double.IsInfinity(value)) throw new FormatException("not a finite number");
        return value;
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The command-line options, one per line, for the usage text.</summary>
    internal static string Usage()
    {
        var text = new StringBuilder();
        var defaults = new FaultOptions();
        foreach (var setting in Settings)
        {
            var value = setting.Read(defaults);
            var shown = value switch
            {
                double number => number.ToString(CultureInfo.InvariantCulture),
                bool flag => flag ? "on" : "off",
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
            var syntax = setting.IsFlag
                ? setting.Flag == "--throttle" ? "--throttle | --no-throttle" : setting.Flag
                : $"{setting.Flag} {(setting.IsRate ? "RATE" : "N")}";
            text.AppendLine($"  {syntax,-36} (default {shown})");
        }
        return text.ToString();
    }
}
