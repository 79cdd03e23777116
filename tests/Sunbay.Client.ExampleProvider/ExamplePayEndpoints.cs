using Sunbay.Client.Pipeline;

namespace ExamplePay;

/// <summary>Example Pay's operations.</summary>
internal static class ExamplePayEndpoints
{
    public static PaymentsEndpoint<PaymentWire> Start { get; } =
        PaymentsEndpoint.Post("start-payment", "payments", ExamplePayJson.Default.PaymentBody, ExamplePayJson.Default.PaymentWire);

    public static PaymentsEndpoint<PaymentWire> Get { get; } =
        PaymentsEndpoint.Get("get-payment", "payments/{id}", ExamplePayJson.Default.PaymentWire);

    public static PaymentsEndpoint<PaymentWire> FindByKey { get; } =
        PaymentsEndpoint.Get("find-payment", "idempotency-keys/{key}", ExamplePayJson.Default.PaymentWire);

    public static PaymentsEndpoint<PaymentWire> Cancel { get; } =
        PaymentsEndpoint.Send(HttpMethod.Post, "cancel-payment", "payments/{id}/cancel", ExamplePayJson.Default.PaymentWire);
}
