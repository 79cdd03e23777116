using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Stripe;
using Sunbay.Client.Testing;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client.Benchmarks;

/// <summary>
/// Verifying one ~1 KiB webhook: bare HMAC-SHA256 + hex compare (floor), SunbayWebhookVerifier (signature only, and
/// signature + parse), and Stripe.net's EventUtility.ConstructEvent (signature + parse) on an event of the same size.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("webhook")]
public class WebhookBenchmarks
{
    private const string Secret = "whsec_bench_9d2e7c41b8a05f36e1c4";
    private byte[] _key = null!;
    private byte[] _body = null!;
    private string _hexSignature = null!;
    private SunbayWebhookVerifier _verifier = null!;
    private SunbayWebhookHeaders _headers;
    private string _stripeJson = null!;
    private string _stripeHeader = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = Encoding.UTF8.GetBytes(Secret);
        _body = Canned.WebhookBody;
        var time = new FixedTimeProvider(DateTimeOffset.UtcNow);
        var message = new SunbayWebhookSigner(Secret, time).Sign(_body);
        _headers = message.Headers;
        _hexSignature = _headers.Signature!;
        var options = new SunbayWebhookOptions();
        options.Secrets.Add(Secret);
        _verifier = new SunbayWebhookVerifier(options, time);

        _stripeJson = Canned.StripeEvent(StripeConfiguration.ApiVersion);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var digest = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(timestamp + "." + _stripeJson));
        _stripeHeader = $"t={timestamp},v1={Convert.ToHexStringLower(digest)}";

        if (!Floor_HmacHex() || Sunbay_VerifySignature() != SunbayWebhookFailureReason.None || Sunbay_Verify() is null || Stripe_ConstructEvent() is null)
        {
            throw new InvalidOperationException("A webhook benchmark does not verify.");
        }

        Console.WriteLine($"// webhook body {_body.Length} B, Stripe event {Encoding.UTF8.GetByteCount(_stripeJson)} B");
    }

    [Benchmark(Baseline = true)]
    public bool Floor_HmacHex()
    {
        Span<byte> expected = stackalloc byte[32];
        Span<byte> provided = stackalloc byte[32];
        HMACSHA256.HashData(_key, _body, expected);
        return Convert.FromHexString(_hexSignature, provided, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == 32
            && CryptographicOperations.FixedTimeEquals(expected, provided);
    }

    [Benchmark]
    public SunbayWebhookFailureReason Sunbay_VerifySignature() => _verifier.VerifySignature(_headers, _body);

    [Benchmark]
    public TransactionNotification Sunbay_Verify() => _verifier.Verify(_headers, _body);

    [Benchmark]
    public Event Stripe_ConstructEvent() => EventUtility.ConstructEvent(_stripeJson, _stripeHeader, Secret, tolerance: 86_400);

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
