using System.Globalization;
using System.Net.Http.Headers;
using Sunbay.Client.Testing.Internal;

namespace Sunbay.Client.Testing;

/// <summary>
/// A stateful fake of the SUNBAY Nexus cloud and its terminals, for tests of code built on Sunbay.Client (or on raw
/// HTTP): every endpoint of the spec with SUNBAY's protocol checks and validation, terminals that take one transaction
/// at a time and "read a card" after a delay, the sandbox amount table (<see cref="FakeSandboxAmounts"/>), scripted
/// outcomes, signed webhooks, fault injection and a journal of every request.
/// </summary>
/// <remarks>
/// Clock, transports, client helpers, journal and faults are <see cref="FakeProviderHost"/>'s, as for
/// <see cref="FakeCmComHost"/>. <see cref="CreateInMemory"/> serves the fake through an in-memory handler,
/// <see cref="Start"/> listens on a loopback port. Codes answered: <see cref="FakeSunbayCodes"/>.
/// </remarks>
/// <example>
/// <code>
/// await using var host = FakeSunbayHost.CreateInMemory(new FakeSunbayHostOptions { TimeProvider = new FakeClock() });
/// using var client = host.CreateClient();
/// var sale = await client.StartSaleAsync(new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-1", Description = "Coffee" });
/// var result = await host.RunUntilAsync(sale.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));
/// </code>
/// </example>
public sealed class FakeSunbayHost : FakeProviderHost
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

    private FakeSunbayHost(FakeSunbayHostOptions options)
        : base(options, InMemoryAddress, new FakeFaults("SUNBAY", e => e <= FakeEndpoint.TerminalsQuery, FakeFault.Conflict))
    {
        _options = options;
        Webhooks = new FakeWebhooks(options);
        _engine = new FakeEngine(options, Webhooks);
    }

    /// <summary>
    /// The address of an in-memory host. Never resolvable (<c>.invalid</c>), so a client that was not given
    /// <see cref="FakeProviderHost.CreateHandler"/> fails at once instead of reaching something else.
    /// </summary>
    public static Uri InMemoryAddress { get; } = new("https://sunbay.fake.invalid/");

    /// <summary>The application ID every request must carry.</summary>
    public string AppId => _options.AppId;

    /// <summary>The merchant ID every request must carry.</summary>
    public string MerchantId => _options.MerchantId;

    /// <summary>The webhook signing secrets; the first one signs every notification.</summary>
    public IReadOnlyList<string> WebhookSecrets => [.. _options.WebhookSecrets];

    /// <summary>The acquiring channel code of every transaction and batch.</summary>
    public string ChannelCode => _options.ChannelCode;

    /// <summary>Webhook delivery controls and log.</summary>
    public FakeWebhooks Webhooks { get; }

    /// <summary>The merchant's terminals, in the order they were added.</summary>
    public IReadOnlyCollection<FakeTerminal> Terminals => _engine.Terminals;

    /// <summary>Every transaction created so far, in order.</summary>
    public IReadOnlyCollection<FakeTransaction> Transactions => _engine.Transactions;

    private protected override string? CurrentApiKey => _engine.ApiKey;

    /// <summary>
    /// Starts a host listening on loopback (<c>127.0.0.1</c>) with Kestrel: real HTTP, for other processes and for
    /// connection-level faults. It runs until disposed.
    /// </summary>
    /// <param name="options">Settings; default <see cref="FakeSunbayHostOptions"/> (one terminal <c>FAKE-T1</c>, system clock, a free port).</param>
    /// <returns>The running host; dispose it to stop.</returns>
    /// <exception cref="IOException">The port in <see cref="FakeProviderHostOptions.Port"/> is taken.</exception>
    public static FakeSunbayHost Start(FakeSunbayHostOptions? options = null) => Open(options, listen: true, o => new FakeSunbayHost(o));

    /// <summary>
    /// Creates a host that listens on no port: clients reach it through <see cref="FakeProviderHost.CreateHandler"/>
    /// (which <see cref="CreateClient"/> and <c>services.AddFakeSunbay(host)</c> use). Nothing touches the network
    /// except webhooks (to loopback <c>notifyUrl</c>s).
    /// </summary>
    /// <param name="options">Settings; default <see cref="FakeSunbayHostOptions"/> (<see cref="FakeProviderHostOptions.Port"/> is ignored).</param>
    /// <returns>The host; dispose it to stop its timers and webhooks.</returns>
    public static FakeSunbayHost CreateInMemory(FakeSunbayHostOptions? options = null) => Open(options, listen: false, o => new FakeSunbayHost(o));

    /// <summary>The terminal with this serial number.</summary>
    /// <param name="terminalId">The serial number.</param>
    /// <returns>The terminal.</returns>
    /// <exception cref="KeyNotFoundException">No such terminal.</exception>
    public override FakeTerminal Terminal(string terminalId)
    {
        ArgumentNullException.ThrowIfNull(terminalId);
        return _engine.FindTerminal(terminalId) ?? throw new KeyNotFoundException($"FakeSunbayHost has no terminal '{terminalId}'. Add it with AddTerminal or FakeSunbayHostOptions.TerminalSns.");
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
    /// A new client configured for this host and running on its <see cref="FakeProviderHost.TimeProvider"/>; dispose it
    /// when done. It goes through <see cref="FakeProviderHost.CreateHandler"/> for an in-memory host and over HTTP for a
    /// started one.
    /// </summary>
    /// <param name="configure">Changes to the options after <see cref="ConfigureClient"/> (e.g. polling intervals, a notify URL).</param>
    public SunbayClient CreateClient(Action<SunbayClientOptions>? configure = null)
    {
        var options = new SunbayClientOptions();
        ConfigureClient(options);
        configure?.Invoke(options);
        return new SunbayClient(options, primaryHandler: ClientTransport(), timeProvider: TimeProvider);
    }

    /// <summary>SUNBAY keeps one key: the old one is refused from the next request on (no overlap window).</summary>
    private protected override void RotateApiKey(string apiKey) => _engine.ApiKey = apiKey;

    private protected override void Authenticate(HttpRequestMessage request, string apiKey)
    {
        // A header the test set itself stays, so that a test can break exactly one of them.
        request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", apiKey);
        if (!request.Headers.Contains("X-Timestamp"))
        {
            request.Headers.TryAddWithoutValidation("X-Timestamp", TimeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString("D13", CultureInfo.InvariantCulture));
        }

        if (!request.Headers.Contains("X-Client-Request-Id"))
        {
            request.Headers.TryAddWithoutValidation("X-Client-Request-Id", Guid.NewGuid().ToString("D"));
        }
    }

    private protected override FakeEndpoint Match(IncomingRequest request) => Routes.GetValueOrDefault((request.Method, request.Path), FakeEndpoint.Any);

    private protected override FakeAnswer Process(FakeEndpoint endpoint, IncomingRequest request) => _engine.Handle(endpoint, request);

    private protected override FakeAnswer Error(FakeFault fault, int status, string message, IncomingRequest request) => FakeEngine.Error(status, fault switch
    {
        FakeFault.TooManyRequests => FakeSunbayCodes.RateLimited,
        FakeFault.DuplicateClientRequestId => FakeSunbayCodes.DuplicateRequest,
        _ => FakeSunbayCodes.ServerError,
    }, message);

    private protected override void StopEngine()
    {
        _engine.Dispose();
        Webhooks.Dispose();
    }
}
