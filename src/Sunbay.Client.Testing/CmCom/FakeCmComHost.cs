using Sunbay.Client.CmCom;
using Sunbay.Client.Testing.Internal;

namespace Sunbay.Client.Testing;

/// <summary>
/// A stateful fake of CM.com's POS payments MerchantAPI (Cloud Integration) and its terminals, for tests of code that
/// talks to it: every endpoint of openapi/cm-merchantapi.yaml with the rules of CM.com's guide (and where the guide is
/// silent, the spec's <c>x-assumption</c>s): <c>API-Key</c> authentication and key management, paginated stores,
/// terminals and transactions, terminals that poll for one transaction at a time, scripted card outcomes, cancels,
/// refunds, day totals, problem+json errors, fault injection and a journal of every request.
/// </summary>
/// <remarks>
/// Clock, transports, client helpers, journal and faults are <see cref="FakeProviderHost"/>'s, as for
/// <see cref="FakeSunbayHost"/>. <see cref="CreateInMemory"/> serves the fake through an in-memory handler,
/// <see cref="Start"/> listens on a loopback port. The request's wire types and rules are the ones the CM.com client
/// compiles (one generation of the spec). Link headers carry absolute URLs on <see cref="FakeProviderHost.BaseAddress"/>.
/// </remarks>
/// <example>
/// <code>
/// await using var host = FakeCmComHost.CreateInMemory(new FakeCmComHostOptions { TimeProvider = new FakeClock() });
/// using var http = host.CreateHttpClient();
/// var posted = await http.PostAsync("terminals/SUNMI-P2lite-FAKE0000001/transactions", JsonContent.Create(...));
/// </code>
/// </example>
public sealed class FakeCmComHost : FakeProviderHost
{
    private readonly CmComEngine _engine;

    private FakeCmComHost(FakeCmComHostOptions options)
        : base(options, InMemoryAddress, new FakeFaults("CM.com", e => e > FakeEndpoint.TerminalsQuery, FakeFault.DuplicateClientRequestId))
    {
        _engine = new CmComEngine(options, () => BaseAddress);
    }

    /// <summary>The address of an in-memory host; never resolvable (<c>.invalid</c>), so a client not given <see cref="FakeProviderHost.CreateHandler"/> fails at once.</summary>
    public static Uri InMemoryAddress { get; } = new("https://cmcom.fake.invalid/");

    /// <summary>The API keys not revoked, in creation order.</summary>
    public IReadOnlyList<FakeCmComApiKey> ApiKeys => _engine.ApiKeys;

    /// <summary>The customer's stores, in the order they were added.</summary>
    public IReadOnlyList<FakeCmComStore> Stores => _engine.Stores;

    /// <summary>The terminals, in the order they were added.</summary>
    public IReadOnlyList<FakeCmComTerminal> Terminals => _engine.Terminals;

    /// <summary>Every transaction posted so far, in order.</summary>
    public IReadOnlyList<FakeCmComTransaction> Transactions => _engine.Transactions;

    private protected override string? CurrentApiKey => _engine.ApiKeys.FirstOrDefault(k => k.IsValidAt(TimeProvider.GetUtcNow()))?.Secret;

    /// <summary>Starts a host listening on loopback (<c>127.0.0.1</c>) with Kestrel: real HTTP, for other processes and connection-level faults.</summary>
    /// <param name="options">Settings; default <see cref="FakeCmComHostOptions"/> (one store, one terminal, system clock, a free port).</param>
    /// <returns>The running host; dispose it to stop.</returns>
    /// <exception cref="IOException">The port in <see cref="FakeProviderHostOptions.Port"/> is taken.</exception>
    public static FakeCmComHost Start(FakeCmComHostOptions? options = null) => Open(options, listen: true, o => new FakeCmComHost(o));

    /// <summary>Creates a host that listens on no port: clients reach it through <see cref="FakeProviderHost.CreateHandler"/> (which <see cref="CreateClient"/>, <see cref="FakeProviderHost.CreateHttpClient"/> and <c>services.AddFakeCmCom(host)</c> use).</summary>
    /// <param name="options">Settings; default <see cref="FakeCmComHostOptions"/> (<see cref="FakeProviderHostOptions.Port"/> is ignored).</param>
    /// <returns>The host; dispose it to stop its timers.</returns>
    public static FakeCmComHost CreateInMemory(FakeCmComHostOptions? options = null) => Open(options, listen: false, o => new FakeCmComHost(o));

    /// <summary>The terminal with this id.</summary>
    /// <param name="terminalId"><c>{manufacturer}-{model}-{serial}</c>.</param>
    /// <returns>The terminal.</returns>
    /// <exception cref="KeyNotFoundException">No such terminal.</exception>
    public override FakeCmComTerminal Terminal(string terminalId)
    {
        ArgumentNullException.ThrowIfNull(terminalId);
        return _engine.FindTerminal(terminalId) ?? throw new KeyNotFoundException($"FakeCmComHost has no terminal '{terminalId}'. Add it with AddTerminal or FakeCmComHostOptions.TerminalIds.");
    }

