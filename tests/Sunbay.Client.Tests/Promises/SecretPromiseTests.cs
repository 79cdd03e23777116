using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Tests.Support;
using Sunbay.Client.Tests.Telemetry;

namespace Sunbay.Client.Tests.Promises;

/// <summary>
/// No key or card number escapes, in any encoding a server echoes it in, in any place the SDK renders it: the exception's
/// message, its inner exceptions and <c>ToString()</c>, log lines and activity tags; and an identifier that only looks
/// like digits (a hex trace id) is not mangled on the way.
/// </summary>
[Collection(TelemetryTestGroup.Name)]
public sealed class SecretPromiseTests : IDisposable
{
    /// <summary>A trace id whose 16-digit run passes the Luhn check: masking digits glued to letters would mangle it.</summary>
    private const string TraceId = "9388071234567802ab4074bb9a";

    private readonly CapturingLoggerProvider _logs = new();
    private readonly ConcurrentQueue<string> _tags = new();
    private readonly ActivityListener _listener;

    public SecretPromiseTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Sunbay", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                foreach (var tag in activity.TagObjects)
                {
                    _tags.Enqueue($"{tag.Key}={tag.Value}");
                }

                _tags.Enqueue($"status={activity.StatusDescription}");
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>
    /// The key as a server may echo it: as it is, URL-escaped (either case), JSON-escaped (either style), HTML-escaped, its
    /// bytes in Base64 (alone, or inside <c>Basic</c> credentials) or in hexadecimal.
    /// </summary>
    public static TheoryData<ProviderCase, string> Echoes => AnswerPromiseTests.Cross(["raw", "url", "url-lower", "json", "json-slash", "html", "base64", "base64url", "basic", "hex"]);

    /// <summary>The key as a URL can hold it (a JSON escape's backslash is a path separator to a URI parser).</summary>
    public static TheoryData<ProviderCase, string> UrlEchoes => AnswerPromiseTests.Cross(["raw", "url", "url-lower"]);

    [Theory]
    [MemberData(nameof(UrlEchoes))]
    public async Task A_key_in_a_redirects_location_never_escapes(ProviderCase provider, string encoding)
    {
        await using var server = MisbehavingServer.Start(r => provider.IsStart(r)
            ? Reply.Json(307, null, ("Location", $"{r.Headers["Host"]}/k/{Encode(provider.ApiKey, encoding == "raw" ? "url" : encoding)}/x?key={Encode(provider.ApiKey, encoding)}"))
            : provider.Normal(r));
        using var client = Client(provider, server);

        var error = await Assert.ThrowsAnyAsync<PaymentsException>(() => client.StartAsync());

        AssertNoSecret(provider, error);
    }

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task A_key_echoed_in_an_error_body_never_escapes(ProviderCase provider, string encoding)
    {
        await using var server = MisbehavingServer.Start(r => provider.IsStart(r)
            ? Reply.Json(500, $$"""{"error":"bad key {{Encode(provider.ApiKey, encoding)}}"}""")
            : provider.Normal(r));
        using var client = Client(provider, server);

        var error = await Assert.ThrowsAnyAsync<PaymentsTransportException>(() => client.StartAsync());

        Assert.True(error.OutcomeUnknown);
        AssertNoSecret(provider, error, Encode(provider.ApiKey, encoding));
    }

    [Theory]
    [MemberData(nameof(AnswerPromiseTests.Providers), MemberType = typeof(AnswerPromiseTests))]
    public async Task A_card_number_next_to_other_digits_is_masked(ProviderCase provider)
    {
        await using var server = MisbehavingServer.Start(r => provider.IsStart(r) ? provider.Refusal("card 4111111111111111 98.75 EUR declined") : provider.Normal(r));
        using var client = Client(provider, server);

        var error = await Assert.ThrowsAnyAsync<PaymentsException>(() => client.StartAsync());

        Assert.Contains("411111******1111 98.75 EUR", error.Message, StringComparison.Ordinal);
        AssertNoSecret(provider, error);
    }

