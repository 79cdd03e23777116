using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using Sunbay.Client.Testing.Internal;

namespace Sunbay.Client.Testing;

/// <summary>
/// What every fake payment provider host has, whichever provider it fakes (<see cref="FakeSunbayHost"/>,
/// <see cref="FakeCmComHost"/>): its clock and <see cref="RunUntilAsync{T}"/>, its two transports (in memory and
/// loopback), the client helpers, the request <see cref="Journal"/>, <see cref="Faults"/> and disposal. A test written
/// against this type reads the same for either provider; the derived host adds only its provider's dialect (terminals,
/// transactions, keys, client).
/// </summary>
/// <remarks>
/// Two transports, one behaviour: an in-memory host serves clients through <see cref="CreateHandler"/> (no port, no
/// sockets, deterministic with a <see cref="FakeClock"/>; a dropped connection is an <see cref="HttpRequestException"/>);
/// a started host listens on a loopback port with Kestrel (real HTTP, real connection drops, other processes) and
/// serves <see cref="CreateHandler"/> too. Thread-safe; no static mutable state, so many hosts can run in parallel.
/// </remarks>
public abstract class FakeProviderHost : IDisposable, IAsyncDisposable
{
    private readonly List<RecordedRequest> _journal = [];
    private readonly FakeWorkInHand _work;
    private FakeHttpListener? _listener;
    private int _disposed;

    private protected FakeProviderHost(FakeProviderHostOptions options, Uri inMemoryAddress, FakeFaults faults)
    {
        TimeProvider = options.TimeProvider;
        BaseAddress = inMemoryAddress;
        Faults = faults;
        _work = new FakeWorkInHand(() => TimeProvider);
    }

    /// <summary>The API address: <c>http://127.0.0.1:{port}/</c> for a started host; for an in-memory one a never resolvable (<c>.invalid</c>) address, so a client not given <see cref="CreateHandler"/> fails at once.</summary>
    public Uri BaseAddress { get; private set; }

    /// <summary>Whether the host listens on a loopback port rather than only in memory.</summary>
    public bool IsListening => _listener is not null;

