using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sunbay.Client.Telemetry;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Http;

/// <summary>
/// SUNBAY's dialect of the shared pipeline: 200 is the only answer (every error comes in SUNBAY's envelope), each
/// attempt carries a 13-digit <c>X-Timestamp</c> and is signed by the application's <see cref="ISunbayRequestSigner"/>,
/// and <see cref="SunbayErrorClassifier"/> says what a finished call means.
/// </summary>
internal sealed class SunbayPipeline : ApiPipeline<SunbayClientOptions>
{
    /// <param name="name">The client's name (the options name).</param>
    /// <param name="http">Sends one attempt; its handlers stop at the network (no retry of its own).</param>
    /// <param name="options">The client's settings, read at each call.</param>
    /// <param name="time">Clock of timestamps, timeouts and retry delays.</param>
    /// <param name="logger">The client's logger.</param>
    /// <param name="signer">Authenticates each attempt.</param>
    /// <param name="breaker">The circuit breaker shared by queries and pushes of this client.</param>
    /// <param name="ownsHttp">Whether <see cref="ApiPipeline{TOptions}.Dispose"/> disposes <paramref name="http"/>.</param>
    public SunbayPipeline(string name, HttpClient http, IOptionsMonitor<SunbayClientOptions> options, TimeProvider time, ILogger logger, ISunbayRequestSigner signer, CallBreaker breaker, bool ownsHttp)
        : base(name, http, options, time, logger, breaker, SunbayCallTelemetry.Instance, ownsHttp)
    {
        Signer = signer;
    }

    /// <summary>The SDK's name of the transaction query (<c>x-sdk-operation</c> in the spec).</summary>
    private const string QueryOperation = "query";

    public ISunbayRequestSigner Signer { get; }

    public override bool IsAnswer(int statusCode) => statusCode == 200;

    /// <summary>The 13-digit <c>X-Timestamp</c> (SUNBAY refuses a clock more than 10 minutes off), then the signer, so that a signature may cover it.</summary>
    public override ValueTask AuthenticateAsync(HttpRequestMessage request, SunbayClientOptions options, CancellationToken cancellationToken)
    {
        // A fresh ID per attempt: SUNBAY refuses a POST that repeats one within 10 minutes (C02).
        request.Headers.TryAddWithoutValidation(SunbayHeaders.ClientRequestId, Guid.NewGuid().ToString("D"));
        request.Headers.TryAddWithoutValidation(SunbayHeaders.Timestamp, Time.GetUtcNow().ToUnixTimeMilliseconds().ToString("D13", CultureInfo.InvariantCulture));
        return Signer.SignAsync(request, options, cancellationToken);
    }

    public override object? ReadError(int statusCode, string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, SunbayWireJsonContext.Default.ApiEnvelope);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public override Exception? Classify(in CallFacts facts) => SunbayErrorClassifier.Classify(facts);

    /// <summary>A transaction query answered with a code of <see cref="SunbayClientOptions.TransactionNotFoundCodes"/>.</summary>
    public override bool IsNotFound(in CallFacts facts, SunbayClientOptions options) =>
        !facts.IsPost
        && facts.Operation == QueryOperation
        && facts.Answer is ApiEnvelope { Code: { } code }
        && options.TransactionNotFoundCodes.Any(c => string.Equals(c?.Trim(), code.Trim(), StringComparison.OrdinalIgnoreCase));

    public override Exception Disposed(string operation, in CallSubject subject) => new SunbayClientDisposedException(operation, subject.Reference);
}
