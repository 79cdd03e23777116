#pragma warning disable CA2007, CA1707, IDE0008 // README snippets, kept verbatim: they are read, not run.
using System.Text.Json.Serialization;
using Sunbay.Client.Pipeline;

namespace ExamplePay.Readme;

// The C# snippet of the README's "Writing a third provider" section, verbatim, compiled in this project, which sees only
// the core's public surface (ReadmeTests in Sunbay.Client.Tests reads this file too: edit both together).

// Its dialect: authentication (and, when it has one, its error document). Everything else a call needs is the pipeline's.
public sealed class AcmeDialect() : PaymentsProviderDialect("acme", "Acme Pay")
{
    public override void Authenticate(HttpRequestMessage request, string apiKey) =>
        request.Headers.Authorization = new("Bearer", apiKey);
}

// Its operations, with source-generated JSON metadata (trimming and Native AOT keep it), and its calls.
public static class AcmeApi
{
    private static readonly PaymentsEndpoint<PaymentWire> Start =
        PaymentsEndpoint.Post("start-payment", "payments", AcmeJson.Default.PaymentBody, AcmeJson.Default.PaymentWire);

    private static readonly PaymentsEndpoint<PaymentWire> Get =
        PaymentsEndpoint.Get("get-payment", "payments/{id}", AcmeJson.Default.PaymentWire);

    // One pipeline a client: address, key, time limits and retries (a test passes its own handler and clock).
    public static PaymentsPipeline Create(Uri address, string key) =>
        new(new AcmeDialect(), new PaymentsPipelineOptions { BaseAddress = address, ApiKey = key });

    public static async Task<PaymentWire> PayAsync(PaymentsPipeline pipeline, PaymentBody body, CancellationToken ct)
    {
        PaymentWire started = await pipeline.SendAsync(Start, body, idempotencyKey: body.IdempotencyKey, cancellationToken: ct);
        return await pipeline.SendAsync(Get, pathValues: [started.Id], cancellationToken: ct);
    }
}

/// <summary>The snippet's JSON context: Example Pay's documents under Acme's name.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PaymentBody))]
[JsonSerializable(typeof(PaymentWire))]
internal sealed partial class AcmeJson : JsonSerializerContext;
