using System.Globalization;

namespace Sunbay.Client.Testing.Internal;

using Sunbay.Client.Wire;

/// <summary>Settlement: the terminal's open batch, closing it (replayed like a push), and the list of closed batches.</summary>
internal sealed partial class FakeEngine
{
    private static readonly TimeSpan MaxBatchListSpan = TimeSpan.FromDays(30);

    private FakeAnswer BatchQuery(IncomingRequest request)
    {
        var terminalSn = request.Param("terminalSn") ?? string.Empty;
        if ((CheckQueryScope(request) ?? CheckTerminalParam(terminalSn)) is { } rejected)
        {
            return rejected;
        }

        lock (Gate)
        {
            if (!_terminals.TryGetValue(terminalSn, out var terminal))
            {
                return Business(FakeSunbayCodes.TerminalNotFound, $"Terminal {terminalSn} not found");
            }

            var batches = OpenBatch(terminal)
                .GroupBy(t => t.Currency, StringComparer.Ordinal)
                .Select(group => new OpenBatch
                {
                    BatchNo = terminal.BatchNumber.ToString("D6", CultureInfo.InvariantCulture),
                    StartTime = Iso(group.Min(t => t.CreatedAt)),
                    ChannelCode = _options.ChannelCode,
                    PriceCurrency = group.Key,
                    TotalCount = group.Count(),
                    NetAmount = group.Sum(t => Signed(t, t.TransAmount)),
                    TipAmount = group.Sum(t => Signed(t, t.TipAmount)),
                    SurchargeAmount = group.Sum(t => Signed(t, t.SurchargeAmount)),
                    TaxAmount = group.Sum(t => Signed(t, t.TaxAmount)),
                })
                .ToList();
            return Ok(new BatchQueryResponse { Data = new BatchQueryResult { BatchList = batches } });
        }
    }

    private FakeAnswer BatchClose(IncomingRequest request)
    {
        if (Parse<BatchCloseRequest>(request, out var body) is { } rejected)
        {
            return rejected;
        }

        lock (Gate)
        {
            if (Replay(FakeEndpoint.BatchClose, body.TransactionRequestId) is { } replay)
            {
                return replay;
            }

            if (!_terminals.TryGetValue(body.TerminalSn, out var terminal))
            {
                return Business(FakeSunbayCodes.TerminalNotFound, $"Terminal {body.TerminalSn} not found");
            }

            if (!string.Equals(body.ChannelCode, _options.ChannelCode, StringComparison.Ordinal))
            {
                return Business(FakeSunbayCodes.UnknownChannel, $"Channel {body.ChannelCode} is not a channel of the merchant (known: {_options.ChannelCode})");
            }

            var closing = OpenBatch(terminal).ToList();
            var now = Time.GetUtcNow();
            var batchNo = terminal.BatchNumber.ToString("D6", CultureInfo.InvariantCulture);
            foreach (var transaction in closing)
            {
                transaction.BatchStatus = "C";
            }

            terminal.BatchNumber++;
            var currency = closing.FirstOrDefault()?.Currency ?? "USD";
            var result = new BatchCloseResult
            {
                BatchNo = batchNo,
                TerminalSn = terminal.Sn,
                BatchTime = Iso(now),
                TransactionCount = closing.Count,
                PriceCurrency = currency,
                NetAmount = closing.Sum(t => Signed(t, t.TransAmount)),
                TipAmount = closing.Sum(t => Signed(t, t.TipAmount)),
                SurchargeAmount = closing.Sum(t => Signed(t, t.SurchargeAmount)),
                TaxAmount = closing.Sum(t => Signed(t, t.TaxAmount)),
            };
            _closedBatches.Add(new ClosedBatch
            {
                BatchNo = batchNo,
                BatchStatus = "S",
                BatchTime = result.BatchTime,
                TotalCount = result.TransactionCount,
                NetAmount = result.NetAmount,
                PriceCurrency = currency,
                ChannelCode = _options.ChannelCode,
                TerminalSn = terminal.Sn,
                Mid = _options.Mid,
                Tid = Tid(terminal),
            });
            _replays[body.TransactionRequestId] = (FakeEndpoint.BatchClose, result);
            return Ok(new BatchCloseResponse { Data = result });
        }
    }

    private FakeAnswer BatchCloseList(IncomingRequest request)
    {
        var terminalSn = request.Param("terminalSn") ?? string.Empty;
        if ((CheckQueryScope(request) ?? CheckTerminalParam(terminalSn)) is { } rejected)
        {
            return rejected;
        }

        var channelCode = request.Param("channelCode");
        if (channelCode is { Length: > 32 })
        {
            return BadRequest("channelCode must be 0 to 32 characters long");
        }

        var startText = request.Param("startTime");
        var endText = request.Param("endTime");
        var now = Time.GetUtcNow();
        DateTimeOffset start, end;
        if (string.IsNullOrEmpty(startText) && string.IsNullOrEmpty(endText))
        {
            (start, end) = (now.AddDays(-7), now);
        }
        else if (string.IsNullOrEmpty(startText) || string.IsNullOrEmpty(endText))
        {
            return BadRequest("startTime and endTime must be given together");
        }
        else if (!TryParseIso(startText, out start))
        {
            return BadRequest("startTime must be yyyy-MM-ddTHH:mm:ss±hh:mm");
        }
        else if (!TryParseIso(endText, out end))
        {
            return BadRequest("endTime must be yyyy-MM-ddTHH:mm:ss±hh:mm");
        }
        else if (end < start)
        {
            return BadRequest("endTime must not be before startTime");
        }
        else if (end - start > MaxBatchListSpan)
        {
            return BadRequest("startTime to endTime must span at most 30 days");
        }

        lock (Gate)
        {
            if (!_terminals.ContainsKey(terminalSn))
            {
                return Business(FakeSunbayCodes.TerminalNotFound, $"Terminal {terminalSn} not found");
            }

            var list = _closedBatches
                .Where(b => b.TerminalSn == terminalSn && (string.IsNullOrEmpty(channelCode) || b.ChannelCode == channelCode))
                .Where(b => TryParseIso(b.BatchTime, out var at) && at >= start && at <= end)
                .ToList();
            return Ok(new BatchCloseListResponse { Data = new BatchCloseListResult { BatchCloseList = list } });
        }
    }

    private IEnumerable<FakeTransaction> OpenBatch(FakeTerminal terminal) =>
        _transactions.Where(t => t.TerminalSn == terminal.Sn && t.BatchStatus == "U");

    private static long Signed(FakeTransaction transaction, long amount) => transaction.Type == "REFUND" ? -amount : amount;
}
