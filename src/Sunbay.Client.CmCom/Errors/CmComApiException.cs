using System.Globalization;
using System.Net;

namespace Sunbay.Client.CmCom;

/// <summary>
/// CM.com refused the request with an error answer (<c>application/problem+json</c>, RFC 7807): a 4xx status such as 400
/// (a rule of the API), 404 (no such terminal, transaction or key) or 409 (the state forbids it). The request reached
/// CM.com and was refused, so nothing happened. Caught by <c>catch (PaymentsApiException)</c> like SUNBAY's refusals.
/// </summary>
/// <remarks>
/// <see cref="PaymentsApiException.ProviderCode"/> is the HTTP status as text (<c>"409"</c>): CM.com has no error codes of
/// its own. <see cref="PaymentsApiException.ProviderMessage"/> is the problem's <c>detail</c> (or its <c>title</c>);
/// <see cref="PaymentsApiException.TraceId"/> is <see langword="null"/>. Everything quoted from the answer is masked: never
/// an API key, never a card number.
/// </remarks>
public class CmComApiException : PaymentsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The HTTP status (the problem's <c>status</c> when it differs is ignored: the response's own status wins).</param>
    /// <param name="title">The problem's <c>title</c>.</param>
    /// <param name="detail">The problem's <c>detail</c>.</param>
    /// <param name="instance">The problem's <c>instance</c> (the request path, e.g. <c>/stores</c>).</param>
    /// <param name="problemType">The problem's <c>type</c> (absent in CM.com's examples: <c>about:blank</c>).</param>
    /// <param name="operation">The SDK's name of the operation, e.g. <c>start-transaction</c>.</param>
    public CmComApiException(int status, string? title, string? detail, string? instance, string? problemType, string operation)
        : this(status, title, detail, instance, problemType, operation, Describe(status, title, detail, instance, operation))
    {
    }

    /// <summary>Creates the exception with its own message (for derived, more specific errors).</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="title">The problem's <c>title</c>.</param>
    /// <param name="detail">The problem's <c>detail</c>.</param>
    /// <param name="instance">The problem's <c>instance</c>.</param>
    /// <param name="problemType">The problem's <c>type</c>.</param>
    /// <param name="operation">The SDK's name of the operation.</param>
    /// <param name="message">The message.</param>
    protected CmComApiException(int status, string? title, string? detail, string? instance, string? problemType, string operation, string message)
        : base("CM.com", operation, (HttpStatusCode)status, status.ToString(CultureInfo.InvariantCulture), detail ?? title, traceId: null, message)
    {
        Title = title;
        Detail = detail;
        Instance = instance;
        ProblemType = problemType;
    }

    /// <summary>The problem's <c>title</c>, e.g. <c>Forbidden</c>.</summary>
    public string? Title { get; }

    /// <summary>The problem's <c>detail</c>, e.g. <c>Invalid API Key.</c></summary>
    public string? Detail { get; }

    /// <summary>The problem's <c>instance</c>: the request path, e.g. <c>/stores</c>.</summary>
    public string? Instance { get; }

    /// <summary>The problem's <c>type</c>, when CM.com sent one (RFC 7807: absent means <c>about:blank</c>).</summary>
    public string? ProblemType { get; }

    private static string Describe(int status, string? title, string? detail, string? instance, string operation) =>
        string.Create(CultureInfo.InvariantCulture, $"CM.com refused {operation}: HTTP {status} {title}")
        + (detail is null ? string.Empty : $", \"{detail}\"")
        + (instance is null ? "." : $" (instance {instance}).");
}