    /// <summary>Adds a store to the customer.</summary>
    /// <param name="name">The store's name.</param>
    public FakeCmComStore AddStore(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _engine.AddStore(name);
    }

    /// <summary>Onboards a terminal in Cloud Integration mode (or returns the existing one with this id).</summary>
    /// <param name="terminalId"><c>{manufacturer}-{model}-{serial}</c>, e.g. <c>SUNMI-P2lite-PL0919CQ00305</c>.</param>
    /// <param name="store">Its store; default the first store.</param>
    /// <exception cref="ArgumentException"><paramref name="terminalId"/> breaks the spec's terminal id rule.</exception>
    public FakeCmComTerminal AddTerminal(string terminalId, FakeCmComStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(terminalId);
        return _engine.AddTerminal(terminalId, store);
    }

    /// <summary>Adds an API key, as <c>POST /apikeys</c> does; its <see cref="FakeCmComApiKey.Secret"/> authenticates requests.</summary>
    /// <param name="label">The key's label.</param>
    /// <param name="validFrom">Start of validity (inclusive, host clock); null: at once.</param>
    /// <param name="validUntil">End of validity (exclusive, host clock); null: never expires.</param>
    public FakeCmComApiKey AddApiKey(string label, DateTimeOffset? validFrom = null, DateTimeOffset? validUntil = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        return _engine.AddApiKey(label, null, validFrom, validUntil);
    }

    /// <summary>The transaction with this <c>id</c>, or <see langword="null"/>.</summary>
    /// <param name="id">The transaction's id.</param>
    public FakeCmComTransaction? FindTransaction(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _engine.FindTransaction(id);
    }

    /// <summary>
    /// Cancels an approved transaction that is still <c>AUTHORIZED</c> (not cleared yet), as a reversal would: it becomes
    /// <c>CANCELLED</c> and keeps its result <c>APPROVED</c>. The guide's <c>CANCELLED</c> is "completed unsuccessfully":
    /// for testing that such a transaction is reported as not paid and cannot be refunded.
    /// </summary>
    /// <param name="transactionId">The transaction's id.</param>
    /// <returns>Whether the transaction was AUTHORIZED and is now CANCELLED.</returns>
    /// <exception cref="KeyNotFoundException">No such transaction.</exception>
    public bool CancelAuthorized(string transactionId)
    {
        ArgumentNullException.ThrowIfNull(transactionId);
        var transaction = _engine.FindTransaction(transactionId) ?? throw new KeyNotFoundException($"FakeCmComHost has no transaction '{transactionId}'.");
        return _engine.CancelAuthorized(transaction);
    }

    /// <summary>Points client options at this host: base address, a valid API key and the first terminal.</summary>
    /// <param name="options">The options to fill (e.g. in <c>services.AddCmComClient(o => host.ConfigureClient(o))</c>).</param>
    public void ConfigureClient(CmComClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = BaseAddress;
        options.ApiKey = ApiKey;
        options.Terminal = Terminals.Count == 0 ? null : Terminals[0].Id;
    }

    /// <summary>
    /// A new client configured for this host and running on its <see cref="FakeProviderHost.TimeProvider"/>; dispose it
    /// when done. It goes through <see cref="FakeProviderHost.CreateHandler"/> for an in-memory host and over HTTP for a
    /// started one.
    /// </summary>
    /// <param name="configure">Changes to the options after <see cref="ConfigureClient"/> (e.g. polling intervals).</param>
    public CmComClient CreateClient(Action<CmComClientOptions>? configure = null)
    {
        var options = new CmComClientOptions();
        ConfigureClient(options);
        configure?.Invoke(options);
        return new CmComClient(options, primaryHandler: ClientTransport(), timeProvider: TimeProvider);
    }

    /// <summary>Rotates as CM.com's guide does in one step: a new key (labelled <c>Rotated</c>) valid at once, every other key revoked.</summary>
    private protected override void RotateApiKey(string apiKey) => _engine.RotateApiKey(apiKey);

    private protected override void Authenticate(HttpRequestMessage request, string apiKey)
    {
        if (!request.Headers.Contains("API-Key"))
        {
            request.Headers.TryAddWithoutValidation("API-Key", apiKey);
        }
    }

    private protected override FakeEndpoint Match(IncomingRequest request) => CmComRoute.Match(request.Method, request.Path).Endpoint;

    private protected override FakeAnswer Process(FakeEndpoint endpoint, IncomingRequest request) => _engine.Handle(CmComRoute.Match(request.Method, request.Path), request);

    private protected override FakeAnswer Error(FakeFault fault, int status, string message, IncomingRequest request) => CmComProblem.Answer(status, message, request.Path);

    private protected override void StopEngine() => _engine.Dispose();
}
