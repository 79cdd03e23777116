namespace Sunbay.Client.Http;

/// <summary>
/// What the shared request pipeline (<see cref="ApiPipeline{TOptions}"/>) reads from a provider's options at each call:
/// where to send, the key to mask out of messages, and the time limits and retries. <c>SunbayClientOptions</c>
/// and the CM.com client's options implement it with their own public members, so that a reload applies at once.
/// </summary>
internal interface IPipelineOptions
{
    /// <summary>The API key as configured; masked out of everything the pipeline quotes.</summary>
    string? ApiKey { get; }

    /// <summary>Time limits of one call and of its attempts.</summary>
    ClientTimeoutOptions Timeouts { get; }

    /// <summary>Retries of queries (GET); nothing else is ever retried.</summary>
    ClientRetryOptions Retry { get; }

    /// <summary>The address requests are resolved against.</summary>
    Uri ResolveBaseAddress();
}
