using System.Globalization;
using System.Text.Json;

namespace Sunbay.Client.Testing.Internal;

using Sunbay.Client.Wire;

/// <summary>The end of a transaction: its final state, its effect on the original, the terminal freed, the webhook sent.</summary>
internal sealed partial class FakeEngine
{
    /// <summary>Makes a transaction final, applies its effect on the original, frees the terminal and sends the webhook.</summary>
    private void Finish(FakeTransaction transaction, string status, string? resultCode, string? resultMessage)
    {
        transaction.CardTimer?.Dispose();
        transaction.ExpiryTimer?.Dispose();
        var now = Time.GetUtcNow();
        transaction.Status = status;
        transaction.CompletedAt = now;
        transaction.ResultCode = resultCode;
        transaction.ResultMessage = resultMessage;
        var sequence = NextSequence();
        if (status != "C")
        {
            transaction.Stan = (sequence % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            transaction.Rrn = (now.ToUnixTimeSeconds() % 1_000_000 * 1_000_000 + sequence % 1_000_000).ToString("D12", CultureInfo.InvariantCulture);
            transaction.VoucherNo = transaction.Stan;
            transaction.MaskedPan = transaction.Original?.MaskedPan ?? "411111****1111";
        }

        if (status == "S")
        {
            transaction.AuthCode = (100000 + (sequence * 7919 % 900000)).ToString("D6", CultureInfo.InvariantCulture);
            if (transaction.Type is "SALE" or "FORCED_AUTH" or "POST_AUTH" or "REFUND")
            {
                transaction.BatchStatus = "U";
                transaction.BatchNo = _terminals[transaction.TerminalSn].BatchNumber.ToString("D6", CultureInfo.InvariantCulture);
            }
        }

        if (transaction.Original is { } original)
        {
            ApplyToOriginal(transaction, original, status);
        }

        if (_terminals.TryGetValue(transaction.TerminalSn, out var terminal) && ReferenceEquals(terminal.InFlight, transaction))
        {
            terminal.InFlight = null;
        }

        if (!string.IsNullOrEmpty(transaction.NotifyUrl))
        {
            var body = JsonSerializer.Serialize(Detail(transaction), FakeWireJson.Info<TransactionDetail>());
            _webhooks.Notify(transaction.NotifyUrl, body, transaction.TransactionId, transaction.TransactionRequestId, status);
        }
    }

    /// <summary>What a follow-up's end does to its original: releases what it held pending and, on success, records its effect.</summary>
    private static void ApplyToOriginal(FakeTransaction transaction, FakeTransaction original, string status)
    {
        switch (transaction.Type)
        {
            case "REFUND":
                original.PendingRefunds -= transaction.OrderAmount;
                if (status == "S")
                {
                    original.RefundedAmount += transaction.OrderAmount;
                    original.RelatedTransactionStatus = original.RefundedAmount >= original.OrderAmount ? "REFUNDED" : "PART_REFUNDED";
                }

                break;
            case "VOID":
                original.PendingVoid = false;
                if (status == "S")
                {
                    original.RelatedTransactionStatus = "VOIDED";
                    if (original.BatchStatus == "U")
                    {
                        original.BatchStatus = "N";
                    }
                }

                break;
            case "POST_AUTH":
                original.PendingCapture = false;
                if (status == "S")
                {
                    original.RelatedTransactionStatus = "CAPTURE";
                }

                break;
            case "INCREMENTAL":
                if (status == "S")
                {
                    original.OrderAmount += transaction.OrderAmount;
                    original.RelatedTransactionStatus = "INCREMENTAL";
                }

                break;
        }
    }
}
