namespace Sunbay.Client.Http;

/// <summary>
/// Everything one API call ended with, as plain data: the input of the provider's error classifier
/// (<c>SunbayErrorClassifier</c>, CM.com's) and of <see cref="Telemetry.CallScope"/>.
/// </summary>
/// <param name="Operation">The SDK's name of the operation (<c>sale</c>, <c>query</c>, <c>start-transaction</c>, ...).</param>
/// <param name="IsPost">Whether the request changes something at the provider (never retried; a lost answer leaves its outcome unknown).</param>
/// <param name="Subject">What the call is about: the transaction's reference, terminal and id, when known.</param>
/// <param name="StatusCode">The last HTTP status received, if any.</param>
/// <param name="Answer">
/// The answer as read: on success the operation's answer, on failure the provider's error document (SUNBAY's envelope,
/// CM.com's problem details), when the body could be read as one.
/// </param>
/// <param name="Body">The answer's text, for messages (masked before use); only read when the call failed.</param>
/// <param name="ReadError">Why a successful answer could not be read, if it could not.</param>
/// <param name="Error">What the pipeline failed with instead of an answer (network, timeout, breaker, redirect, ...).</param>
/// <param name="CallerCancelled">Whether the caller's token was cancelled.</param>
/// <param name="Disposed">Whether the client was disposed under the call.</param>
/// <param name="ServerClockOffset">The provider's clock minus ours, as last measured from a <c>Date</c> header.</param>
/// <param name="ApiKey">The key to mask out of everything a message quotes.</param>
internal readonly record struct CallFacts(
    string Operation,
    bool IsPost,
    CallSubject Subject,
    int? StatusCode,
    object? Answer,
    string? Body,
    Exception? ReadError,
    Exception? Error,
    bool CallerCancelled,
    bool Disposed,
    TimeSpan? ServerClockOffset,
    string? ApiKey);
