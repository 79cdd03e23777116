using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sunbay.Client.Testing.Internal;
using WireMock;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Sunbay.Client.Testing;

/// <summary>
/// A stateful fake of the SUNBAY Nexus cloud and its terminals on a loopback port, for tests of code built on
/// Sunbay.Client (or on raw HTTP): every endpoint of the spec with SUNBAY's protocol checks and validation, terminals
/// that take one transaction at a time and "read a card" after a delay, the sandbox amount table, scripted outcomes,
/// signed webhooks, fault injection and a journal of every request. Runs on WireMock.Net; every request goes to this
/// class's own code through one callback mapping.
/// </summary>
/// <remarks>
/// Time comes from <see cref="TimeProvider"/>: with a <c>FakeTimeProvider</c> a test advances the clock instead of
/// sleeping. Codes answered: <see cref="FakeSunbayCodes"/>. Thread-safe; no static mutable state, so many hosts can run
/// in parallel.
/// </remarks>
/// <example>
/// <code>
/// await using var host = FakeSunbayHost.Start(new FakeSunbayHostOptions { TimeProvider = time });
/// using var client = host.CreateClient();
/// var sale = await client.StartSaleAsync(new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-1", Description = "Coffee" });
/// time.Advance(TimeSpan.FromSeconds(2));   // the cardholder taps
/// var result = await sale.WaitForCompletionAsync();
/// </code>
/// </example>
public sealed class FakeSunbayHost : IDisposable, IAsyncDisposable
{
    private static readonly Dictionary<(string Method, string Path), FakeEndpoint> Routes = new()
    {
        [("POST", "/v1/semi-integration/transaction/sale")] = FakeEndpoint.Sale,
        [("POST", "/v1/semi-integration/transaction/auth")] = FakeEndpoint.Auth,
        [("POST", "/v1/semi-integration/transaction/forced-auth")] = FakeEndpoint.ForcedAuth,
        [("POST", "/v1/semi-integration/transaction/incremental-auth")] = FakeEndpoint.IncrementalAuth,
        [("POST", "/v1/semi-integration/transaction/post-auth")] = FakeEndpoint.PostAuth,
        [("POST", "/v1/semi-integration/transaction/refund")] = FakeEndpoint.Refund,
        [("POST", "/v1/semi-integration/transaction/void")] = FakeEndpoint.Void,
        [("POST", "/v1/semi-integration/transaction/abort")] = FakeEndpoint.Abort,
        [("POST", "/v1/semi-integration/transaction/tip-adjust")] = FakeEndpoint.TipAdjust,
        [("GET", "/v1/transaction/query")] = FakeEndpoint.Query,
        [("GET", "/v1/settlement/batch-query")] = FakeEndpoint.BatchQuery,
        [("POST", "/v1/settlement/batch-close")] = FakeEndpoint.BatchClose,
        [("GET", "/v1/settlement/batch-close-list")] = FakeEndpoint.BatchCloseList,
        [("GET", "/v1/merchant/query")] = FakeEndpoint.MerchantQuery,
        [("GET", "/v1/merchant/terminals/query")] = FakeEndpoint.TerminalsQuery,
    };

    private readonly FakeSunbayHostOptions _options;
    private readonly FakeEngine _engine;
    private readonly WireMockServer _server;
    private readonly AsyncLocal<HttpContext?> _context = new();
    private readonly object _journalGate = new();
    private readonly List<RecordedRequest> _journal = [];
    private int _disposed;

