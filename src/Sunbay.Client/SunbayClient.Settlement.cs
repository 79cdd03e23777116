using System.Runtime.CompilerServices;
using Sunbay.Client.Settlement;
using Sunbay.Client.Transactions;
using Sunbay.Client.Validation;
using Sunbay.Client.Wire;

namespace Sunbay.Client;

/// <summary>Settlement (batches) and merchant queries.</summary>
public sealed partial class SunbayClient
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<OpenBatch>> BatchQueryAsync(string? terminalSn = null, CancellationToken cancellationToken = default)
    {
        var options = CurrentOptions;
        var (appId, merchantId) = Account(null, options);
        var terminal = TerminalOf(terminalSn, options);
        LengthAtMost(terminal, 32, "terminalSn");
        var envelope = await SendAsync(SunbayWireApi.BatchQuery, SunbayWireApi.BatchQueryUrl(appId, merchantId, terminal), null, null, cancellationToken).ConfigureAwait(false);
        return Items(envelope.Data?.BatchList, "batch-query", envelope.TraceId).Select(SettlementMapper.FromWire).ToList();
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ClosedBatch>> BatchCloseAsync(BatchCloseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = CurrentOptions;
        var (appId, merchantId) = Account(request, options);
        var terminal = TerminalOf(request.TerminalSn, options);
        var requestId = request.TransactionRequestId ?? NewTransactionRequestId();
        var print = TransactionMapper.ToWire(request.PrintReceipt, Wire.BatchPrintReceipt.FromName, "printReceipt");
        Wire.BatchCloseRequest Build(string channel, string id) => new()
        {
            AppId = appId,
            MerchantId = merchantId,
            TerminalSn = terminal,
            ChannelCode = channel,
            TransactionRequestId = id,
            Description = request.Description ?? DefaultDescription.BatchClose,
            PrintReceipt = print,
            Attach = request.Attach,
        };

        // Validate everything that can be checked before the first close: a batch close is irreversible.
        Validate(Build(request.ChannelCode ?? "channel", requestId));
        var channels = request.ChannelCode is { } one
            ? [one]
            : (await BatchQueryAsync(terminal, cancellationToken).ConfigureAwait(false)).Select(b => b.ChannelCode).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var closed = new List<ClosedBatch>(channels.Count);
        for (var i = 0; i < channels.Count; i++)
        {
            var id = channels.Count == 1 ? requestId : PerChannelId(requestId, i);
            var wire = Build(channels[i], id);
            Validate(wire);
            var envelope = await SendAsync(SunbayWireApi.BatchClose, SunbayWireApi.BatchClose.Path, wire, id, cancellationToken).ConfigureAwait(false);
            closed.Add(SettlementMapper.FromWire(envelope.Data, channels[i]));
        }

        return closed;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ClosedBatch>> GetBatchCloseListAsync(BatchCloseListRequest? request = null, CancellationToken cancellationToken = default)
    {
        var options = CurrentOptions;
        var (appId, merchantId) = Account(request, options);
        var terminal = TerminalOf(request?.TerminalSn, options);
        LengthAtMost(terminal, 32, "terminalSn");
        LengthAtMost(request?.ChannelCode, 32, "channelCode");
        RequestRules.Window(request?.From, request?.To);
        var envelope = await SendAsync(
            SunbayWireApi.BatchCloseList,
            SunbayWireApi.BatchCloseListUrl(appId, merchantId, terminal, request?.ChannelCode, TransactionMapper.ToWire(request?.From), TransactionMapper.ToWire(request?.To)),
            null,
            null,
            cancellationToken).ConfigureAwait(false);
        return Items(envelope.Data?.BatchCloseList, "batch-close-list", envelope.TraceId).Select(SettlementMapper.FromWire).ToList();
    }

    /// <inheritdoc/>
    public async Task<Merchant> GetMerchantAsync(string? merchantId = null, CancellationToken cancellationToken = default)
    {
        var (appId, merchant) = Account(new MerchantScope(merchantId), CurrentOptions);
        var envelope = await SendAsync(SunbayWireApi.QueryMerchant, SunbayWireApi.QueryMerchantUrl(appId, merchant), null, null, cancellationToken).ConfigureAwait(false);
        return envelope.Data is { } data
            ? SettlementMapper.FromWire(data)
            : throw new SunbayTransportException($"SUNBAY answered the merchant query with code 0 but no data (traceId {envelope.TraceId}).", "merchant-query", outcomeUnknown: false, null, 200);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Terminal> GetTerminalsAsync(string? merchantId = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (appId, merchant) = Account(new MerchantScope(merchantId), CurrentOptions);
        string? nextToken = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var guard = new Http.PageGuard();
        do
        {
            var token = nextToken;
            var envelope = await SendAsync(SunbayWireApi.QueryTerminals, SunbayWireApi.QueryTerminalsUrl(appId, merchant, token), null, null, cancellationToken).ConfigureAwait(false);
            var terminals = Items(envelope.Data?.Terminals, "terminals-query", envelope.TraceId);
            foreach (var terminal in terminals)
            {
                yield return SettlementMapper.FromWire(terminal);
            }

            nextToken = NullIfEmpty(envelope.Data?.NextToken);

            // A server that hands back a token it gave before, or new tokens over the same terminals, would page forever.
            var problem = nextToken is not null && !seen.Add(nextToken) ? "repeated the paging token"
                : guard.AfterPage(terminals.Select(t => t.Sn), total: null, nextToken is not null) == Http.PageVerdict.Fail ? guard.Problem
                : null;
            if (problem is not null)
            {
                throw new SunbayTransportException($"SUNBAY's terminal list does not end: {problem} (traceId {Telemetry.SensitiveData.Mask(envelope.TraceId, CurrentOptions.ApiKey)}); stopped after {guard.Items} terminal(s).", "terminals-query", outcomeUnknown: false, null, 200);
            }
        }
        while (nextToken is not null);
    }

    /// <summary>
    /// The items of a list in an answer; a list holding <c>null</c> is an answer the SDK cannot use (SUNBAY never sends
    /// one), reported as the SDK's error rather than met as a null.
    /// </summary>
    private static ICollection<T> Items<T>(ICollection<T>? items, string operation, string? traceId)
        where T : class =>
        items is null ? []
        : items.Contains(null!) ? throw new SunbayTransportException($"SUNBAY's answer to {operation} is a list that holds null (traceId {Telemetry.SensitiveData.Mask(traceId)}).", operation, outcomeUnknown: false, null, 200)
        : items;

    /// <summary>
    /// The idempotency key of the n-th channel of a multi-channel close: stable for a given key, so a repeated close
    /// with the same key never closes twice, and within 32 characters.
    /// </summary>
    private static string PerChannelId(string requestId, int index)
    {
        var suffix = $"_{index + 1}";
        return (requestId.Length + suffix.Length > 32 ? requestId[..(32 - suffix.Length)] : requestId) + suffix;
    }

    private sealed record MerchantScope : SunbayRequest
    {
        public MerchantScope(string? merchantId) => MerchantId = merchantId;
    }
}
