namespace Sunbay.Client.Pipeline;

/// <summary>What a provider said in the body of a failed answer, as its <see cref="PaymentsProviderDialect"/> reads it.</summary>
/// <param name="code">The provider's error code (becomes <see cref="PaymentsApiException.ProviderCode"/>).</param>
/// <param name="message">The provider's message, if any; masked before it is quoted.</param>
/// <param name="traceId">The provider's id of the request for its support, if it gives one.</param>
public sealed class PaymentsProviderError(string code, string? message = null, string? traceId = null)
{
    /// <summary>The provider's error code.</summary>
    public string Code { get; } = code ?? throw new ArgumentNullException(nameof(code));

    /// <summary>The provider's message, if any.</summary>
    public string? Message { get; } = message;

    /// <summary>The provider's id of the request for its support, if any.</summary>
    public string? TraceId { get; } = traceId;
}
