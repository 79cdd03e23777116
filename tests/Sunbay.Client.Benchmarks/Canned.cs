using System.Text;

namespace Sunbay.Client.Benchmarks;

/// <summary>Canned answers of the loopback server: SUNBAY envelopes (<see cref="SunbayEnvelopes"/>) and Stripe-shaped objects.</summary>
internal static class Canned
{
    public const string AppId = SunbayEnvelopes.AppId;
    public const string MerchantId = SunbayEnvelopes.MerchantId;
    public const string TerminalSn = SunbayEnvelopes.TerminalSn;
    public const string ApiKey = SunbayEnvelopes.ApiKey;
    public const string TransactionId = SunbayEnvelopes.TransactionId;
    public const string PaymentIntentId = "pi_3QbenchXXXXXXXXXXXXXXXX";

    public static readonly byte[] PaymentIntent = Encoding.UTF8.GetBytes(
        """{"id":"pi_3QbenchXXXXXXXXXXXXXXXX","object":"payment_intent","amount":1000,"amount_capturable":0,"amount_details":{"tip":{}},"amount_received":0,"application":null,"application_fee_amount":null,"automatic_payment_methods":null,"canceled_at":null,"cancellation_reason":null,"capture_method":"automatic","client_secret":"pi_3QbenchXXXXXXXXXXXXXXXX_secret_abcdefghijklmnopqrstuvwxy","confirmation_method":"automatic","created":1767225600,"currency":"usd","customer":null,"description":"Coffee and a croissant","last_payment_error":null,"latest_charge":null,"livemode":false,"metadata":{"order":"ORDER-1"},"next_action":null,"on_behalf_of":null,"payment_method":null,"payment_method_configuration_details":null,"payment_method_options":{"card_present":{"request_extended_authorization":false,"request_incremental_authorization_support":false}},"payment_method_types":["card_present"],"processing":null,"receipt_email":null,"review":null,"setup_future_usage":null,"shipping":null,"source":null,"statement_descriptor":null,"statement_descriptor_suffix":null,"status":"requires_payment_method","transfer_data":null,"transfer_group":null}""");

    /// <summary>A SUNBAY webhook body of about 1 KiB (the query's data object, padded with a longer attach).</summary>
    public static readonly byte[] WebhookBody = Encoding.UTF8.GetBytes(
        WebhookJson(SunbayEnvelopes.TransactionDetailJson));

    private static string WebhookJson(string detail)
    {
        const string Attach = "\"attach\":\"{\\\"table\\\":12,\\\"waiter\\\":\\\"Ann\\\"}\"";
        var at = detail.IndexOf(Attach, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException("The canned transaction has no attach to pad.");
        }

        var padded = "\"attach\":\"" + new string('x', Math.Max(0, 1024 - detail.Length + Attach.Length - 11)) + "\"";
        return detail[..at] + padded + detail[(at + Attach.Length)..];
    }

    /// <summary>A Stripe event of the same size as <see cref="WebhookBody"/>.</summary>
    public static string StripeEvent(string apiVersion)
    {
        var head = "{\"id\":\"evt_3QbenchXXXXXXXXXXXXXXXX\",\"object\":\"event\",\"api_version\":\"" + apiVersion + "\",\"created\":1767225600,\"data\":{\"object\":{\"id\":\"pi_3QbenchXXXXXXXXXXXXXXXX\",\"object\":\"payment_intent\",\"amount\":1000,\"amount_received\":1000,\"capture_method\":\"automatic\",\"created\":1767225600,\"currency\":\"usd\",\"description\":\"Coffee and a croissant\",\"livemode\":false,\"metadata\":{\"order\":\"ORDER-1\",\"note\":\"";
        var tail = "\"},\"payment_method_types\":[\"card_present\"],\"status\":\"succeeded\"}},\"livemode\":false,\"pending_webhooks\":1,\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"payment_intent.succeeded\"}";
        var pad = Math.Max(0, WebhookBody.Length - head.Length - tail.Length);
        return head + new string('x', pad) + tail;
    }
}
