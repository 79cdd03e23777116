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

/// <summary>
/// `-- webhook [--rounds 100] [--calls 2000] [--case NAME --seconds S]`: issue 22's webhook targets, measured in one process, case by case in
/// alternating order round by round (A B C ..., then ... C B A). The floor is a bare HMAC-SHA256 of the ~1 KiB body into
/// a stack buffer (HMACSHA256.HashData), no header, no compare; beside it the verifier's signature check, verify + parse
/// (TryVerify, what the ASP.NET Core endpoint calls, and Verify), and each kind of rejection through TryVerify. Per
/// batch: wall time (Stopwatch) and the bytes this thread allocated (GC.GetAllocatedBytesForCurrentThread) divided by N.
/// Prints, per case, the median time per call, the median of the per-round ratios to the floor (with their min-max), the
/// ratio of the fastest rounds (the least disturbed by a busy machine) and the bytes per call. The parse alone
/// (SunbayWebhookPayload.Parse) is listed too, to see the parse's share without the HMAC's noise. With
/// `--case NAME --seconds S` one case (a prefix of its printed name, e.g. "parse only") runs in a loop for S seconds, for
/// a profiler to attach (dotnet-trace, perf).
/// </summary>
internal static class WebhookRun
{
    private const string Secret = "whsec_bench_9d2e7c41b8a05f36e1c4";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var rounds = Measure.Option(args, "--rounds", 100);
        var calls = Measure.Option(args, "--calls", 2_000);
        var seconds = Measure.Option(args, "--seconds", 20);
        var only = Array.IndexOf(args, "--case") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        if (rounds < 1 || calls < 1 || seconds < 1)
        {
            Console.Error.WriteLine("usage: webhook [--rounds R (>= 1)] [--calls N (>= 1)] [--case NAME --seconds S (>= 1)]");
            return 2;
        }

        var key = Encoding.UTF8.GetBytes(Secret);
        var body = Canned.WebhookBody;
        var time = new FixedTimeProvider(DateTimeOffset.UtcNow);
        var headers = new SunbayWebhookSigner(Secret, time).Sign(body).Headers;
        var options = new SunbayWebhookOptions { MaxBodyBytes = body.Length + 16 };
        options.Secrets.Add(Secret);
        using var verifier = new SunbayWebhookVerifier(options, time);

        // During a rotation a delivery signed with the newer secret costs one HMAC per secret tried.
        var rotating = new SunbayWebhookOptions { MaxBodyBytes = options.MaxBodyBytes };
        rotating.Secrets.Add("whsec_bench_previous_0c5e8a1f27d3");
        rotating.Secrets.Add(Secret);
        using var rotated = new SunbayWebhookVerifier(rotating, time);
        var oversize = new byte[options.MaxBodyBytes + 1];
        body.CopyTo(oversize, 0);
        var wrong = headers.Signature![..^1] + (headers.Signature[^1] == '0' ? '1' : '0');
        var stale = (time.GetUtcNow().ToUnixTimeMilliseconds() - (long)(options.Tolerance.TotalMilliseconds * 2)).ToString(Invariant);

        bool Rejects(SunbayWebhookHeaders h, byte[] b, SunbayWebhookFailureReason reason) =>
            !verifier.TryVerify(h, b, out _, out var failure) && failure == reason
                ? true
                : throw new InvalidOperationException($"The rejection case does not fail with {reason}.");

