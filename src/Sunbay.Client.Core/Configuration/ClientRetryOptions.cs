namespace Sunbay.Client;

/// <summary>
/// Retries of queries (GET). POSTs are never retried: a retried payment can charge a card twice. A failed POST raises
/// <see cref="PaymentsTransportException"/> with <see cref="PaymentsTransportException.OutcomeUnknown"/> so that the caller reconciles.
/// </summary>
public sealed class ClientRetryOptions
{
    /// <summary>Retries after the first attempt of a GET. Default 3; 0 turns retries off.</summary>
    public int MaxGetRetries { get; set; } = 3;

    /// <summary>Base delay of the exponential backoff (with jitter) between GET attempts. Default 500 milliseconds.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
