using System.Globalization;
using System.Text;

namespace Sunbay.Client.Testing.Internal;

using Sunbay.Client.Wire;

/// <summary>The lookups: a transaction, the merchant, its terminals (paged).</summary>
internal sealed partial class FakeEngine
{
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

    private static string Tid(FakeTerminal terminal) =>
        "T" + ((uint)StringComparer.Ordinal.GetHashCode(terminal.Sn) % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);

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
