using System.Globalization;

namespace Sunbay.Client.Testing.Internal;

using Sunbay.Client.Wire;

/// <summary>
/// The state and rules of the fake SUNBAY cloud: protocol checks, validation, transactions, terminals, batches.
/// Every state change happens under <see cref="Gate"/>; timers and HTTP callbacks take it too.
/// </summary>
/// <remarks>
/// This file holds the state, the registries and the routing of a request; the other parts, one concern each:
/// Admission (header, body and scope checks), Rules (cross-field rules), Push (the push operations),
/// NewTransactions (creation and idempotent replay), CardReading (the terminal simulation), Completion (a
/// transaction's end and its webhook), Queries (transaction, merchant, terminals), Settlement (batches) and Answers
/// (SUNBAY's envelope and the wire view of a transaction).
/// </remarks>
internal sealed partial class FakeEngine : IDisposable
{
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