    private FakeSunbayHost(FakeSunbayHostOptions options)
    {
        _options = options;
        Webhooks = new FakeWebhooks(options);
        Faults = new FakeFaults();
        _engine = new FakeEngine(options, Webhooks);
        var settings = new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{options.Port}"],
            StartAdminInterface = false,
            DisableJsonBodyParsing = true,
            DisableRequestBodyDecompressing = true,
            MaxRequestLogCount = 0,
            Logger = new WireMockNullLogger(),
            // Only to reach the HttpContext of a request, so an injected fault can drop the connection.
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(async (context, next) =>
            {
                _context.Value = context;
                await next(context).ConfigureAwait(false);
            }),
        };
        _server = WireMockServer.Start(settings);
        _server.Given(Request.Create().WithPath(new WildcardMatcher("/*")).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(HandleAsync));
        var port = _server.Ports[0];
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>Starts a host on a loopback port: <see cref="FakeSunbayHostOptions.Port"/>, or a free one.</summary>
    /// <param name="options">Settings; default <see cref="FakeSunbayHostOptions"/> (one terminal <c>FAKE-T1</c>, system clock).</param>
    /// <returns>The running host; dispose it to stop.</returns>
    public static FakeSunbayHost Start(FakeSunbayHostOptions? options = null)
    {
        options ??= new FakeSunbayHostOptions();
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AppId);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.MerchantId);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        return new FakeSunbayHost(options);
    }

    /// <summary>The API address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// The API key accepted. Setting it rotates the key: the old one is rejected from the next request on, with no
    /// overlap window (as SUNBAY does).
    /// </summary>
    public string ApiKey
    {
        get => _engine.ApiKey;
        set
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            _engine.ApiKey = value;
        }
    }

    /// <summary>The application ID every request must carry.</summary>
    public string AppId => _options.AppId;

    /// <summary>The merchant ID every request must carry.</summary>
    public string MerchantId => _options.MerchantId;

    /// <summary>The webhook signing secrets; the first one signs every notification.</summary>
    public IReadOnlyList<string> WebhookSecrets => [.. _options.WebhookSecrets];

    /// <summary>The host's clock (see <see cref="FakeSunbayHostOptions.TimeProvider"/>).</summary>
    public TimeProvider TimeProvider => _options.TimeProvider;

    /// <summary>The acquiring channel code of every transaction and batch.</summary>
    public string ChannelCode => _options.ChannelCode;

    /// <summary>Webhook delivery controls and log.</summary>
    public FakeWebhooks Webhooks { get; }

    /// <summary>Fault injection.</summary>
    public FakeFaults Faults { get; }

    /// <summary>The merchant's terminals, in the order they were added.</summary>
    public IReadOnlyCollection<FakeTerminal> Terminals => _engine.Terminals;

    /// <summary>Every transaction created so far, in order.</summary>
    public IReadOnlyCollection<FakeTransaction> Transactions => _engine.Transactions;

    /// <summary>Every request received so far, with the answer given, in the order the answers were given.</summary>
    public IReadOnlyList<RecordedRequest> Journal
    {
        get
        {
            lock (_journalGate)
            {
                return [.. _journal];
            }
        }
    }

    /// <summary>Points client options at this host: base address, API key, app ID, merchant ID and the first terminal.</summary>
    /// <param name="options">The options to fill (e.g. in <c>services.AddSunbayClient(o => host.ConfigureClient(o))</c>).</param>
    public void ConfigureClient(SunbayClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = BaseAddress;
        options.ApiKey = ApiKey;
        options.AppId = AppId;
        options.MerchantId = MerchantId;
        options.TerminalSn = _engine.Terminals.FirstOrDefault()?.Sn;
    }

    /// <summary>A new client configured for this host and running on its <see cref="TimeProvider"/>; dispose it when done.</summary>
    /// <param name="configure">Changes to the options after <see cref="ConfigureClient"/> (e.g. polling intervals, a notify URL).</param>
    public SunbayClient CreateClient(Action<SunbayClientOptions>? configure = null)
    {
        var options = new SunbayClientOptions();
        ConfigureClient(options);
        configure?.Invoke(options);
        return new SunbayClient(options, timeProvider: TimeProvider);
    }

    /// <summary>The terminal with this serial number.</summary>
    /// <param name="sn">Serial number.</param>
    /// <exception cref="KeyNotFoundException">No such terminal.</exception>
    public FakeTerminal Terminal(string sn)
    {
        ArgumentNullException.ThrowIfNull(sn);
        return _engine.FindTerminal(sn) ?? throw new KeyNotFoundException($"FakeSunbayHost has no terminal '{sn}'. Add it with AddTerminal or FakeSunbayHostOptions.TerminalSns.");
    }

    /// <summary>Adds a terminal to the merchant (or returns the existing one with this serial number).</summary>
    /// <param name="sn">Serial number (1 to 32 characters).</param>
    public FakeTerminal AddTerminal(string sn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sn);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sn.Length, 32);
        return _engine.AddTerminal(sn);
    }

    /// <summary>The transaction created with this <c>transactionRequestId</c>, or <see langword="null"/>.</summary>
    /// <param name="transactionRequestId">The idempotency key.</param>
    public FakeTransaction? FindTransaction(string transactionRequestId)
    {
        ArgumentNullException.ThrowIfNull(transactionRequestId);
        return _engine.FindByRequestId(transactionRequestId);
    }

    /// <summary>The transaction with this SUNBAY <c>transactionId</c>, or <see langword="null"/>.</summary>
    /// <param name="transactionId">SUNBAY's transaction ID.</param>
    public FakeTransaction? FindTransactionById(string transactionId)
    {
        ArgumentNullException.ThrowIfNull(transactionId);
        return _engine.FindById(transactionId);
    }

    /// <summary>Stops the server, the timers and webhook deliveries.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _engine.Dispose();
        Webhooks.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    /// <summary>Stops the server, the timers and webhook deliveries.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public override string ToString() => $"FakeSunbayHost {BaseAddress}";

    private async Task<IResponseMessage> HandleAsync(IRequestMessage message)
    {
        var context = _context.Value;
        var received = TimeProvider.GetUtcNow();
        var request = ToIncoming(message);
        var endpoint = Routes.GetValueOrDefault((request.Method, request.Path), FakeEndpoint.Any);
        var (fault, latency) = Faults.Take(endpoint);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, TimeProvider).ConfigureAwait(false);
        }

        var answer = fault switch
        {
            FakeFault.ServerError => FakeEngine.Error(500, FakeSunbayCodes.ServerError, "Internal server error"),
            FakeFault.BadGateway => FakeEngine.Error(502, FakeSunbayCodes.ServerError, "Bad gateway"),
            FakeFault.ServiceUnavailable => FakeEngine.Error(503, FakeSunbayCodes.ServerError, "Service unavailable"),
            FakeFault.GatewayTimeout => FakeEngine.Error(504, FakeSunbayCodes.ServerError, "Gateway timeout"),
            FakeFault.ServerErrorHtml => Html(500, "Internal Server Error"),
            FakeFault.BadGatewayHtml => Html(502, "Bad Gateway"),
            FakeFault.ServiceUnavailableHtml => Html(503, "Service Unavailable"),
            FakeFault.GatewayTimeoutHtml => Html(504, "Gateway Time-out"),
            FakeFault.TooManyRequests => FakeEngine.Error(429, FakeSunbayCodes.RateLimited, "Too many requests") with
            {
                Headers = new Dictionary<string, string> { ["Retry-After"] = Math.Max(1, (int)Math.Ceiling(Faults.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            },
            FakeFault.DropBeforeRecording => new FakeAnswer(0, null, string.Empty) { Drop = true },
            FakeFault.DuplicateClientRequestId => FakeEngine.Error(400, FakeSunbayCodes.DuplicateRequest, "Duplicate request: X-Client-Request-Id was already used within 10 minutes"),
            FakeFault.MovedPermanently => Redirect(301, "Moved Permanently", request),
            FakeFault.Found => Redirect(302, "Found", request),
            FakeFault.TemporaryRedirect => Redirect(307, "Temporary Redirect", request),
            FakeFault.PermanentRedirect => Redirect(308, "Permanent Redirect", request),
            _ => Spoil(_engine.Handle(endpoint, request), fault),
        };

        Record(request, message, endpoint, answer, fault, received);
        if (answer.Drop)
        {
            context?.Abort();
            return new ResponseMessage { StatusCode = 500, FaultType = FaultType.EMPTY_RESPONSE };
        }

        var response = new ResponseMessage
        {
            StatusCode = answer.StatusCode,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(answer.ContentType) },
        };
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = new WireMockList<string>(value);
        }

        if (answer.Body.Length > 0)
        {
            response.BodyData = new BodyData
            {
                BodyAsString = answer.Body,
                DetectedBodyType = BodyType.String,
                Encoding = new UTF8Encoding(false),
            };
        }

        return response;
    }

    /// <summary>Faults that let the request be processed and then spoil the answer.</summary>
    private static FakeAnswer Spoil(FakeAnswer answer, FakeFault fault) => fault switch
    {
        FakeFault.DropAfterRecording => answer with { Drop = true },
        FakeFault.TruncatedJson => answer with { StatusCode = 200, Body = answer.Body[..(answer.Body.Length / 2)] },
        FakeFault.MalformedJson => answer with { StatusCode = 200, Body = "{\"code\": 0 \"msg\": Success, <html>" },
        FakeFault.EmptyBody => answer with { StatusCode = 200, Body = string.Empty },
        FakeFault.WrongContentType => answer with { StatusCode = 200, ContentType = "text/html" },
        _ => answer,
    };

    private static FakeAnswer Html(int status, string title) =>
        new(status, null, $"<html><head><title>{status} {title}</title></head><body><center><h1>{status} {title}</h1></center><hr><center>nginx</center></body></html>", "text/html");

    /// <summary>A redirect back to the same endpoint, as a misconfigured proxy or load balancer answers; the query marks it.</summary>
    private FakeAnswer Redirect(int status, string title, IncomingRequest request) =>
        Html(status, title) with { Headers = new Dictionary<string, string> { ["Location"] = $"{BaseAddress.GetLeftPart(UriPartial.Authority)}{request.Path}?redirected={status}" } };

    private static IncomingRequest ToIncoming(IRequestMessage message)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in message.Headers ?? new Dictionary<string, WireMockList<string>>())
        {
            headers[name] = string.Join(", ", values);
        }

        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in message.Query ?? new Dictionary<string, WireMockList<string>>())
        {
            query[name] = string.Join(",", values);
        }

        var body = message.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : message.Body ?? string.Empty;
        return new IncomingRequest(message.Method.ToUpperInvariant(), message.AbsolutePath, headers, query, body);
    }

    private void Record(IncomingRequest request, IRequestMessage message, FakeEndpoint endpoint, FakeAnswer answer, FakeFault fault, DateTimeOffset received)
    {
        var pathAndQuery = string.IsNullOrEmpty(message.RawQuery) ? request.Path : request.Path + (message.RawQuery.StartsWith('?') ? message.RawQuery : "?" + message.RawQuery);
        var recorded = new RecordedRequest(request.Method, pathAndQuery, request.Headers, request.Body, endpoint,
            answer.Drop ? null : answer.StatusCode, answer.Drop ? null : answer.Code, fault, received);
        lock (_journalGate)
        {
            _journal.Add(recorded);
        }
    }
}
