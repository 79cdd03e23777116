using Sunbay.Client;
using Sunbay.Client.Webhooks;

namespace Sunbay.Cli;

/// <summary>What the check verifies besides payments: the credentials, each webhook, and the query against the webhook.</summary>
internal sealed partial class GoLiveCheck
{
    private async Task<Outcome> CheckCredentialsAsync(CancellationToken cancellationToken)
    {
        var probe = $"GOLIVE-PROBE-{Guid.NewGuid():N}"[..32];
        try
        {
            var found = await _sunbay.GetTransactionAsync(TransactionLookup.ByTransactionRequestId(probe), cancellationToken);
            return Outcome.Pass($"API key accepted (the probe query answered {found.Status})");
        }
        catch (SunbayApiException ex) when (IsAuthenticationFailure(ex))
        {
            return Outcome.Fail($"SUNBAY rejected the credentials: {ex.Code} \"{ex.ApiMessage}\" (HTTP {(int)ex.StatusCode}). Check Sunbay__ApiKey (test keys for Sandbox, live keys for Production), Sunbay__AppId and Sunbay__MerchantId", ex.TraceId);
        }
        catch (SunbayApiException ex)
        {
            // An unknown transactionRequestId must be answered "not found": SUNBAY read the key and the account to say so.
            return Outcome.Pass($"API key accepted (a random transactionRequestId was answered {ex.Code} \"{ex.ApiMessage}\", as expected)", ex.TraceId);
        }
    }

    private static bool IsAuthenticationFailure(SunbayApiException ex) =>
        ex.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden
        || ex.Code is "C01" or "401" or "403";

    private async Task<TransactionNotification?> WebhookItemAsync(SunbayTraceIds traces, string name, Transaction transaction, CancellationToken cancellationToken)
    {
        var inbox = _options.Webhooks;
        if (inbox is null)
        {
            Add(new GoLiveItemResult(name, GoLiveStatus.NotChecked,
                "no notify URL configured: set Sunbay__NotifyUrl (public HTTPS URL routed to this process) and Sunbay__Webhooks__Secrets__0 to check it",
                TimeSpan.Zero, null));
            return null;
        }

        TransactionNotification? received = null;
        await RunAsync(traces, name, "-", async ct =>
        {
            var waited = await inbox.WaitAsync(transaction.TransactionRequestId, _rejectedBefore.GetValueOrDefault(transaction.TransactionRequestId), _options.WebhookTimeout, ct);
            if (waited.Notification is { } notification)
            {
                received = notification;
                var reported = notification.Transaction;
                return reported.Status == transaction.Status
                    ? Outcome.Pass($"signature verified, status {reported.Status}, sent {notification.Timestamp:HH:mm:ss}", null, $"X-Client-Request-Id {notification.ClientRequestId}")
                    : Outcome.Fail($"signature verified but the webhook reports {reported.Status} where the transaction ended {transaction.Status}", null, $"X-Client-Request-Id {notification.ClientRequestId}");
            }

            return waited.Rejection is { } rejection
                ? Outcome.Fail($"a delivery to {_options.NotifyUrl} was rejected: {rejection.Explanation}")
                : Outcome.Fail($"no webhook for {transaction.TransactionRequestId} within {_options.WebhookTimeout.TotalSeconds:0.#} s at {_options.NotifyUrl}. Check that SUNBAY can reach it (public HTTPS, routed to 127.0.0.1 of this process) and that nothing in front of it answers first");
        }, cancellationToken);
        return received;
    }

    private async Task<Outcome> CheckQueryAsync(Transaction sale, TransactionNotification? webhook, CancellationToken cancellationToken)
    {
        var queried = await _sunbay.GetTransactionAsync(TransactionLookup.ByTransactionRequestId(sale.TransactionRequestId), cancellationToken);
        var reference = webhook?.Transaction ?? sale;
        var differences = new List<string>();
        void Compare<T>(string field, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
            {
                differences.Add($"{field} {actual} (expected {expected})");
            }
        }

        Compare("status", reference.Status, queried.Status);
        Compare("transactionId", reference.TransactionId, queried.TransactionId);
        Compare("transactionRequestId", sale.TransactionRequestId, queried.TransactionRequestId);
        if (reference.ReferenceOrderId is not null)
        {
            Compare("referenceOrderId", reference.ReferenceOrderId, queried.ReferenceOrderId);
        }

        Compare("amount", reference.Amount?.Total ?? reference.Amount?.Order ?? _options.Amount, queried.Amount?.Total ?? queried.Amount?.Order ?? -1);
        Compare("currency", _options.Currency, queried.Amount?.Currency);
        var against = webhook is null ? "the sale's result (no webhook to compare)" : "the webhook";
        return differences.Count == 0
            ? Outcome.Pass($"status {queried.Status}, {Money(queried)}, IDs match {against}")
            : Outcome.Fail($"the query differs from {against}: {string.Join("; ", differences)}");
    }
}
