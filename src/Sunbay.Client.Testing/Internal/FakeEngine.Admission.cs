using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sunbay.Client.Testing.Internal;

using Sunbay.Client.Wire;

/// <summary>
/// What every request must pass before any business rule: SUNBAY's header rules, a POST body that parses and
/// validates, a GET's scope parameters, the merchant, and a fresh <c>X-Client-Request-Id</c>.
/// </summary>
internal sealed partial class FakeEngine
{
    private static readonly TimeSpan TimestampTolerance = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan DuplicateWindow = TimeSpan.FromMinutes(10);
    private static readonly Regex Timestamp13 = new(@"^[0-9]{13}\z", RegexOptions.CultureInvariant);

    /// <summary>Header rules of every request, in SUNBAY's order: key, request ID, timestamp, content type.</summary>
    private FakeAnswer? CheckProtocol(FakeEndpoint endpoint, IncomingRequest request)
    {
        var authorization = request.Header("Authorization");
        const string Bearer = "Bearer ";
        if (authorization is null
            || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(authorization[Bearer.Length..].Trim(), ApiKey, StringComparison.Ordinal))
        {
            return Error(401, FakeSunbayCodes.Unauthorized, "Unauthorized: missing or invalid API key (Authorization: Bearer <apiKey>)");
        }

        if (endpoint == FakeEndpoint.Any)
        {
            return Error(404, FakeSunbayCodes.UnknownEndpoint, $"No such endpoint: {request.Method} {request.Path}");
        }

        var clientRequestId = request.Header("X-Client-Request-Id");
        if (string.IsNullOrWhiteSpace(clientRequestId))
        {
            return BadRequest("X-Client-Request-Id header is required");
        }

        if (clientRequestId.Length > 64)
        {
            return BadRequest($"X-Client-Request-Id must be at most 64 characters long (was {clientRequestId.Length})");
        }

        var timestamp = request.Header("X-Timestamp");
        if (timestamp is null || !Timestamp13.IsMatch(timestamp))
        {
            return BadRequest("X-Timestamp must be 13 digits (Unix time in milliseconds)");
        }

        var sent = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(timestamp, CultureInfo.InvariantCulture));
        var skew = (Time.GetUtcNow() - sent).Duration();
        if (skew > TimestampTolerance)
        {
            return BadRequest($"X-Timestamp is {skew.TotalMinutes:F1} minutes away from server time (at most 10 allowed)");
        }

        if (request.Method == "POST")
        {
            var contentType = request.Header("Content-Type");
            if (!string.Equals(contentType?.Trim(), "application/json", StringComparison.OrdinalIgnoreCase))
            {
                return BadRequest($"Content-Type must be exactly application/json (was '{contentType}')");
            }
        }

        return null;
    }

    /// <summary>
    /// Parses and validates a POST body: JSON of the operation, spec annotations, the rule given, the merchant, and
    /// last the duplicate <c>X-Client-Request-Id</c> rule (an ID counts as used once a request passed every check).
    /// </summary>
    private FakeAnswer? Parse<T>(IncomingRequest request, out T body, Func<T, string?>? rules = null)
        where T : class, IMerchantScoped
    {
        body = null!;
        T? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(request.Body, FakeWireJson.Info<T>());
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            var reason = ex.Message.Replace(typeof(T).Namespace + ".", string.Empty, StringComparison.Ordinal);
            var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
            return BadRequest($"{field}: {(cut > 0 ? reason[..cut] : reason)}");
        }

        if (parsed is null)
        {
            return BadRequest("body must be a JSON object");
        }

        if ((((IWireObject)parsed).Validate(null)?.ToString() ?? (parsed as IPushWire is { } push ? WebhookUrlRule(push) : null) ?? rules?.Invoke(parsed)) is { } problem)
        {
            return BadRequest(problem);
        }

        if (CheckMerchant(parsed.AppId, parsed.MerchantId) is { } wrong)
        {
            return wrong;
        }

        if (!Admit(request.Header("X-Client-Request-Id")!))
        {
            return Error(400, FakeSunbayCodes.DuplicateRequest, "Duplicate request: X-Client-Request-Id was already used within 10 minutes");
        }

        body = parsed;
        return null;
    }

    private FakeAnswer? CheckMerchant(string? appId, string? merchantId)
    {
        if (!string.Equals(appId, _options.AppId, StringComparison.Ordinal))
        {
            return BadRequest("appId does not match the application of the API key");
        }

        return string.Equals(merchantId, _options.MerchantId, StringComparison.Ordinal)
            ? null
            : BadRequest("merchantId is not a merchant of the application");
    }

    /// <summary>Records a POST's <c>X-Client-Request-Id</c>; false when it was seen in the last 10 minutes.</summary>
    private bool Admit(string clientRequestId)
    {
        var now = Time.GetUtcNow();
        lock (Gate)
        {
            if (_clientRequestIds.TryGetValue(clientRequestId, out var seen) && now - seen < DuplicateWindow)
            {
                return false;
            }

            if (_clientRequestIds.Count >= _pruneAt)
            {
                foreach (var stale in _clientRequestIds.Where(p => now - p.Value >= DuplicateWindow).Select(p => p.Key).ToList())
                {
                    _clientRequestIds.Remove(stale);
                }

                _pruneAt = Math.Max(4096, _clientRequestIds.Count * 2);
            }

            _clientRequestIds[clientRequestId] = now;
            return true;
        }
    }

    private FakeAnswer? CheckQueryScope(IncomingRequest request)
    {
        var appId = request.Param("appId");
        var merchantId = request.Param("merchantId");
        if (string.IsNullOrEmpty(appId))
        {
            return BadRequest("appId is required");
        }

        if (string.IsNullOrEmpty(merchantId))
        {
            return BadRequest("merchantId is required");
        }

        if (appId.Length > 32 || merchantId.Length > 32)
        {
            return BadRequest($"{(appId.Length > 32 ? "appId" : "merchantId")} must be 1 to 32 characters long");
        }

        return CheckMerchant(appId, merchantId);
    }

    private static FakeAnswer? CheckTerminalParam(string terminalSn) =>
        terminalSn.Length is 0 or > 32 ? BadRequest("terminalSn must be 1 to 32 characters long") : null;
}
