using System.Globalization;
using System.Text;

namespace Sunbay.Client.Testing.Internal;

using Sunbay.Client.Wire;

/// <summary>GET endpoints (query, batch-query, batch-close-list, merchant, terminals) and batch close.</summary>
internal sealed partial class FakeEngine
{
    private static readonly TimeSpan MaxBatchListSpan = TimeSpan.FromDays(30);

    private FakeAnswer Query(IncomingRequest request)
    {
        if (CheckQueryScope(request) is { } rejected)
        {
            return rejected;
        }

        var transactionId = request.Param("transactionId");
        var transactionRequestId = request.Param("transactionRequestId");
        var referenceOrderId = request.Param("referenceOrderId");
        if (transactionId is { Length: > 64 })
        {
            return BadRequest($"transactionId must be 0 to 64 characters long (was {transactionId.Length})");
        }

        if (transactionRequestId is { Length: > 32 })
        {
            return BadRequest($"transactionRequestId must be 0 to 32 characters long (was {transactionRequestId.Length})");
        }

        if (string.IsNullOrEmpty(transactionId) && string.IsNullOrEmpty(transactionRequestId) && string.IsNullOrEmpty(referenceOrderId))
        {
            return BadRequest("transactionId or transactionRequestId is required");
        }

        lock (Gate)
        {
            // transactionId wins, then transactionRequestId; referenceOrderId alone finds the order's latest transaction.
            var found = !string.IsNullOrEmpty(transactionId) ? _byId.GetValueOrDefault(transactionId)
                : !string.IsNullOrEmpty(transactionRequestId) ? _byRequestId.GetValueOrDefault(transactionRequestId)
                : _byId.Values.Where(t => t.ReferenceOrderId == referenceOrderId).MaxBy(t => t.TransactionId, StringComparer.Ordinal);
            return found is null
                ? Business(FakeSunbayCodes.TransactionNotFound, "Transaction not found")
                : Ok(new QueryTransactionResponse { Data = Detail(found) });
        }
    }

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

    private FakeAnswer MerchantQuery(IncomingRequest request)
    {
        if (CheckQueryScope(request) is { } rejected)
        {
            return rejected;
        }

        return Ok(new MerchantResponse
        {
            Data = new MerchantInfo
            {
                MerchantId = _options.MerchantId,
                DbaName = _options.DbaName,
                Mcc = _options.Mcc,
                Country = _options.Country,
                StateName = _options.StateName,
                CityName = _options.CityName,
                Street = _options.Street,
                DetailAddress = _options.Street + ", " + _options.CityName,
                ZipCode = _options.ZipCode,
                Status = "Y",
                CreateTime = "2026-01-01T00:00:00+00:00",
                MidList = [new ChannelMid { ChannelCode = _options.ChannelCode, ChannelName = _options.ChannelName, Mid = _options.Mid }],
            },
        });
    }

    /// <summary>One page of terminals; <c>nextToken</c> is an opaque base64 offset, absent on the last page.</summary>
    private FakeAnswer TerminalsQuery(IncomingRequest request)
    {
        if (CheckQueryScope(request) is { } rejected)
        {
            return rejected;
        }

        var offset = 0;
        if (request.Param("nextToken") is { Length: > 0 } token && !TryReadToken(token, out offset))
        {
            return BadRequest("nextToken is not a token of this API");
        }

        lock (Gate)
        {
            var size = Math.Max(1, _options.TerminalsPageSize);
            var page = _terminalOrder.Skip(offset).Take(size).Select(t => new TerminalInfo
            {
                Sn = t.Sn,
                Vendor = _options.TerminalVendor,
                Model = _options.TerminalModel,
                CreateTime = "2026-01-01T00:00:00+00:00",
                TidList = [new ChannelTid { ChannelCode = _options.ChannelCode, ChannelName = _options.ChannelName, Tid = Tid(t) }],
            }).ToList();
            var next = offset + page.Count < _terminalOrder.Count ? WriteToken(offset + page.Count) : null;
            return Ok(new TerminalPageResponse { Data = new TerminalPage { MerchantId = _options.MerchantId, NextToken = next, Terminals = page } });
        }
    }

    internal static TransactionDetail Detail(FakeTransaction t)
    {
        var card = t.MaskedPan is not null;
        return new TransactionDetail
        {
            TransactionId = t.TransactionId,
            TransactionRequestId = t.TransactionRequestId,
            ReferenceOrderId = t.ReferenceOrderId,
            OriginalTransactionId = t.OriginalTransactionId,
            OriginalTransactionRequestId = t.OriginalTransactionRequestId,
            TransactionStatus = t.Status,
            TransactionType = t.Type,
            Amount = new TransactionAmount
            {
                PriceCurrency = t.Currency,
                TransAmount = t.TransAmount,
                OrderAmount = t.OrderAmount,
                TaxAmount = t.TaxAmount,
                SurchargeAmount = t.SurchargeAmount,
                TipAmount = t.TipAmount,
                CashbackAmount = t.CashbackAmount,
            },
            CreateTime = Iso(t.CreatedAt),
            CompleteTime = t.CompletedAt is { } completed ? Iso(completed) : null,
            MaskedPan = t.MaskedPan,
            CardNetworkType = card ? "CREDIT" : null,
            PaymentMethodId = card ? "VISA" : null,
            EntryMode = card ? "CONTACTLESS" : null,
            AuthenticationMethod = card ? "NOT_AUTHENTICATED" : null,
            BatchNo = t.BatchNo,
            VoucherNo = t.VoucherNo,
            Stan = t.Stan,
            Rrn = t.Rrn,
            AuthCode = t.AuthCode,
            TransactionResultCode = t.ResultCode,
            TransactionResultMsg = t.ResultMessage,
            TerminalSn = t.TerminalSn,
            Description = t.Description,
            Attach = t.Attach,
            RelatedTransactionStatus = t.RelatedTransactionStatus,
            TransactionBatchStatus = t.BatchStatus,
        };
    }

    private IEnumerable<FakeTransaction> OpenBatch(FakeTerminal terminal) =>
        _transactions.Where(t => t.TerminalSn == terminal.Sn && t.BatchStatus == "U");

    private static long Signed(FakeTransaction transaction, long amount) => transaction.Type == "REFUND" ? -amount : amount;

    private static string Tid(FakeTerminal terminal) =>
        "T" + ((uint)StringComparer.Ordinal.GetHashCode(terminal.Sn) % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);

    private FakeAnswer? CheckQueryScope(IncomingRequest request)
    {
        var appId = request.Param("appId");
        var merchantId = request.Param("merchantId");
        if (string.IsNullOrEmpty(appId))
        {
            return BadRequest("appId is required");
        }

        if (string.IsNullOrEmpty(merchantId))
        {
            return BadRequest("merchantId is required");
        }

        if (appId.Length > 32 || merchantId.Length > 32)
        {
            return BadRequest($"{(appId.Length > 32 ? "appId" : "merchantId")} must be 1 to 32 characters long");
        }

        return CheckMerchant(appId, merchantId);
    }

    private static FakeAnswer? CheckTerminalParam(string terminalSn) =>
        terminalSn.Length is 0 or > 32 ? BadRequest("terminalSn must be 1 to 32 characters long") : null;

    private static bool TryParseIso(string? value, out DateTimeOffset parsed) =>
        DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out parsed);

    private static string WriteToken(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("terminals:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static bool TryReadToken(string token, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("terminals:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan("terminals:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
