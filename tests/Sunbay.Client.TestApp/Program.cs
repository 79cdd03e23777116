using System.Text.Json.Serialization;
using Sunbay.Client;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSunbayClient(builder.Configuration.GetSection("Sunbay"));
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, CheckoutJson.Default));

var app = builder.Build();

// Charges the order on the store's terminal and answers once the cardholder is done.
app.MapPost("/checkout", async (string order, long amount, ISunbayClient sunbay, CancellationToken cancellationToken) =>
{
    var sale = await sunbay.StartSaleAsync(new SaleRequest { Amount = amount, Currency = "USD", ReferenceOrderId = order, Description = "Checkout " + order }, cancellationToken);
    var result = await sale.WaitForCompletionAsync(cancellationToken);
    return Results.Ok(new CheckoutResult(order, result.Status.ToString(), result.ResultCode, result.TransactionId));
});

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

/// <summary>The entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
