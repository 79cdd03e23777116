using System.Net;

namespace Sunbay.Client;

/// <summary>
/// SUNBAY answered with a business error: an envelope whose <c>code</c> is not <c>"0"</c> (for example <c>C17</c>,
/// parameter error). The request reached SUNBAY and was rejected, so nothing happened on the terminal.
/// </summary>
public class SunbayApiException : PaymentsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The envelope's <c>code</c>.</param>
    /// <param name="apiMessage">The envelope's <c>msg</c>.</param>
    /// <param name="traceId">The envelope's <c>traceId</c>.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="operation">The API operation, e.g. <c>sale</c>.</param>
    public SunbayApiException(string code, string? apiMessage, string? traceId, HttpStatusCode statusCode, string operation)
        : this(code, apiMessage, traceId, statusCode, operation, $"SUNBAY rejected {operation}: code {code}, \"{apiMessage}\" (HTTP {(int)statusCode}, traceId {traceId ?? "none"}).")
    {
    }

    /// <summary>Creates the exception with its own message (for derived, more specific errors).</summary>
    /// <param name="code">The envelope's <c>code</c>.</param>
    /// <param name="apiMessage">The envelope's <c>msg</c>.</param>
    /// <param name="traceId">The envelope's <c>traceId</c>.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="operation">The API operation, e.g. <c>sale</c>.</param>
    /// <param name="message">The message.</param>
    protected SunbayApiException(string code, string? apiMessage, string? traceId, HttpStatusCode statusCode, string operation, string message)
        : base("SUNBAY", operation, statusCode, code, apiMessage, traceId, message)
    {
    }

    /// <summary>SUNBAY's error code (the envelope's <c>code</c>), e.g. <c>C17</c>; the same as <see cref="PaymentsApiException.ProviderCode"/>.</summary>
    public string Code => ProviderCode;

    /// <summary>SUNBAY's message (the envelope's <c>msg</c>); the same as <see cref="PaymentsApiException.ProviderMessage"/>.</summary>
    public string? ApiMessage => ProviderMessage;
}
