namespace Sunbay.Client;

/// <summary>Network time limits. POSTs to a terminal are never retried, so they get a single, long attempt.</summary>
public sealed class ClientTimeoutOptions
{
    /// <summary>Time limit of one POST (sale, refund, void, batch close, ...). Default 60 seconds, the read timeout of SUNBAY's own SDKs.</summary>
    public TimeSpan Post { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time limit of one attempt of a query (GET). Default 10 seconds.</summary>
    public TimeSpan GetAttempt { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time limit of a query including its retries. Default 30 seconds.</summary>
    public TimeSpan GetTotal { get; set; } = TimeSpan.FromSeconds(30);
}
