using System.Text;

namespace Sunbay.Client.Benchmarks;

/// <summary>Canned answers of the loopback server: SUNBAY envelopes and Stripe-shaped objects.</summary>
internal static class Canned
{
    public const string AppId = "bench_app_0001";
    public const string MerchantId = "M0000000001";
    public const string TerminalSn = "BENCH-T1";
    public const string ApiKey = "sk_test_bench_4f1c9e2b7a6d3058";
    public const string TransactionId = "TX20260101000000000001";
    public const string PaymentIntentId = "pi_3QbenchXXXXXXXXXXXXXXXX";

    public static readonly byte[] SaleResponse = Encoding.UTF8.GetBytes(
        """{"code":"0","msg":"Success","traceId":"a1b2c3d4e5f60718293a4b5c6d7e8f90","data":{"transactionId":"TX20260101000000000001","transactionStatus":"P","referenceOrderId":"ORDER-1","transactionRequestId":"0f8e7d6c5b4a39281706f5e4d3c2b1a0"}}""");

    public static readonly string TransactionDetailJson =
        """{"transactionId":"TX20260101000000000001","transactionRequestId":"0f8e7d6c5b4a39281706f5e4d3c2b1a0","referenceOrderId":"ORDER-1","transactionStatus":"S","transactionType":"SALE","amount":{"priceCurrency":"USD","transAmount":1150,"orderAmount":1000,"taxAmount":0,"surchargeAmount":0,"tipAmount":150,"cashbackAmount":0},"createTime":"2026-01-01T10:00:00+08:00","completeTime":"2026-01-01T10:00:07+08:00","maskedPan":"411111******1111","cardNetworkType":"CREDIT","paymentMethodId":"CARD","subPaymentMethodId":"VISA","batchNo":"000123","voucherNo":"000456","stan":"000789","rrn":"601010000123","authCode":"A1B2C3","entryMode":"CONTACTLESS","authenticationMethod":"NOT_AUTHENTICATED","transactionResultCode":"000","transactionResultMsg":"Approved","terminalSn":"BENCH-T1","description":"Coffee and a croissant","attach":"table=12;waiter=Ann","transactionBatchStatus":"N"}""";

    public static readonly byte[] QueryResponse = Encoding.UTF8.GetBytes(
        """{"code":"0","msg":"Success","traceId":"a1b2c3d4e5f60718293a4b5c6d7e8f90","data":""" + TransactionDetailJson + "}");

    public static readonly byte[] PaymentIntent = Encoding.UTF8.GetBytes(
        """{"id":"pi_3QbenchXXXXXXXXXXXXXXXX","object":"payment_intent","amount":1000,"amount_capturable":0,"amount_details":{"tip":{}},"amount_received":0,"application":null,"application_fee_amount":null,"automatic_payment_methods":null,"canceled_at":null,"cancellation_reason":null,"capture_method":"automatic","client_secret":"pi_3QbenchXXXXXXXXXXXXXXXX_secret_abcdefghijklmnopqrstuvwxy","confirmation_method":"automatic","created":1767225600,"currency":"usd","customer":null,"description":"Coffee and a croissant","last_payment_error":null,"latest_charge":null,"livemode":false,"metadata":{"order":"ORDER-1"},"next_action":null,"on_behalf_of":null,"payment_method":null,"payment_method_configuration_details":null,"payment_method_options":{"card_present":{"request_extended_authorization":false,"request_incremental_authorization_support":false}},"payment_method_types":["card_present"],"processing":null,"receipt_email":null,"review":null,"setup_future_usage":null,"shipping":null,"source":null,"statement_descriptor":null,"statement_descriptor_suffix":null,"status":"requires_payment_method","transfer_data":null,"transfer_group":null}""");

    /// <summary>A SUNBAY webhook body of about 1 KiB (the query's data object, padded with a longer attach).</summary>
    public static readonly byte[] WebhookBody = Encoding.UTF8.GetBytes(
        TransactionDetailJson.Replace("\"attach\":\"table=12;waiter=Ann\"", "\"attach\":\"" + new string('x', 1024 - TransactionDetailJson.Length + 18) + "\"", StringComparison.Ordinal));

    /// <summary>A Stripe event of the same size as <see cref="WebhookBody"/>.</summary>
    public static string StripeEvent(string apiVersion)
    {
        var head = "{\"id\":\"evt_3QbenchXXXXXXXXXXXXXXXX\",\"object\":\"event\",\"api_version\":\"" + apiVersion + "\",\"created\":1767225600,\"data\":{\"object\":{\"id\":\"pi_3QbenchXXXXXXXXXXXXXXXX\",\"object\":\"payment_intent\",\"amount\":1000,\"amount_received\":1000,\"capture_method\":\"automatic\",\"created\":1767225600,\"currency\":\"usd\",\"description\":\"Coffee and a croissant\",\"livemode\":false,\"metadata\":{\"order\":\"ORDER-1\",\"note\":\"";
        var tail = "\"},\"payment_method_types\":[\"card_present\"],\"status\":\"succeeded\"}},\"livemode\":false,\"pending_webhooks\":1,\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"payment_intent.succeeded\"}";
        var pad = Math.Max(0, WebhookBody.Length - head.Length - tail.Length);
        return head + new string('x', pad) + tail;
    }
}
