using System.Net.Http.Headers;
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
/// The same shape as <see cref="FakeSunbayHost"/>: <see cref="CreateInMemory"/> serves the fake through an in-memory
/// <see cref="HttpMessageHandler"/> (<see cref="CreateHandler"/>: no port, deterministic with a <see cref="FakeClock"/>),
/// <see cref="Start"/> listens on a loopback port with Kestrel. The request's wire types and rules are the ones the
/// CM.com client compiles (one generation of the spec). Link headers carry absolute URLs on <see cref="BaseAddress"/>.
/// Thread-safe; no static mutable state.
/// </remarks>
/// <example>
/// <code>
/// await using var host = FakeCmComHost.CreateInMemory(new FakeCmComHostOptions { TimeProvider = new FakeClock() });
/// using var http = host.CreateHttpClient();
/// var posted = await http.PostAsync("terminals/SUNMI-P2lite-FAKE0000001/transactions", JsonContent.Create(...));
/// </code>
/// </example>
public sealed partial class FakeCmComHost : IDisposable, IAsyncDisposable
{
    private readonly CmComEngine _engine;
    private readonly FakeHttpListener? _listener;
    private readonly FakeJournal<FakeCmComRecordedRequest> _journal = new();
    private readonly FakeWorkInHand _work;
    private int _disposed;

    private FakeCmComHost(FakeCmComHostOptions options, bool listen)
    {
        TimeProvider = options.TimeProvider;
        _work = new FakeWorkInHand(() => TimeProvider);
        Faults = new FakeCmComFaults();
        BaseAddress = InMemoryAddress;
        _engine = new CmComEngine(options, () => BaseAddress);
        if (!listen)
        {
            return;
        }

        try
        {
            _listener = FakeHttpListener.Start(AsServer(), options.Port);
        }
        catch
        {
            _engine.Dispose();
            throw;
        }

        BaseAddress = new Uri($"http://127.0.0.1:{_listener.Port}/");
    }

    /// <summary>The address of an in-memory host; never resolvable (<c>.invalid</c>), so a client not given <see cref="CreateHandler"/> fails at once.</summary>
    public static Uri InMemoryAddress { get; } = new("https://cmcom.fake.invalid/");

    /// <summary>Starts a host listening on loopback (<c>127.0.0.1</c>) with Kestrel: real HTTP, for other processes and connection-level faults.</summary>
    /// <param name="options">Settings; default <see cref="FakeCmComHostOptions"/> (one store, one terminal, system clock, a free port).</param>
    /// <returns>The running host; dispose it to stop.</returns>
    /// <exception cref="IOException">The port in <see cref="FakeCmComHostOptions.Port"/> is taken.</exception>
    public static FakeCmComHost Start(FakeCmComHostOptions? options = null) => Create(options, listen: true);

    /// <summary>Creates a host that listens on no port: clients reach it through <see cref="CreateHandler"/> (which <see cref="CreateHttpClient"/> uses).</summary>
    /// <param name="options">Settings; default <see cref="FakeCmComHostOptions"/> (<see cref="FakeCmComHostOptions.Port"/> is ignored).</param>
    /// <returns>The host; dispose it to stop its timers.</returns>
    public static FakeCmComHost CreateInMemory(FakeCmComHostOptions? options = null) => Create(options, listen: false);

    /// <summary>The API address: <c>http://127.0.0.1:{port}/</c> for a started host, <see cref="InMemoryAddress"/> for an in-memory one.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Whether the host listens on a port (<see cref="Start"/>) rather than only in memory (<see cref="CreateInMemory"/>).</summary>
    public bool IsListening => _listener is not null;

    /// <summary>The secret of the first valid API key (initially <see cref="FakeCmComHostOptions.ApiKey"/>), or null when none is valid now.</summary>
    public string? ApiKey => _engine.ApiKeys.FirstOrDefault(k => k.IsValidAt(TimeProvider.GetUtcNow()))?.Secret;

    /// <summary>The API keys not revoked, in creation order.</summary>
    public IReadOnlyList<FakeCmComApiKey> ApiKeys => _engine.ApiKeys;

    /// <summary>The host's clock (see <see cref="FakeCmComHostOptions.TimeProvider"/>).</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Fault injection.</summary>
    public FakeCmComFaults Faults { get; }

