using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sunbay.Client.Testing;
using Sunbay.Client.Tests.Support;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client.Tests.Observability;

/// <summary>
/// Runs an integration scenario end to end, with every log at Trace level captured (the SDK's, the HTTP client
/// factory's, ASP.NET Core's): sales and refunds, a decline, webhooks verified and tampered, validation, business and
/// transport errors, a key rotation. Then no log line, exception message or <c>ToString()</c> may contain the API key,
/// a webhook secret or the full card number the merchant carelessly put in <c>attach</c>.
/// </summary>
public sealed class SecretSafetyTests
{
    private const string CardNumber = "4111111111111111";

    [Fact]
    public async Task No_secret_or_card_number_appears_in_logs_exceptions_or_strings()
    {
        var logs = new CapturingLoggerProvider();
        var texts = new List<string>();
        await using var host = FakeSunbayHost.Start(new FakeSunbayHostOptions { CardPresentDelay = TimeSpan.FromMilliseconds(50), WebhookRetryDelay = TimeSpan.FromMilliseconds(10) });
        var secrets = host.WebhookSecrets.Concat([host.ApiKey!, "sk_test_rotated_secret_0002"]).ToList();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        builder.Services.AddSunbayClient(o =>
        {
            host.ConfigureClient(o);
            o.Retry.BaseDelay = TimeSpan.Zero;
            o.Polling.InitialInterval = TimeSpan.FromMilliseconds(50);
            o.Polling.MaxInterval = TimeSpan.FromMilliseconds(50);
        });
        builder.Services.AddSunbayWebhooks(o =>
        {
            foreach (var secret in host.WebhookSecrets)
            {
                o.Secrets.Add(secret);
            }
        });
        await using var app = builder.Build();
        var received = new List<TransactionNotification>();
        app.MapSunbayWebhooks("/webhooks/sunbay", (n, _) =>
        {
            lock (received)
            {
                received.Add(n);
            }

            return Task.CompletedTask;
        });
        await app.StartAsync();
        var notifyUrl = new Uri(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/webhooks/sunbay").ToString();
        var sunbay = app.Services.GetRequiredService<ISunbayClient>();
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<SunbayClientOptions>>().CurrentValue;

        async Task Expect<TException>(Func<Task> act)
            where TException : Exception
        {
            var error = await Assert.ThrowsAnyAsync<TException>(act);
            texts.Add(error.ToString());
        }

        // A sale completed by webhook, and its refund.
        var sale = new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-SAFE-1", Description = "Safety", Attach = $"{{\"card\":\"{CardNumber}\"}}", NotifyUrl = notifyUrl };
        var paid = await (await sunbay.StartSaleAsync(sale)).WaitForCompletionAsync();
        var refund = await (await sunbay.StartRefundAsync(RefundRequest.For(paid) with { NotifyUrl = notifyUrl })).WaitForCompletionAsync();
        texts.AddRange([sale.ToString(), paid.ToString(), refund.ToString(), options.ToString()]);
        Assert.Contains("411111******1111", sale.ToString(), StringComparison.Ordinal);

        // A decline, a tampered webhook, a validation error, a business error.
        host.Webhooks.TamperNext();
        var declined = await (await sunbay.StartSaleAsync(sale with { Amount = 9823, ReferenceOrderId = "ORDER-SAFE-2" })).WaitForCompletionAsync();
        texts.Add(declined.ToString());
        await Expect<PaymentsValidationException>(() => sunbay.StartSaleAsync(sale with { Currency = "usd" }));
        await Expect<SunbayApiException>(() => sunbay.StartVoidAsync(new VoidRequest { OriginalTransactionId = "0000000000000000" }));

        // Transport failures, with and without an outcome.
        host.Faults.Enqueue(FakeEndpoint.Sale, FakeFault.DropAfterRecording);
        await Expect<SunbayTransportException>(() => sunbay.StartSaleAsync(sale with { ReferenceOrderId = "ORDER-SAFE-3" }));
        host.Faults.Enqueue(FakeEndpoint.Query, FakeFault.ServerErrorHtml, count: 10);
        await Expect<SunbayTransportException>(() => sunbay.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("missing")));
        host.Faults.Clear();

        // The key is rotated at SUNBAY but not here: authentication errors.
        host.ApiKey = "sk_test_rotated_secret_0002";
        await Expect<SunbayApiException>(() => sunbay.GetTransactionAsync(TransactionLookup.ByTransactionRequestId(paid.TransactionRequestId)));

        // Webhook verification failures, and the signer and options themselves.
        var verifier = new SunbayWebhookVerifier(new SunbayWebhookOptions { Secrets = { host.WebhookSecrets[0] } });
        var signed = new SunbayWebhookSigner("whsec_wrong_but_secret_too").Sign(paid);
        await Expect<SunbayWebhookException>(() => Task.FromResult(verifier.Verify(signed.Headers, signed.Body.Span)));
        secrets.Add("whsec_wrong_but_secret_too");
        texts.AddRange([verifier.ToString()!, new SunbayWebhookSigner(host.WebhookSecrets[0]).ToString(), new SunbayWebhookOptions { Secrets = { host.WebhookSecrets[0] } }.ToString(), signed.ToString()]);

        await host.Webhooks.WhenIdleAsync();
        await app.StopAsync();

        Assert.True(received.Count >= 2, $"expected the sale and refund webhooks, got {received.Count}");
        Assert.Contains(logs.Lines, l => l.Contains("Rejected a SUNBAY webhook", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.True(logs.Lines.Count > 50, $"only {logs.Lines.Count} log lines were captured");
        foreach (var text in logs.Lines.Concat(texts))
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(CardNumber, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Bearer sk_", text, StringComparison.Ordinal);
        }
    }
}
