using System.Net;

namespace Sunbay.Client;

/// <summary>
/// The provider answered and refused the request (SUNBAY: an envelope whose <c>code</c> is not <c>"0"</c>; CM.com: an
/// error answer). The request reached the provider and was refused, so nothing happened on the terminal.
/// </summary>
/// <remarks>
/// Each provider raises its own derived type with the facts of its dialect (<c>SunbayApiException</c>,
/// <c>CmComApiException</c>); catch this one to handle every provider alike. Everything quoted from the answer is masked.
/// </remarks>
public class PaymentsApiException : PaymentsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider as people name it, e.g. <c>SUNBAY</c> or <c>CM.com</c>.</param>
    /// <param name="operation">The API operation, e.g. <c>sale</c>.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="providerCode">The provider's error code (the HTTP status as text when it has none).</param>
    /// <param name="providerMessage">The provider's message, if any.</param>
    /// <param name="traceId">The provider's trace ID, if it sent one.</param>
    /// <param name="message">The message.</param>
    public PaymentsApiException(string provider, string operation, HttpStatusCode statusCode, string providerCode, string? providerMessage, string? traceId, string message)
        : base(message)
    {
        Provider = provider;
        Operation = operation;
        StatusCode = statusCode;
        ProviderCode = providerCode;
        ProviderMessage = providerMessage;
        TraceId = traceId;
    }

    /// <summary>The provider as people name it, e.g. <c>SUNBAY</c> or <c>CM.com</c>.</summary>
    public string Provider { get; }

    /// <summary>The API operation that was refused, e.g. <c>sale</c> or <c>start-transaction</c>.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The provider's error code, e.g. SUNBAY's <c>C17</c>; CM.com has none, so its HTTP status as text (<c>"409"</c>).</summary>
    public string ProviderCode { get; }

    /// <summary>The provider's message (SUNBAY's <c>msg</c>, CM.com's <c>detail</c> or <c>title</c>).</summary>
    public string? ProviderMessage { get; }

    /// <summary>The provider's trace ID, when it sent one: quote it to the provider's support.</summary>
    public string? TraceId { get; }
}
