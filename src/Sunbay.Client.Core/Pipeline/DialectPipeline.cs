using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sunbay.Client.Http;
using Sunbay.Client.Telemetry;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Pipeline;

/// <summary>
/// The shared request pipeline (<see cref="ApiPipeline{TOptions}"/>) speaking a <see cref="PaymentsProviderDialect"/>:
/// what SUNBAY's and CM.com's pipelines say in code, a provider written outside this repository says through the
/// dialect, and the neutral exceptions say for it.
/// </summary>
internal sealed class DialectPipeline : ApiPipeline<PaymentsPipelineOptions>
{
    private const int ExcerptLength = 200;

    private readonly PaymentsProviderDialect _dialect;
    private readonly ProviderNames _names;

    public DialectPipeline(PaymentsProviderDialect dialect, HttpClient http, PaymentsPipelineOptions options, TimeProvider time, ILogger logger)
        : base(Microsoft.Extensions.Options.Options.DefaultName, http, new FixedOptionsMonitor<PaymentsPipelineOptions>(options), time, logger, new CallBreaker(time), DialectCallTelemetry.For(dialect), ownsHttp: true, dialect.GetType().Assembly)
    {
        _dialect = dialect;
        _names = new ProviderNames(dialect.DisplayName, nameof(PaymentsPipeline), nameof(PaymentsPipelineOptions));
    }

    public override bool IsAnswer(int statusCode) => _dialect.IsAnswer(statusCode);

    public override ValueTask AuthenticateAsync(HttpRequestMessage request, PaymentsPipelineOptions options, CancellationToken cancellationToken)
    {
        if (options.ApiKey is not { } key || !ApiKeyRule.IsSendable(key))
        {
            throw new ApiKeyException(nameof(PaymentsPipelineOptions.ApiKey));
        }

        try
        {
            _dialect.Authenticate(request, key);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Raised before sending: the outcome is known. The dialect's exception is quoted with the key masked and not
            // kept as the inner exception, whose ToString() would print it unmasked.
            throw new RequestNotSentException($"the {_dialect.DisplayName} dialect could not authenticate the request ({ex.GetType().Name}: {SensitiveData.Mask(ex.Message, key)})");
        }

        return ValueTask.CompletedTask;
    }

    public override object? ReadError(int statusCode, string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return _dialect.ReadError(statusCode, body);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A body the dialect cannot read says nothing it documents: the status and an excerpt tell the caller.
            return null;
        }
    }

    public override bool IsNotFound(in CallFacts facts, PaymentsPipelineOptions options) => !facts.IsPost && facts.StatusCode == 404;

    public override Exception Disposed(string operation, in CallSubject subject) =>
        new PaymentsClientDisposedException(_dialect.Provider, operation, $"{operation} was not sent: the {_dialect.DisplayName} pipeline has been disposed.");

    public override Exception? Classify(in CallFacts facts)
    {
        if (facts.Error is { } error)
        {
            var failure = TransportFailure.Of(facts, error, _names);
            return failure.Kind switch
            {
                TransportFailureKind.ClientDisposed => new PaymentsClientDisposedException(_dialect.Provider, facts.Operation, $"{facts.Operation} was interrupted: the {_dialect.DisplayName} pipeline was disposed.", error),
                TransportFailureKind.Cancelled => error,
                _ => Transport(facts, failure.Message, failure.StatusCode, failure.OutcomeUnknown, error),
            };
        }

        var status = facts.StatusCode ?? 0;
        if (_dialect.IsAnswer(status))
        {
            // A success the operation cannot use (no body, null, garbled): on a start the request was acted on.
            return facts.ReadError is { } unreadable
                ? Transport(facts, $"{_dialect.DisplayName}'s answer to {facts.Operation} (HTTP {status}) could not be read: {unreadable.Message}", status, facts.IsPost, unreadable)
                : null;
        }

        var said = facts.Answer as PaymentsProviderError;
        var meaning = FailedStatusRule.Of(status, explained: said is not null);
        if (meaning == FailedStatus.Unknown)
        {
            // A server error says nothing reliable about what happened: the request may have been acted on first.
            return Transport(facts, $"{_dialect.DisplayName} answered {facts.Operation} with HTTP {status}: {Excerpt(facts)}", status, facts.IsPost);
        }

        if (meaning == FailedStatus.NotProcessed)
        {
            return Transport(facts, $"{_dialect.DisplayName} answered {facts.Operation} with HTTP {status}; nothing was processed. Send it again later.", status, outcomeUnknown: false);
        }

        var code = Mask(said?.Code, facts) ?? status.ToString(CultureInfo.InvariantCulture);
        var message = Mask(said?.Message, facts);
        return new PaymentsApiException(
            _dialect.Provider,
            facts.Operation,
            (HttpStatusCode)status,
            code,
            message,
            Mask(said?.TraceId, facts),
            $"{_dialect.DisplayName} refused {facts.Operation} (HTTP {status}, {code}): {message ?? Excerpt(facts)}");
    }

    private PaymentsTransportException Transport(in CallFacts facts, string message, int? status, bool outcomeUnknown, Exception? inner = null)
    {
        var key = facts.Subject.Reference;
        var reconcile = !outcomeUnknown ? string.Empty
            : key is null ? $" The outcome is unknown: read the current state to learn whether {facts.Operation} took effect."
            : $" The outcome is unknown: start it again with the same idempotency key '{key}', which resumes what was created instead of sending a second one.";
        return new PaymentsTransportException(_dialect.Provider, Mask(message + reconcile, facts)!, facts.Operation, outcomeUnknown, key, status, inner);
    }

    private static string Excerpt(in CallFacts facts) => SensitiveData.Excerpt(facts.Body, facts.ApiKey, ExcerptLength);

    private static string? Mask(string? text, in CallFacts facts) => SensitiveData.Mask(text, facts.ApiKey);
}
