// Receives SUNBAY transaction webhooks at /webhooks/sunbay.
//
//   Sunbay__Webhooks__Secrets__0=<your webhook signing secret> ASPNETCORE_URLS=http://0.0.0.0:8080 dotnet run
//
// During a secret rotation set Sunbay__Webhooks__Secrets__1 to the previous secret as well. Give SUNBAY the public
// HTTPS URL of this route as notifyUrl (terminate TLS at your proxy or configure Kestrel with a certificate).
using Sunbay.Samples.WebhookReceiver;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSunbayWebhooks(builder.Configuration.GetSection("Sunbay:Webhooks"));

var app = builder.Build();
var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Sunbay.Samples.WebhookReceiver");

// Runs once per notification: duplicates and re-deliveries are answered 200 without reaching it.
app.MapSunbayWebhooks("/webhooks/sunbay", (notification, cancellationToken) =>
{
    var transaction = notification.Transaction;
    ReceiverLog.Received(logger, notification.ClientRequestId, transaction.TransactionRequestId, transaction.TransactionId, transaction.Type.Value, transaction.Status, transaction.Amount?.ToString());
    return Task.CompletedTask;
});

app.MapGet("/", () => "SUNBAY webhook receiver: POST /webhooks/sunbay");

app.Run();
