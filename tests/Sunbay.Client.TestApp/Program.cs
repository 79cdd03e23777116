using System.Text.Json.Serialization;
using Sunbay.Client;
using Sunbay.Client.Payments;
using Sunbay.Client.Payments.Durability;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSunbayClient(builder.Configuration.GetSection("Sunbay"));
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, CheckoutJson.Default));

// The crash tests run this app as a child process with a Redis journal (Durable:Redis) and kill it with SIGKILL.
var journal = builder.Configuration["Durable:Redis"];
if (journal is not null)
{
    builder.Services.AddCardPayments(o => o.Provider = "sunbay");
    builder.Services.AddPaymentsRedis(journal, o => o.JournalKeyPrefix = builder.Configuration["Durable:Prefix"] ?? "sunbay:journal:");
    builder.Services.AddSingleton(new OutcomeFile(builder.Configuration["Durable:Outcomes"] ?? throw new InvalidOperationException("Durable:Outcomes is required.")));
    builder.Services.AddCardPaymentRecovery<OutcomeFileHandler>(o =>
    {
        o.RecoveryInterval = TimeSpan.FromSeconds(1);
        o.MinimumAge = TimeSpan.Zero;
        o.DeliveryLease = TimeSpan.FromSeconds(10);
    });
}

var app = builder.Build();

// Charges the order on the store's terminal and answers once the cardholder is done.
app.MapPost("/checkout", async (string order, long amount, ISunbayClient sunbay, CancellationToken cancellationToken) =>
{
    var sale = await sunbay.StartSaleAsync(new SaleRequest { Amount = amount, Currency = "USD", ReferenceOrderId = order, Description = "Checkout " + order }, cancellationToken);
    var result = await sale.WaitForCompletionAsync(cancellationToken);
    return Results.Ok(new CheckoutResult(order, result.Status.ToString(), result.ResultCode, result.TransactionId));
});

if (journal is not null)
{
    // Starts a journaled payment and answers its idempotency key at once, without waiting for the cardholder.
    app.MapPost("/durable/start", async (string order, long amount, ICardPayments payments, CancellationToken cancellationToken) =>
    {
        var operation = await payments.StartPaymentAsync(new CardPaymentRequest { Amount = Money.FromMinorUnits(amount, "USD"), MerchantReference = order }, cancellationToken);
        return Results.Text(operation.Id);
    });
}

app.Run();

/// <summary>What the checkout answers.</summary>
/// <param name="Order">The order.</param>
/// <param name="Status">The payment's final status.</param>
/// <param name="ResultCode">The card network's result code (000 approved).</param>
/// <param name="TransactionId">SUNBAY's transaction ID.</param>
internal sealed record CheckoutResult(string Order, string Status, string? ResultCode, string? TransactionId);

/// <summary>Source-generated JSON for the answers (the app runs where reflection-based JSON is off).</summary>
[JsonSerializable(typeof(CheckoutResult))]
internal sealed partial class CheckoutJson : JsonSerializerContext;

/// <summary>The file the outcome handler appends to: one line per delivery, read by the crash tests.</summary>
/// <param name="Path">The file.</param>
internal sealed record OutcomeFile(string Path);

/// <summary>The application's "payment finished" logic: one line per delivered outcome (key, status, source, process).</summary>
internal sealed class OutcomeFileHandler(OutcomeFile file) : ICardPaymentOutcomeHandler
{
    public async Task HandleAsync(CardPaymentResolution resolution, CancellationToken cancellationToken)
    {
        var status = resolution.Outcome?.Status.ToString() ?? "NotReceived";
        await File.AppendAllTextAsync(file.Path, $"{resolution.IdempotencyKey} {status} {resolution.Source} {Environment.ProcessId}\n", cancellationToken);
    }
}

/// <summary>The entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
