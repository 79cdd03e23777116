using CmWire = Sunbay.Client.CmCom.Wire;

namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// The state and rules of the fake CM.com MerchantAPI: API keys, stores, terminals, transactions. Every state change
/// happens under <see cref="Gate"/>; timers take it too.
/// </summary>
/// <remarks>
/// This file holds the state, the registries and the routing of a request; the other parts, one concern each:
/// Requests (API key check, body reading), ApiKeys, Transactions (start, read, cancel), Refunds (the rules of a refund),
/// Terminal (the polling terminal and the cardholder), Lists (stores, terminals, transactions, day totals); outside
/// the engine: <see cref="CmComPage"/> (pagination), <see cref="CmComViews"/> (the wire view), <see cref="CmComReceipt"/>.
/// </remarks>
internal sealed partial class CmComEngine : IDisposable
{
    private readonly FakeCmComHostOptions _options;
    private readonly Func<Uri> _baseAddress;
    private readonly List<FakeCmComStore> _stores = [];
    // The guide writes the same terminal SUNMI-P2lite-PL0919CQ00305 and SUNMI-P2Lite-PL0919CQ00305: one terminal, whatever the case.
    private readonly Dictionary<string, FakeCmComTerminal> _terminals = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<FakeCmComTerminal> _terminalOrder = [];
    private readonly Dictionary<string, FakeCmComTransaction> _byId = new(StringComparer.Ordinal);
    private readonly List<FakeCmComTransaction> _transactions = [];
    private readonly List<FakeCmComApiKey> _keys = [];
    private long _nextKeyId = 854844465;
    private long _stan = 155889;
    private bool _disposed;

    public CmComEngine(FakeCmComHostOptions options, Func<Uri> baseAddress)
    {
        _options = options;
        _baseAddress = baseAddress;
        AddApiKey(options.ApiKeyLabel, options.ApiKey, null, null);
        var store = AddStore(options.StoreName);
        foreach (var id in options.TerminalIds)
        {
            AddTerminal(id, store);
        }
    }

    public object Gate { get; } = new();

    public TimeProvider Time => _options.TimeProvider;

    public IReadOnlyList<FakeCmComStore> Stores => Locked(() => _stores.ToArray());

    public IReadOnlyList<FakeCmComTerminal> Terminals => Locked(() => _terminalOrder.ToArray());

    public IReadOnlyList<FakeCmComTransaction> Transactions => Locked(() => _transactions.ToArray());

    /// <summary>The keys not revoked, in creation order.</summary>
    public IReadOnlyList<FakeCmComApiKey> ApiKeys => Locked(() => _keys.Where(k => !k.IsRevoked).ToArray());

    public FakeCmComStore AddStore(string name)
    {
        lock (Gate)
        {
            var store = new FakeCmComStore(Guid.NewGuid().ToString(), name);
            _stores.Add(store);
            return store;
        }
    }

    public FakeCmComTerminal AddTerminal(string id, FakeCmComStore? store)
    {
        if (CmWire.Terminal.CheckId(id, "terminalId") is { } problem)
        {
            throw new ArgumentException($"Not a CM.com terminal id ({{manufacturer}}-{{model}}-{{serial}}): {problem}", nameof(id));
        }

        lock (Gate)
        {
            if (_terminals.TryGetValue(id, out var existing))
            {
                return existing;
            }

            var terminal = new FakeCmComTerminal(this, id, store ?? _stores[0]);
            _terminals.Add(id, terminal);
            _terminalOrder.Add(terminal);
            return terminal;
        }
    }

    public FakeCmComTerminal? FindTerminal(string id) => Locked(() => _terminals.GetValueOrDefault(id));

    public FakeCmComTransaction? FindTransaction(string id) => Locked(() => _byId.GetValueOrDefault(id));

    /// <summary>
    /// A new transaction id of the guide's shape: 31 digits, like its <c>5456485215432746823746654987115</c>; text on
    /// the wire, and too long for any integer type, so a client that parsed it as a number would fail here first.
    /// </summary>
    private string NewTransactionId()
    {
        while (true)
        {
            var id = string.Create(31, 0, static (digits, _) =>
            {
                digits[0] = (char)('1' + System.Security.Cryptography.RandomNumberGenerator.GetInt32(9));
                for (var i = 1; i < digits.Length; i++)
                {
                    digits[i] = (char)('0' + System.Security.Cryptography.RandomNumberGenerator.GetInt32(10));
                }
            });
            if (!_byId.ContainsKey(id))
            {
                return id;
            }
        }
    }

    public FakeCmComApiKey AddApiKey(string label, string? secret, DateTimeOffset? validFrom, DateTimeOffset? validUntil)
    {
        lock (Gate)
        {
            var key = new FakeCmComApiKey(_nextKeyId++, label, secret ?? "cm_" + Guid.NewGuid().ToString("N"), validFrom, validUntil);
            _keys.Add(key);
            return key;
        }
    }

    /// <summary>Revokes every key and adds <paramref name="secret"/>, valid at once: the host's <c>ApiKey</c> setter.</summary>
    public void RotateApiKey(string secret)
    {
        lock (Gate)
        {
            _keys.ForEach(k => k.IsRevoked = true);
            AddApiKey("Rotated", secret, null, null);
        }
    }

    /// <summary>Handles one request completely (API key, path, body, rules) and returns the answer.</summary>
    public FakeAnswer Handle(CmComRoute route, IncomingRequest request)
    {
        lock (Gate)
        {
            if (Authenticate(request, out var key) is { } refused)
            {
                return refused;
            }

            return route.Endpoint switch
            {
                FakeEndpoint.ListStores => ListStores(request),
                FakeEndpoint.ListTerminals => ListTerminals(request),
                FakeEndpoint.ListTransactions => ListTransactions(route, request),
                FakeEndpoint.StartTransaction => StartTransaction(route, request),
                FakeEndpoint.GetTransaction => GetTransaction(route, request),
                FakeEndpoint.CancelTransaction => CancelTransaction(route, request),
                FakeEndpoint.DayTotals => DayTotals(route, request),
                FakeEndpoint.ListApiKeys => ListApiKeys(request),
                FakeEndpoint.CreateApiKey => CreateApiKey(request),
                FakeEndpoint.RevokeApiKey => RevokeApiKey(route, request, key),
                _ when route.Allow is { } allow => CmComProblem.Answer(405, $"{request.Method} is not allowed on {request.Path}.", request.Path) with
                {
                    Headers = new Dictionary<string, string> { ["Allow"] = allow },
                },
                _ => CmComProblem.Answer(404, $"No such resource: {request.Path}.", request.Path),
            };
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var terminal in _terminalOrder)
            {
                terminal.PickUpTimer?.Dispose();
            }

            foreach (var transaction in _transactions)
            {
                transaction.Step?.Dispose();
            }
        }
    }

    private T Locked<T>(Func<T> read)
    {
        lock (Gate)
        {
            return read();
        }
    }
}
