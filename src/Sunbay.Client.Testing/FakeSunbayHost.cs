using Sunbay.Client.Testing.Internal;

namespace Sunbay.Client.Testing;

/// <summary>
/// A stateful fake of the SUNBAY Nexus cloud and its terminals, for tests of code built on Sunbay.Client (or on raw
/// HTTP): every endpoint of the spec with SUNBAY's protocol checks and validation, terminals that take one transaction
/// at a time and "read a card" after a delay, the sandbox amount table (<see cref="FakeSandboxAmounts"/>), scripted
/// outcomes, signed webhooks, fault injection and a journal of every request.
/// </summary>
/// <remarks>
/// Two transports, one behaviour: <see cref="CreateInMemory"/> serves the fake through an in-memory
/// <see cref="HttpMessageHandler"/> (<see cref="CreateHandler"/>: no port, no sockets, deterministic with a
/// <see cref="FakeClock"/>; a dropped connection is an <see cref="HttpRequestException"/>), and <see cref="Start"/>
/// listens on a loopback port with Kestrel (real HTTP, real connection drops, other processes). A started host serves
/// <see cref="CreateHandler"/> too.
/// Time comes from <see cref="TimeProvider"/>: with a <see cref="FakeClock"/>, <see cref="RunUntilAsync{T}"/> moves
/// it until a wait ends. Codes answered: <see cref="FakeSunbayCodes"/>. Thread-safe; no static mutable state, so many
/// hosts can run in parallel.
/// </remarks>
/// <example>
/// <code>
/// await using var host = FakeSunbayHost.CreateInMemory(new FakeSunbayHostOptions { TimeProvider = new FakeClock() });
/// using var client = host.CreateClient();
/// var sale = await client.StartSaleAsync(new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-1", Description = "Coffee" });
/// var result = await host.RunUntilAsync(sale.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));
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
    private readonly FakeHttpListener? _listener;
    private readonly object _journalGate = new();
    private readonly List<RecordedRequest> _journal = [];
    private int _disposed;
    private int _inFlight;

    private FakeSunbayHost(FakeSunbayHostOptions options, bool listen)
    {
        _options = options;
        Webhooks = new FakeWebhooks(options);
        Faults = new FakeFaults();
        _engine = new FakeEngine(options, Webhooks);
        if (!listen)
        {
            BaseAddress = InMemoryAddress;
            return;
        }

        try
        {
            _listener = FakeHttpListener.Start(this, options.Port);
        }
        catch
        {
            _engine.Dispose();
            Webhooks.Dispose();
            throw;
        }

        BaseAddress = new Uri($"http://127.0.0.1:{_listener.Port}/");
    }

    /// <summary>
    /// The address of an in-memory host. Never resolvable (<c>.invalid</c>), so a client that was not given
    /// <see cref="CreateHandler"/> fails at once instead of reaching something else.
    /// </summary>
    public static Uri InMemoryAddress { get; } = new("https://sunbay.fake.invalid/");

    /// <summary>
    /// Starts a host listening on loopback (<c>127.0.0.1</c>) with Kestrel: real HTTP, for other processes and for
    /// connection-level faults. It runs until disposed.
    /// </summary>
    /// <param name="options">Settings; default <see cref="FakeSunbayHostOptions"/> (one terminal <c>FAKE-T1</c>, system clock, a free port).</param>
    /// <returns>The running host; dispose it to stop.</returns>
    /// <exception cref="IOException">The port in <see cref="FakeSunbayHostOptions.Port"/> is taken.</exception>
    public static FakeSunbayHost Start(FakeSunbayHostOptions? options = null) => Create(options, listen: true);

    /// <summary>
    /// Creates a host that listens on no port: clients reach it through <see cref="CreateHandler"/> (which
    /// <see cref="CreateClient"/> and <c>services.AddFakeSunbay(host)</c> use). Nothing touches the network except
    /// webhooks (to loopback <c>notifyUrl</c>s).
    /// </summary>
    /// <param name="options">Settings; default <see cref="FakeSunbayHostOptions"/> (<see cref="FakeSunbayHostOptions.Port"/> is ignored).</param>
    /// <returns>The host; dispose it to stop its timers and webhooks.</returns>
    public static FakeSunbayHost CreateInMemory(FakeSunbayHostOptions? options = null) => Create(options, listen: false);

    /// <summary>The API address: <c>http://127.0.0.1:{port}/</c> for a started host, <see cref="InMemoryAddress"/> for an in-memory one.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Whether the host listens on a port (<see cref="Start"/>) rather than only in memory (<see cref="CreateInMemory"/>).</summary>
    public bool IsListening => _listener is not null;

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

    /// <summary>
    /// A new client configured for this host and running on its <see cref="TimeProvider"/>; dispose it when done. It
    /// goes through <see cref="CreateHandler"/> for an in-memory host and over HTTP for a started one.
    /// </summary>
    /// <param name="configure">Changes to the options after <see cref="ConfigureClient"/> (e.g. polling intervals, a notify URL).</param>
    public SunbayClient CreateClient(Action<SunbayClientOptions>? configure = null)
    {
        var options = new SunbayClientOptions();
        ConfigureClient(options);
        configure?.Invoke(options);
        return new SunbayClient(options, primaryHandler: IsListening ? null : CreateHandler(), timeProvider: TimeProvider);
    }

    /// <summary>
    /// A new <see cref="HttpMessageHandler"/> that serves this host in memory, with no socket: use it as a client's
    /// primary handler (<c>new SunbayClient(options, host.CreateHandler(), clock)</c>, or
    /// <c>builder.HttpClient.ConfigurePrimaryHttpMessageHandler(host.CreateHandler)</c>). The request's host name is
    /// ignored. A fault that drops the connection throws <see cref="HttpRequestException"/> with
    /// <see cref="HttpRequestError.ResponseEnded"/>, as a dropped socket does; cancelling a request the host holds
    /// (injected latency) cancels the caller only, and the host still carries it out. Disposing the handler does not
    /// stop the host.
    /// </summary>
    public HttpMessageHandler CreateHandler() => new FakeInMemoryHandler(this);

    /// <summary>
    /// Moves the host's <see cref="FakeClock"/> until <paramref name="task"/> completes and returns its result: from
    /// one due timer to the next, letting requests in progress finish between steps (see
    /// <see cref="FakeClock.RunUntilAsync{T}(Task{T}, TimeSpan, CancellationToken)"/>).
    /// </summary>
    /// <typeparam name="T">The task's result.</typeparam>
    /// <param name="task">What to wait for, e.g. <c>sale.WaitForCompletionAsync()</c> or an HTTP call to the app under test.</param>
    /// <param name="maxVirtualTime">The most virtual time to let pass, e.g. 5 minutes.</param>
    /// <param name="cancellationToken">Stops driving the clock (the task itself is not cancelled).</param>
    /// <returns>The task's result (its exception, if it fails).</returns>
    /// <exception cref="InvalidOperationException"><see cref="FakeSunbayHostOptions.TimeProvider"/> is not a <see cref="FakeClock"/>.</exception>
    /// <exception cref="TimeoutException">The task did not complete within <paramref name="maxVirtualTime"/>, or nothing on the clock can make it progress.</exception>
    public async Task<T> RunUntilAsync<T>(Task<T> task, TimeSpan maxVirtualTime, CancellationToken cancellationToken = default)
    {
        await RunUntilAsync((Task)task, maxVirtualTime, cancellationToken).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <summary>Moves the host's <see cref="FakeClock"/> until <paramref name="task"/> completes (see <see cref="RunUntilAsync{T}"/>).</summary>
    /// <param name="task">What to wait for.</param>
    /// <param name="maxVirtualTime">The most virtual time to let pass.</param>
    /// <param name="cancellationToken">Stops driving the clock (the task itself is not cancelled).</param>
    /// <returns>The task (awaited: its exception, if it fails, is thrown).</returns>
    /// <exception cref="InvalidOperationException"><see cref="FakeSunbayHostOptions.TimeProvider"/> is not a <see cref="FakeClock"/>.</exception>
    /// <exception cref="TimeoutException">The task did not complete within <paramref name="maxVirtualTime"/>, or nothing on the clock can make it progress.</exception>
    public Task RunUntilAsync(Task task, TimeSpan maxVirtualTime, CancellationToken cancellationToken = default)
    {
        var clock = TimeProvider as FakeClock ?? throw new InvalidOperationException(
            $"RunUntilAsync moves a FakeClock; this host runs on {TimeProvider.GetType().Name}. Create it with new FakeSunbayHostOptions {{ TimeProvider = new FakeClock() }}.");
        return clock.RunUntilAsync(task, maxVirtualTime, () => Volatile.Read(ref _inFlight) > 0, cancellationToken);
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
        _listener?.Dispose();
    }

    /// <summary>Stops the server, the timers and webhook deliveries.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _engine.Dispose();
        Webhooks.Dispose();
        if (_listener is not null)
        {
            await _listener.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => IsListening ? $"FakeSunbayHost {BaseAddress}" : "FakeSunbayHost (in memory)";

    /// <summary>
    /// Answers one request, whichever transport brought it: faults, the engine, the journal. An answer with
    /// <see cref="FakeAnswer.Drop"/> tells the transport to close the connection without answering.
    /// </summary>
    internal async Task<FakeAnswer> HandleAsync(IncomingRequest request, string rawQuery)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            return await AnswerAsync(request, rawQuery).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<FakeAnswer> AnswerAsync(IncomingRequest request, string rawQuery)
    {
        var received = TimeProvider.GetUtcNow();
        var endpoint = Routes.GetValueOrDefault((request.Method, request.Path), FakeEndpoint.Any);
        var (fault, latency) = Faults.Take(endpoint);
        if (latency > TimeSpan.Zero)
        {
            // Waiting on the clock is not work in hand: RunUntilAsync may move the clock past it.
            Interlocked.Decrement(ref _inFlight);
            try
            {
                await Task.Delay(latency, TimeProvider).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Increment(ref _inFlight);
            }
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

        Record(request, rawQuery, endpoint, answer, fault, received);
        return answer;
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

    private static FakeSunbayHost Create(FakeSunbayHostOptions? options, bool listen)
    {
        options ??= new FakeSunbayHostOptions();
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AppId);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.MerchantId);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        return new FakeSunbayHost(options, listen);
    }

    private void Record(IncomingRequest request, string rawQuery, FakeEndpoint endpoint, FakeAnswer answer, FakeFault fault, DateTimeOffset received)
    {
        var pathAndQuery = string.IsNullOrEmpty(rawQuery) ? request.Path : request.Path + (rawQuery.StartsWith('?') ? rawQuery : "?" + rawQuery);
        var recorded = new RecordedRequest(request.Method, pathAndQuery, request.Headers, request.Body, endpoint,
            answer.Drop ? null : answer.StatusCode, answer.Drop ? null : answer.Code, fault, received);
        lock (_journalGate)
        {
            _journal.Add(recorded);
        }
    }
}
