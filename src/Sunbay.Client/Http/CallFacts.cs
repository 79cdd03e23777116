using Sunbay.Client.Wire;

namespace Sunbay.Client.Http;

/// <summary>
/// Everything one API call ended with, as plain data: the input of <see cref="SunbayErrorClassifier"/>.
/// </summary>
/// <param name="Operation">The SDK's name of the operation (<c>sale</c>, <c>query</c>, ...).</param>
/// <param name="IsPost">Whether the request changes something at SUNBAY (never retried; a lost answer leaves its outcome unknown).</param>
/// <param name="TransactionRequestId">The transaction the call is about, when there is one.</param>
/// <param name="StatusCode">The last HTTP status received, if any.</param>
/// <param name="Envelope">The answer read as a SUNBAY envelope, if it could be.</param>
/// <param name="Body">The answer's text, for messages (masked before use); only read when the call failed.</param>
/// <param name="ReadError">Why a 200 answer could not be read, if it could not.</param>
/// <param name="Error">What the pipeline failed with instead of an answer (network, timeout, breaker, redirect, ...).</param>
/// <param name="CallerCancelled">Whether the caller's token was cancelled.</param>
/// <param name="Disposed">Whether the client was disposed under the call.</param>
/// <param name="ServerClockOffset">SUNBAY's clock minus ours, as last measured from a <c>Date</c> header.</param>
/// <param name="ApiKey">The key to mask out of everything a message quotes.</param>
internal readonly record struct CallFacts(
    string Operation,
    bool IsPost,
    string? TransactionRequestId,
    int? StatusCode,
    ApiEnvelope? Envelope,
    string? Body,
    Exception? ReadError,
    Exception? Error,
    bool CallerCancelled,
    bool Disposed,
    TimeSpan? ServerClockOffset,
    string? ApiKey)
{
    /// <summary>A SUNBAY error code other than <c>0</c>.</summary>
    public bool IsApiError => Envelope is { Code.Length: > 0 } envelope && envelope.Code != "0";
}