    /// <summary>The customer's stores, in the order they were added.</summary>
    public IReadOnlyList<FakeCmComStore> Stores => _engine.Stores;

    /// <summary>The terminals, in the order they were added.</summary>
    public IReadOnlyList<FakeCmComTerminal> Terminals => _engine.Terminals;

    /// <summary>Every transaction posted so far, in order.</summary>
    public IReadOnlyList<FakeCmComTransaction> Transactions => _engine.Transactions;

    /// <summary>Every request received so far, with the answer given, in the order the answers were given.</summary>
    public IReadOnlyList<FakeCmComRecordedRequest> Journal => _journal.Snapshot();

    /// <summary>Moves the host's <see cref="FakeClock"/> until <paramref name="task"/> completes and returns its result (see <see cref="FakeSunbayHost.RunUntilAsync{T}"/>).</summary>
    /// <typeparam name="T">The task's result.</typeparam>
    /// <param name="task">What to wait for.</param>
    /// <param name="maxVirtualTime">The most virtual time to let pass.</param>
    /// <param name="cancellationToken">Stops driving the clock (the task itself is not cancelled).</param>
    /// <returns>The task's result (its exception, if it fails).</returns>
    /// <exception cref="InvalidOperationException"><see cref="FakeCmComHostOptions.TimeProvider"/> is not a <see cref="FakeClock"/>.</exception>
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
    /// <exception cref="InvalidOperationException"><see cref="FakeCmComHostOptions.TimeProvider"/> is not a <see cref="FakeClock"/>.</exception>
    /// <exception cref="TimeoutException">The task did not complete within <paramref name="maxVirtualTime"/>, or nothing on the clock can make it progress.</exception>
    public Task RunUntilAsync(Task task, TimeSpan maxVirtualTime, CancellationToken cancellationToken = default)
    {
        var clock = TimeProvider as FakeClock ?? throw new InvalidOperationException(
            $"RunUntilAsync moves a FakeClock; this host runs on {TimeProvider.GetType().Name}. Create it with new FakeCmComHostOptions {{ TimeProvider = new FakeClock() }}.");
        return clock.RunUntilAsync(task, maxVirtualTime, () => _work.Busy, cancellationToken);
    }

    /// <summary>The terminal with this id.</summary>
    /// <param name="terminalId"><c>{manufacturer}-{model}-{serial}</c>.</param>
    /// <exception cref="KeyNotFoundException">No such terminal.</exception>
    public FakeCmComTerminal Terminal(string terminalId)
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

    /// <summary>
    /// A new <see cref="HttpMessageHandler"/> that serves this host in memory, with no socket. A fault that drops the
    /// connection throws <see cref="HttpRequestException"/> with <see cref="HttpRequestError.ResponseEnded"/>.
    /// Disposing the handler does not stop the host.
    /// </summary>
    public HttpMessageHandler CreateHandler() => new FakeInMemoryHandler(AsServer());

    /// <summary>
    /// A new <see cref="HttpClient"/> on <see cref="BaseAddress"/> (in memory for an in-memory host, over loopback for a
    /// started one) that sends the <c>API-Key</c> header; dispose it when done.
    /// </summary>
    /// <param name="apiKey">The key to send; default <see cref="ApiKey"/>; empty sends no header.</param>
    public HttpClient CreateHttpClient(string? apiKey = null)
    {
        var http = IsListening ? new HttpClient() : new HttpClient(CreateHandler(), disposeHandler: true);
        http.BaseAddress = BaseAddress;
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if ((apiKey ?? ApiKey) is { Length: > 0 } key)
        {
            http.DefaultRequestHeaders.Add("API-Key", key);
        }

        return http;
    }

    /// <summary>Stops the server and the timers.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _engine.Dispose();
            _listener?.Dispose();
        }
    }

    /// <summary>Stops the server and the timers.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _engine.Dispose();
            if (_listener is not null)
            {
                await _listener.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => IsListening ? $"FakeCmComHost {BaseAddress}" : "FakeCmComHost (in memory)";

    private FakeServer AsServer() => new(nameof(FakeCmComHost), () => BaseAddress, HandleAsync, _work);

    private static FakeCmComHost Create(FakeCmComHostOptions? options, bool listen)
    {
        options ??= new FakeCmComHostOptions();
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKeyLabel);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.StoreName);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.CardBrand);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        return new FakeCmComHost(options, listen);
    }
}
