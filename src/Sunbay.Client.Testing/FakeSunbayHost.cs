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
public sealed partial class FakeSunbayHost : IDisposable, IAsyncDisposable
{
    private readonly FakeSunbayHostOptions _options;
    private readonly FakeEngine _engine;
    private readonly FakeHttpListener? _listener;
    private readonly FakeJournal<RecordedRequest> _journal = new();
    private readonly FakeWorkInHand _work;
    private int _disposed;

    private FakeSunbayHost(FakeSunbayHostOptions options, bool listen)
    {
        _options = options;
        _work = new FakeWorkInHand(() => TimeProvider);
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
            _listener = FakeHttpListener.Start(AsServer(), options.Port);
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
    public IReadOnlyList<RecordedRequest> Journal => _journal.Snapshot();

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
        return clock.RunUntilAsync(task, maxVirtualTime, () => _work.Busy, cancellationToken);
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
        if (StopEngine())
        {
            _listener?.Dispose();
        }
    }

    /// <summary>Stops the server, the timers and webhook deliveries.</summary>
    public async ValueTask DisposeAsync()
    {
        if (StopEngine() && _listener is not null)
        {
            await _listener.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => IsListening ? $"FakeSunbayHost {BaseAddress}" : "FakeSunbayHost (in memory)";

    /// <summary>This host as its transports see it.</summary>
    private FakeServer AsServer() => new(nameof(FakeSunbayHost), () => BaseAddress, HandleAsync, _work);

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

    /// <summary>The first disposal stops the timers and webhook deliveries and returns true; the listener is the caller's to stop.</summary>
    private bool StopEngine()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return false;
        }

        _engine.Dispose();
        Webhooks.Dispose();
        return true;
    }
}
