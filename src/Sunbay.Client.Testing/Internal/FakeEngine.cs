using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sunbay.Client.Testing.Internal;

using Sunbay.Client.Wire;

/// <summary>
/// The state and rules of the fake SUNBAY cloud: protocol checks, validation, transactions, terminals, batches.
/// Every state change happens under <see cref="Gate"/>; timers and HTTP callbacks take it too.
/// </summary>
internal sealed partial class FakeEngine : IDisposable
{
    private static readonly TimeSpan TimestampTolerance = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan DuplicateWindow = TimeSpan.FromMinutes(10);
    private static readonly Regex Timestamp13 = new("^[0-9]{13}$", RegexOptions.CultureInvariant);

    private readonly FakeSunbayHostOptions _options;
    private readonly FakeWebhooks _webhooks;
    private readonly Dictionary<string, FakeTerminal> _terminals = new(StringComparer.Ordinal);
    private readonly List<FakeTerminal> _terminalOrder = [];
    private readonly Dictionary<string, FakeTransaction> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeTransaction> _byRequestId = new(StringComparer.Ordinal);
    private readonly List<FakeTransaction> _transactions = [];
    private readonly Dictionary<string, (FakeEndpoint Endpoint, object Data)> _replays = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _clientRequestIds = new(StringComparer.Ordinal);
    private readonly List<ClosedBatch> _closedBatches = [];
    private int _pruneAt = 4096;
    private long _nextTransactionId;
    private long _sequence;
    private string _apiKey;
    private bool _disposed;

    public FakeEngine(FakeSunbayHostOptions options, FakeWebhooks webhooks)
    {
        _options = options;
        _webhooks = webhooks;
        _apiKey = options.ApiKey;
        _nextTransactionId = 7225836250000000L + Random.Shared.NextInt64(0, 1_000_000) * 1000;
        foreach (var sn in options.TerminalSns)
        {
            AddTerminal(sn);
        }
    }

    public object Gate { get; } = new();

    public TimeProvider Time => _options.TimeProvider;

    public string ApiKey
    {
        get => Volatile.Read(ref _apiKey);
        set => Volatile.Write(ref _apiKey, value);
    }

    public FakeTerminal AddTerminal(string sn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sn);
        lock (Gate)
        {
            if (_terminals.TryGetValue(sn, out var existing))
            {
                return existing;
            }

            var terminal = new FakeTerminal(this, sn);
            _terminals.Add(sn, terminal);
            _terminalOrder.Add(terminal);
            return terminal;
        }
    }

    public FakeTerminal? FindTerminal(string sn)
    {
        lock (Gate)
        {
            return _terminals.GetValueOrDefault(sn);
        }
    }

    public IReadOnlyCollection<FakeTerminal> Terminals
    {
        get
        {
            lock (Gate)
            {
                return [.. _terminalOrder];
            }
        }
    }

    public IReadOnlyCollection<FakeTransaction> Transactions
    {
        get
        {
            lock (Gate)
            {
                return [.. _transactions];
            }
        }
    }

    public FakeTransaction? FindByRequestId(string transactionRequestId)
    {
        lock (Gate)
        {
            return _byRequestId.GetValueOrDefault(transactionRequestId);
        }
    }

    public FakeTransaction? FindById(string transactionId)
    {
        lock (Gate)
        {
            return _byId.GetValueOrDefault(transactionId);
        }
    }

    /// <summary>Handles one request completely (protocol checks, validation, business rules) and returns the answer.</summary>
    public FakeAnswer Handle(FakeEndpoint endpoint, IncomingRequest request)
    {
        if (CheckProtocol(endpoint, request) is { } rejected)
        {
            return rejected;
        }

        return endpoint switch
        {
            FakeEndpoint.Sale => Sale(request),
            FakeEndpoint.Auth => Auth(request),
            FakeEndpoint.ForcedAuth => ForcedAuth(request),
            FakeEndpoint.IncrementalAuth => IncrementalAuth(request),
            FakeEndpoint.PostAuth => PostAuth(request),
            FakeEndpoint.Refund => Refund(request),
            FakeEndpoint.Void => Void(request),
            FakeEndpoint.Abort => Abort(request),
            FakeEndpoint.TipAdjust => TipAdjust(request),
            FakeEndpoint.Query => Query(request),
            FakeEndpoint.BatchQuery => BatchQuery(request),
            FakeEndpoint.BatchClose => BatchClose(request),
            FakeEndpoint.BatchCloseList => BatchCloseList(request),
            FakeEndpoint.MerchantQuery => MerchantQuery(request),
            FakeEndpoint.TerminalsQuery => TerminalsQuery(request),
            _ => Error(404, FakeSunbayCodes.UnknownEndpoint, $"No such endpoint: {request.Method} {request.Path}"),
        };
    }

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

    internal static FakeAnswer Ok<TEnvelope>(TEnvelope envelope)
        where TEnvelope : ApiEnvelope
    {
        envelope.Code = FakeSunbayCodes.Success;
        envelope.Msg = "Success";
        envelope.TraceId = NewTraceId();
        return new FakeAnswer(200, FakeSunbayCodes.Success, JsonSerializer.Serialize(envelope, FakeWireJson.Info<TEnvelope>()));
    }

    internal static FakeAnswer Error(int status, string code, string message) =>
        new(status, code, JsonSerializer.Serialize(new ApiEnvelope { Code = code, Msg = message, TraceId = NewTraceId() }, FakeWireJson.Info<ApiEnvelope>()));

    internal static FakeAnswer BadRequest(string message) => Error(400, FakeSunbayCodes.ParameterError, "Bad Request: " + message);

    internal static FakeAnswer Business(string code, string message) => Error(200, code, message);

    internal static string NewTraceId() => Guid.NewGuid().ToString("N");

    internal static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private string NextTransactionId() => Interlocked.Increment(ref _nextTransactionId).ToString("D16", CultureInfo.InvariantCulture);

    private long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Dispose()
    {
        lock (Gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var transaction in _transactions)
            {
                transaction.CardTimer?.Dispose();
                transaction.ExpiryTimer?.Dispose();
            }
        }
    }
}
