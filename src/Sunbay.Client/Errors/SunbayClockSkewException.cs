using System.Globalization;
using System.Net;

namespace Sunbay.Client;

/// <summary>
/// SUNBAY rejected the request's <c>X-Timestamp</c>: this machine's clock is more than 10 minutes off SUNBAY's. Nothing
/// happened on the terminal. Synchronise the clock (NTP) and send again.
/// </summary>
public sealed class SunbayClockSkewException : SunbayApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The envelope's <c>code</c>.</param>
    /// <param name="apiMessage">The envelope's <c>msg</c>.</param>
    /// <param name="traceId">The envelope's <c>traceId</c>.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="operation">The API operation.</param>
    /// <param name="measuredOffset">SUNBAY's clock minus this machine's, from the response's <c>Date</c> header, when known.</param>
    public SunbayClockSkewException(string code, string? apiMessage, string? traceId, HttpStatusCode statusCode, string operation, TimeSpan? measuredOffset)
        : base(code, apiMessage, traceId, statusCode, operation, Describe(operation, measuredOffset, code, apiMessage, traceId))
    {
        MeasuredOffset = measuredOffset;
    }

    /// <summary>SUNBAY's clock minus this machine's (positive: this machine is behind), when a <c>Date</c> header was seen.</summary>
    public TimeSpan? MeasuredOffset { get; }

    private static string Describe(string operation, TimeSpan? offset, string code, string? apiMessage, string? traceId) =>
        string.Create(CultureInfo.InvariantCulture, $"SUNBAY rejected the X-Timestamp of {operation}: ")
        + (offset is { } o
            ? string.Create(CultureInfo.InvariantCulture, $"this machine's clock is {Math.Abs(o.TotalSeconds):F0} s {(o > TimeSpan.Zero ? "behind" : "ahead of")} SUNBAY's")
            : "this machine's clock is probably more than 10 minutes off")
        + $". Synchronise the clock (NTP) and send again. (code {code}, \"{apiMessage}\", traceId {traceId ?? "none"})";
}
