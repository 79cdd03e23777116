using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Sunbay.Client.Http;
using Sunbay.Client.Telemetry;

namespace Sunbay.Client.Pipeline;

/// <summary>
/// The activity, metrics and log lines of the calls of a provider written on <see cref="PaymentsPipeline"/>: one
/// <see cref="ActivitySource"/> and <see cref="Meter"/> named <c>Sunbay.Client.Pipeline</c>, the provider's name as the
/// prefix of its instruments and tags (<c>{provider}.client.api.calls</c>), as SUNBAY's and CM.com's use theirs.
/// </summary>
internal sealed class DialectCallTelemetry : CallTelemetry
{
    public const string Name = "Sunbay.Client.Pipeline";

    private static readonly ActivitySource Source = new(Name, ProductUserAgent.SdkVersionOf(typeof(DialectCallTelemetry).Assembly));
    private static readonly Meter Instruments = new(Name, ProductUserAgent.SdkVersionOf(typeof(DialectCallTelemetry).Assembly));
    private static readonly ConcurrentDictionary<string, DialectCallTelemetry> ByProvider = new(StringComparer.Ordinal);

    private readonly string _provider;

    private DialectCallTelemetry(string provider, string displayName)
        : base(Source, Instruments, provider, displayName, provider + ".idempotency_key") =>
        _provider = displayName;

    /// <summary>The telemetry of <paramref name="dialect"/>'s provider: one set of instruments a provider name, however many pipelines.</summary>
    public static DialectCallTelemetry For(PaymentsProviderDialect dialect) =>
        ByProvider.GetOrAdd(dialect.Provider, static (provider, display) => new DialectCallTelemetry(provider, display), dialect.DisplayName);

    // What a server wrote goes into tags and logs masked, as everything else (a hostile server may echo the key).
    public override string? CodeOf(in CallFacts facts) =>
        facts.Answer is PaymentsProviderError error ? SensitiveData.Mask(error.Code, facts.ApiKey) : facts.StatusCode?.ToString(CultureInfo.InvariantCulture);

    public override string? TraceIdOf(in CallFacts facts) => SensitiveData.Mask((facts.Answer as PaymentsProviderError)?.TraceId, facts.ApiKey);

    public override void LogCall(ILogger logger, in CallFacts facts, string? code, string? traceId, double elapsedMs, int attempts) =>
        PipelineLog.ApiCall(logger, _provider, facts.Operation, facts.StatusCode, elapsedMs, attempts);

    public override void LogFailed(ILogger logger, in CallFacts facts, string? code, string? traceId, double elapsedMs, int attempts, string message) =>
        PipelineLog.ApiFailed(logger, _provider, facts.Operation, facts.StatusCode, elapsedMs, attempts, message);

    public override void LogOutcomeUnknown(ILogger logger, in CallFacts facts, Exception exception) =>
        PipelineLog.OutcomeUnknown(logger, _provider, facts.Operation, facts.Subject.Reference, exception);

    public override void LogRetrying(ILogger logger, string method, string? path, int attempt, double delayMs, string reason) =>
        PipelineLog.Retrying(logger, _provider, method, path, attempt, delayMs, reason);
}