    [Fact]
    public async Task A_hex_trace_id_stays_intact_in_the_exception_logs_and_tags()
    {
        var provider = ProviderCase.Sunbay;
        await using var server = MisbehavingServer.Start(r => provider.IsStart(r)
            ? Reply.Json(200, $$"""{"code":"C17","msg":"declined","traceId":"{{TraceId}}"}""")
            : provider.Normal(r));
        using var client = Client(provider, server);

        var error = await Assert.ThrowsAsync<SunbayApiException>(() => client.StartAsync());

        Assert.Equal(TraceId, error.TraceId);
        Assert.Contains(_tags, t => t == $"sunbay.trace_id={TraceId}");
        Assert.Contains(_logs.Lines, l => l.Contains(TraceId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_off_host_next_link_is_refused_naming_only_its_origin()
    {
        // Only CM.com's lists follow links; SUNBAY's pages carry an opaque token.
        var provider = ProviderCase.CmCom;
        await using var server = MisbehavingServer.Start(r => provider.IsList(r)
            ? Reply.Json(200, "[]".Replace("[]", """[{"type":"PURCHASE","id":"t1","merchant_order_reference":"r1","creation_datetime":"2022-01-18T14:30:05.619Z","amount":{"value":1,"currency":"EUR"},"status":"CREATED"}]""", StringComparison.Ordinal),
                ("Link", $"<https://evil.example:8443/steal/{Uri.EscapeDataString(provider.ApiKey)}?k={provider.ApiKey}>; rel=\"next\""))
            : provider.Normal(r));
        using var client = Client(provider, server);

        var error = await Assert.ThrowsAnyAsync<PaymentsTransportException>(() => client.ListAsync());

        Assert.Contains("https://evil.example:8443", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/steal", error.ToString(), StringComparison.Ordinal);
        AssertNoSecret(provider, error);
    }

    private IProviderClient Client(ProviderCase provider, MisbehavingServer server)
    {
        var logging = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        return provider.Create(server.BaseAddress, new FakeTimeProvider(), logging);
    }

    private void AssertNoSecret(ProviderCase provider, Exception error, string? echoed = null)
    {
        // An encoding that spreads the key over all its characters (Base64, hexadecimal) keeps no tail: its middle half
        // is made of the key's bytes alone, whatever stands around the key.
        var middle = echoed is null ? null : echoed.Substring(echoed.Length / 4, echoed.Length / 2);
        // The key's tail is in every encoding of it: whatever is left of a half-masked key shows it.
        const string tail = "Ef9Gh7Kq";
        var places = new List<string> { error.Message, error.ToString() };
        places.AddRange(_logs.Lines);
        places.AddRange(_tags);
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            places.Add(inner.Message);
        }

        Assert.All(places, text =>
        {
            Assert.DoesNotContain(tail, text, StringComparison.Ordinal);
            if (middle is not null)
            {
                Assert.DoesNotContain(middle, text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("4111111111111111", text, StringComparison.Ordinal);
        });
        Assert.NotEmpty(provider.ApiKey);
    }

    private static string Encode(string key, string encoding) => encoding switch
    {
        "url" => Uri.EscapeDataString(key),
        "url-lower" => System.Text.RegularExpressions.Regex.Replace(Uri.EscapeDataString(key), "%[0-9A-F]{2}", m => m.Value.ToLowerInvariant()),
        "json" => System.Text.Json.JsonEncodedText.Encode(key).ToString(),
        "json-slash" => key.Replace("/", "\\/", StringComparison.Ordinal).Replace("+", "\\u002b", StringComparison.Ordinal),
        "html" => string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) ? c.ToString() : $"&#{(int)c};")),
        "base64" => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key)),
        "base64url" => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key)).Replace('+', '-').Replace('/', '_').TrimEnd('='),
        "basic" => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("merchant:" + key)),
        "hex" => Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(key)),
        _ => key,
    };
}