        var cases = new (string Name, Func<bool> Call)[]
        {
            ("floor: HMAC-SHA256 only", () =>
            {
                Span<byte> digest = stackalloc byte[32];
                return HMACSHA256.HashData(key, body, digest) == 32;
            }),
            ("signature check (VerifySignature)", () => verifier.VerifySignature(headers, body) == SunbayWebhookFailureReason.None),
            ("verify + parse (TryVerify)", () => verifier.TryVerify(headers, body, out var n, out _) && n.Transaction.TransactionId is not null),
            ("verify + parse (Verify)", () => verifier.Verify(headers, body).Transaction.TransactionId is not null),
            ("parse only (SunbayWebhookPayload.Parse)", () => SunbayWebhookPayload.Parse(body).TransactionId is not null),
            ("verify + parse, 2nd of 2 secrets", () => rotated.TryVerify(headers, body, out var n, out _) && n.Transaction.TransactionId is not null),
            ("rejected: bad signature", () => Rejects(headers with { Signature = wrong }, body, SunbayWebhookFailureReason.BadSignature)),
            ("rejected: stale timestamp", () => Rejects(headers with { Timestamp = stale }, body, SunbayWebhookFailureReason.TimestampOutOfRange)),
            ("rejected: oversize body", () => Rejects(headers, oversize, SunbayWebhookFailureReason.TooLarge)),
            ("rejected: malformed timestamp", () => Rejects(headers with { Timestamp = "17" }, body, SunbayWebhookFailureReason.MalformedHeader)),
            ("rejected: missing signature", () => Rejects(headers with { Signature = null }, body, SunbayWebhookFailureReason.MissingHeader)),
        };

        foreach (var (name, call) in cases)
        {
            if (!call())
            {
                throw new InvalidOperationException($"The case '{name}' does not verify.");
            }
        }

        if (only is not null)
        {
            var (name, call) = cases.FirstOrDefault(c => c.Name.StartsWith(only, StringComparison.Ordinal));
            if (call is null)
            {
                Console.Error.WriteLine($"No case '{only}'; cases: {string.Join(", ", cases.Select(c => c.Name))}.");
                return 2;
            }

            var until = DateTime.UtcNow.AddSeconds(seconds);
            for (var n = 1; DateTime.UtcNow < until; n++)
            {
                var (micros, bytes) = Batch(call, calls);
                if (n % 100 == 0)
                {
                    Console.WriteLine(string.Create(Invariant, $"{name} batch {n}: {micros * 1000:F0} ns/call, {bytes:F0} B/call"));
                }
            }

            return 0;
        }

        Console.WriteLine(string.Create(Invariant, $"# webhook body {body.Length} B, {rounds} rounds of {calls} calls per case, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        foreach (var (_, call) in cases)
        {
            Batch(call, calls); // warm-up: tiered JIT reaches its final code
        }

        var samples = cases.Select(_ => new (double Micros, double Bytes)[rounds]).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            var order = Enumerable.Range(0, cases.Length).ToArray();
            if (round % 2 == 1)
            {
                Array.Reverse(order);
            }

            foreach (var c in order)
            {
                samples[c][round] = Batch(cases[c].Call, calls);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| case | time per call (median) | ÷ floor (median of rounds, min-max) | ÷ floor (fastest round of each) | bytes per call |");
        Console.WriteLine("|---|---|---|---|---|");
        for (var c = 0; c < cases.Length; c++)
        {
            var ratios = Enumerable.Range(0, rounds).Select(r => samples[c][r].Micros / samples[0][r].Micros).ToArray();
            var micros = Measure.Median(samples[c].Select(s => s.Micros));
            var bytes = Measure.Median(samples[c].Select(s => s.Bytes));
            var fastest = samples[c].Min(s => s.Micros) / samples[0].Min(s => s.Micros);
            Console.WriteLine(string.Create(Invariant, $"| {cases[c].Name} | {micros * 1000:F0} ns | {Measure.Median(ratios):F2}× ({ratios.Min():F2}-{ratios.Max():F2}) | {fastest:F2}× | {bytes:F0} B |"));
        }

        return 0;
    }

    private static (double Micros, double Bytes) Batch(Func<bool> call, int calls)
    {
        var ok = true;
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            ok &= call();
        }

        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
        return ok ? (elapsed.TotalMicroseconds / calls, (double)allocated / calls) : throw new InvalidOperationException("A call failed.");
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