    /// <summary>The host's clock (see <see cref="FakeProviderHostOptions.TimeProvider"/>).</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// The API key the host accepts now (on CM.com the first valid one; <see langword="null"/> when none is valid).
    /// Setting it rotates the key: the old ones are refused from the next request on, with no overlap window.
    /// </summary>
    /// <exception cref="ArgumentException">Set to an empty or blank key.</exception>
    [DisallowNull]
    public string? ApiKey
    {
        get => CurrentApiKey;
        set
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            RotateApiKey(value);
        }
    }

    /// <summary>Fault injection: errors, drops, redirects, spoiled bodies and latency for the next requests.</summary>
    public FakeFaults Faults { get; }

    /// <summary>Every request received so far, with the answer given, in the order the answers were given.</summary>
    public IReadOnlyList<RecordedRequest> Journal
    {
        get
        {
            lock (_journal)
            {
                return [.. _journal];
            }
        }
    }

    private protected abstract string? CurrentApiKey { get; }

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
    /// <exception cref="InvalidOperationException"><see cref="FakeProviderHostOptions.TimeProvider"/> is not a <see cref="FakeClock"/>.</exception>
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
    /// <exception cref="InvalidOperationException"><see cref="FakeProviderHostOptions.TimeProvider"/> is not a <see cref="FakeClock"/>.</exception>
    /// <exception cref="TimeoutException">The task did not complete within <paramref name="maxVirtualTime"/>, or nothing on the clock can make it progress.</exception>
    public Task RunUntilAsync(Task task, TimeSpan maxVirtualTime, CancellationToken cancellationToken = default)
    {
        var clock = TimeProvider as FakeClock ?? throw new InvalidOperationException(
            $"RunUntilAsync moves a FakeClock; this host runs on {TimeProvider.GetType().Name}. Create it with options {{ TimeProvider = new FakeClock() }}.");
        return clock.RunUntilAsync(task, maxVirtualTime, () => _work.Busy, cancellationToken);
    }

    /// <summary>The terminal with this id: SUNBAY's serial number, CM.com's <c>{manufacturer}-{model}-{serial}</c>.</summary>
    /// <param name="terminalId">The terminal's id.</param>
    /// <returns>The terminal, to script its next outcomes or present the card.</returns>
    /// <exception cref="KeyNotFoundException">No such terminal.</exception>
    public abstract FakeProviderTerminal Terminal(string terminalId);

    /// <summary>
    /// A new <see cref="HttpMessageHandler"/> that serves this host in memory, with no socket: use it as a client's
    /// primary handler (<c>builder.HttpClient.ConfigurePrimaryHttpMessageHandler(host.CreateHandler)</c>). The request's
    /// host name is ignored. A fault that drops the connection throws <see cref="HttpRequestException"/> with
    /// <see cref="HttpRequestError.ResponseEnded"/>, as a dropped socket does; cancelling a request the host holds
    /// (injected latency) cancels the caller only, and the host still carries it out. Disposing the handler does not
    /// stop the host.
    /// </summary>
    public HttpMessageHandler CreateHandler() =>
        new FakeInMemoryHandler(new FakeServer(GetType().Name, () => BaseAddress, HandleAsync, _work));

    /// <summary>
    /// A new raw <see cref="HttpClient"/> on <see cref="BaseAddress"/> (in memory for an in-memory host, over loopback
    /// for a started one) that accepts JSON and adds the provider's authentication to every request, each header only
    /// when the request has none of its own: SUNBAY's <c>Authorization: Bearer</c>, <c>X-Timestamp</c> (host clock) and a
    /// new <c>X-Client-Request-Id</c>; CM.com's <c>API-Key</c>. For tests of the wire itself; dispose it when done.
    /// </summary>
    /// <param name="apiKey">The key to send; default <see cref="ApiKey"/>; empty sends no authentication.</param>
    public HttpClient CreateHttpClient(string? apiKey = null)
    {
        var key = apiKey ?? ApiKey;
        HttpMessageHandler transport = IsListening ? new SocketsHttpHandler() : CreateHandler();
        var http = new HttpClient(string.IsNullOrEmpty(key) ? transport : new Authenticating(this, key) { InnerHandler = transport }) { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http;
    }

    /// <summary>Stops the server, the timers and any deliveries in progress.</summary>
    public void Dispose()
    {
        if (Stop())
        {
            _listener?.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the server, the timers and any deliveries in progress.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Stop() && _listener is not null)
        {
            await _listener.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    public override string ToString() => IsListening ? $"{GetType().Name} {BaseAddress}" : $"{GetType().Name} (in memory)";

    /// <summary>The primary handler of a client made by the host: in memory, or the platform's over loopback.</summary>
    private protected HttpMessageHandler? ClientTransport() => IsListening ? null : CreateHandler();

    /// <summary>Creates a provider's host from its settings (default when null), checked first, listening on loopback when asked.</summary>
    private protected static THost Open<THost, TOptions>(TOptions? options, bool listen, Func<TOptions, THost> create)
        where THost : FakeProviderHost
        where TOptions : FakeProviderHostOptions, new()
    {
        options ??= new TOptions();
        options.Validate();
        var host = create(options);
        if (listen)
        {
            host.Listen(options.Port);
        }

        return host;
    }

    /// <summary>Starts listening on loopback; a host that cannot listen is disposed.</summary>
    /// <exception cref="IOException">The port is taken.</exception>
    private void Listen(int port)
    {
        try
        {
            _listener = FakeHttpListener.Start(new FakeServer(GetType().Name, () => BaseAddress, HandleAsync, _work), port);
        }
        catch
        {
            Dispose();
            throw;
        }

        BaseAddress = new Uri($"http://127.0.0.1:{_listener.Port}/");
    }

    private protected abstract void RotateApiKey(string apiKey);

    /// <summary>Adds the provider's authentication headers to a request of <see cref="CreateHttpClient"/>.</summary>
    private protected abstract void Authenticate(HttpRequestMessage request, string apiKey);

    /// <summary>The endpoint a request goes to (<see cref="FakeEndpoint.Any"/> when none).</summary>
    private protected abstract FakeEndpoint Match(IncomingRequest request);

    /// <summary>Handles one request completely (authentication, validation, rules) and returns the provider's answer.</summary>
    private protected abstract FakeAnswer Process(FakeEndpoint endpoint, IncomingRequest request);

    /// <summary>An error in the provider's format (a SUNBAY envelope, CM.com's problem+json), for a fault that stops a request.</summary>
    private protected abstract FakeAnswer Error(FakeFault fault, int status, string message, IncomingRequest request);

    /// <summary>Stops the provider's timers and deliveries (once).</summary>
    private protected abstract void StopEngine();

    /// <summary>The first disposal stops the engine and returns true; the listener is the caller's to stop.</summary>
    private bool Stop()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return false;
        }

        StopEngine();
        return true;
    }

    /// <summary>
    /// Answers one request, whichever transport brought it: faults, the engine, the journal. An answer with
    /// <see cref="FakeAnswer.Drop"/> tells the transport to close the connection without answering.
    /// </summary>
    private Task<FakeAnswer> HandleAsync(IncomingRequest request, string rawQuery) => _work.RunAsync(() => AnswerAsync(request, rawQuery));

    private async Task<FakeAnswer> AnswerAsync(IncomingRequest request, string rawQuery)
    {
        var received = TimeProvider.GetUtcNow();
        var endpoint = Match(request);
        var (fault, latency) = Faults.Take(endpoint);
        await _work.DelayAsync(latency, TimeProvider).ConfigureAwait(false);

        var answer = FakeFaultAnswers.NotProcessed(fault, BaseAddress, request.Path)
            ?? (FakeFaultAnswers.Refusal(fault) is { } refusal ? Error(fault, refusal.Status, refusal.Message, request) : null)
            ?? FakeFaultAnswers.Spoil(Process(endpoint, request), fault);
        if (fault == FakeFault.TooManyRequests)
        {
            answer = answer with { Headers = FakeFaultAnswers.RetryAfter(Faults.RetryAfter) };
        }

        var pathAndQuery = string.IsNullOrEmpty(rawQuery) ? request.Path : request.Path + (rawQuery.StartsWith('?') ? rawQuery : "?" + rawQuery);
        lock (_journal)
        {
            _journal.Add(new RecordedRequest(request.Method, pathAndQuery, request.Headers, request.Body, endpoint,
                answer.Drop ? null : answer.StatusCode, answer.Drop ? null : answer.Code, fault, received));
        }

        return answer;
    }

    /// <summary>Adds the provider's authentication to each request of a raw client.</summary>
    private sealed class Authenticating(FakeProviderHost host, string apiKey) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            host.Authenticate(request, apiKey);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
