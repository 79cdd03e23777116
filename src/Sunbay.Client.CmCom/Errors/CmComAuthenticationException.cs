using System.Globalization;

namespace Sunbay.Client.CmCom;

/// <summary>
/// CM.com refused the API key: 401 (no <c>API-Key</c> header reached it) or 403 (a wrong key, a revoked one, or one
/// outside its validity). Nothing happened. The message never shows the key, not even in part.
/// </summary>
public sealed class CmComAuthenticationException : CmComApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">401 or 403.</param>
    /// <param name="title">The problem's <c>title</c>.</param>
    /// <param name="detail">The problem's <c>detail</c>, e.g. <c>Invalid API Key.</c></param>
    /// <param name="instance">The problem's <c>instance</c>.</param>
    /// <param name="problemType">The problem's <c>type</c>.</param>
    /// <param name="operation">The SDK's name of the operation.</param>
    public CmComAuthenticationException(int status, string? title, string? detail, string? instance, string? problemType, string operation)
        : base(status, title, detail, instance, problemType, operation, Describe(status, detail, operation))
    {
    }

    private static string Describe(int status, string? detail, string operation) =>
        string.Create(CultureInfo.InvariantCulture, $"CM.com refused the API key of {operation} (HTTP {status}{(detail is null ? string.Empty : $", \"{detail}\"")}). ")
        + (status == 401
            ? "No API-Key header reached CM.com: check CmCom:ApiKey and any proxy between."
            : "The key is wrong, revoked, or outside its validity: check CmCom:ApiKey (a rotated key applies to the next request).");
}
