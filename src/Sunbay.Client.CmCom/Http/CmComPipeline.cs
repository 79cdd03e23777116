using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sunbay.Client.CmCom.Telemetry;
using Sunbay.Client.CmCom.Wire;
using Sunbay.Client.Http;
using Sunbay.Client.Wire;

namespace Sunbay.Client.CmCom.Http;

/// <summary>
/// CM.com's dialect of the shared pipeline (<see cref="ApiPipeline{TOptions}"/>): any 2xx is an answer (201 for a start,
/// 204 for a cancel or revoke), each attempt carries the <c>API-Key</c> header read at that moment (the configured key,
/// or the one a rotation switched to), errors are <c>application/problem+json</c>, and
/// <see cref="CmComErrorClassifier"/> says what a finished call means.
/// </summary>
internal sealed class CmComPipeline : ApiPipeline<CmComClientOptions>
{
    /// <summary>The header CM.com reads the key from, named exactly so.</summary>
    public const string ApiKeyHeader = "API-Key";

    private string? _lastSendable;

    /// <param name="name">The client's name (the options name).</param>
    /// <param name="http">Sends one attempt; its handlers stop at the network (no retry of its own).</param>
    /// <param name="options">The client's settings, read at each call.</param>
    /// <param name="time">Clock of timeouts, retry delays and polling.</param>
    /// <param name="logger">The client's logger.</param>
    /// <param name="breaker">The circuit breaker shared by the client's requests.</param>
    /// <param name="ownsHttp">Whether disposing the pipeline disposes <paramref name="http"/>.</param>
    public CmComPipeline(string name, HttpClient http, IOptionsMonitor<CmComClientOptions> options, TimeProvider time, ILogger logger, CallBreaker breaker, bool ownsHttp)
        : base(name, http, options, time, logger, breaker, CmComCallTelemetry.Instance, ownsHttp)
    {
    }

    /// <summary>The key a rotation switched to, and the ids of the keys this client created.</summary>
    public ApiKeySwitch Keys { get; } = new();

    public override bool IsAnswer(int statusCode) => statusCode is >= 200 and <= 299;

    /// <summary>
    /// The key in effect at this attempt: read from the options monitor now (a retried GET carries a key switched
    /// since the call began), or the one a rotation switched to. Checked once per key, so that one that cannot be
    /// written fails before anything is sent.
    /// </summary>
    public override ValueTask AuthenticateAsync(HttpRequestMessage request, CmComClientOptions options, CancellationToken cancellationToken)
    {
        var key = Keys.KeyFor(ConfiguredKey(options));
        if (!ReferenceEquals(key, Volatile.Read(ref _lastSendable)))
        {
            if (key is null || !ApiKeyRule.IsSendable(key))
            {
                throw new ApiKeyException("CmCom:ApiKey");
            }

            Volatile.Write(ref _lastSendable, key);
        }

        request.Headers.TryAddWithoutValidation(ApiKeyHeader, key);
        return ValueTask.CompletedTask;
    }

    /// <summary>The configured key now; the call's own when a reload since failed validation (that failure is the next call's to report).</summary>
    private string? ConfiguredKey(CmComClientOptions callOptions)
    {
        try
        {
            return Options.ApiKey;
        }
        catch (PaymentsConfigurationException)
        {
            return callOptions.ApiKey;
        }
    }

    public override object? ReadError(int statusCode, string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, CmComWireJsonContext.Default.Problem);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public override Exception? Classify(in CallFacts facts) => CmComErrorClassifier.Classify(facts, Keys.SwitchedKey);

    public override Exception Disposed(string operation, in CallSubject subject) =>
        new CmComClientDisposedException(operation, subject.TerminalId, subject.TransactionId);

    /// <summary>Day totals may come as the receipt itself, in <c>text/plain</c> (the spec's assumption: the guide shows no body).</summary>
    public override Func<string, TAnswer>? PlainTextAnswer<TAnswer>(IWireEndpoint<TAnswer> endpoint, HttpResponseMessage response)
        where TAnswer : class =>
        typeof(TAnswer) == typeof(DayTotals) && response.Content.Headers.ContentType?.MediaType == "text/plain"
            ? static text => (TAnswer)(object)new DayTotals { Receipt = text }
            : null;
}
