using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Testing;
using Sunbay.Client.Tests.Telemetry;
using Sunbay.Client.Webhooks;

using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Webhooks;

/// <summary>
/// The whole loop through real HTTP: the fake SUNBAY cloud finishes a sale on its terminal and posts the signed
/// webhook to a receiver built with MapSunbayWebhooks, which verifies it and completes the operation waiting in the
/// same process, before its next poll; tampered and duplicate deliveries are counted and processed never or once.
/// </summary>
[Collection(TelemetryTestGroup.Name)]
public sealed class WebhookEndToEndTests
{
    [Fact]
    public async Task A_verified_webhook_completes_the_wait_and_each_delivery_is_counted()
    {
        // Real "now", moved by hand: the receiver checks webhook timestamps against the same clock.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var deliveries = new MetricCollector<long>(null, "Sunbay.Client", "sunbay.client.webhook.deliveries");
        await using var host = FakeSunbayHost.Start(new FakeSunbayHostOptions { TimeProvider = time, WebhookRetryDelay = TimeSpan.FromMilliseconds(1) });

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSunbayClient(o =>
        {
            host.ConfigureClient(o);

            // The next poll is far away: only the webhook can complete the wait in time.
            o.Polling.InitialInterval = TimeSpan.FromMinutes(1);
            o.Polling.MaxInterval = TimeSpan.FromMinutes(1);
        });
        builder.Services.AddSunbayWebhooks(o => o.Secrets.Add(host.WebhookSecrets[0]));
        await using var app = builder.Build();
        var handled = new List<TransactionNotification>();
        app.MapSunbayWebhooks("/webhooks/sunbay", (n, _) =>
        {
            lock (handled)
            {
                handled.Add(n);
            }

            return Task.CompletedTask;
        });
        await app.StartAsync();
        var notifyUrl = new Uri(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/webhooks/sunbay").ToString();
        var sunbay = app.Services.GetRequiredService<ISunbayClient>();

        host.Webhooks.DuplicateNext(1);
        var sale = await sunbay.StartSaleAsync(new SaleRequest { Amount = 1200, Currency = "USD", ReferenceOrderId = "ORDER-WH-1", Description = "Webhook", NotifyUrl = notifyUrl });
        var wait = sale.WaitForCompletionAsync();
        await FakeTimeExtensions.WaitUntilAsync(() => host.Journal.Any(r => r.Endpoint == FakeEndpoint.Query));

        time.Advance(TimeSpan.FromSeconds(2));        // the cardholder taps: the fake posts the webhook
        var result = await wait.WaitAsync(TimeSpan.FromSeconds(20));
        await host.Webhooks.WhenIdleAsync();

        // A forged delivery: signed with the right secret, then altered.
        var forged = new SunbayWebhookSigner(host.WebhookSecrets[0], time).Sign(result);
        var tampered = forged.BodyText.Replace("1200", "1", StringComparison.Ordinal);
        using var http = new HttpClient();
        using var request = new SunbayWebhookMessage(System.Text.Encoding.UTF8.GetBytes(tampered), forged.Headers).ToHttpRequestMessage(new Uri(notifyUrl));
        using var answer = await http.SendAsync(request);
        await app.StopAsync();

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, answer.StatusCode);

        Assert.True(result.IsApproved);
        Assert.Single(host.Journal, r => r.Endpoint == FakeEndpoint.Query); // completed by the webhook, not by a second poll
        Assert.Single(handled);
        var outcomes = deliveries.GetMeasurementSnapshot().Select(m => m.Tags["sunbay.webhook.outcome"]?.ToString()).ToList();
        Assert.Contains("rejected", outcomes);
        Assert.Contains("processed", outcomes);
        Assert.Contains("duplicate", outcomes);
        Assert.Contains(deliveries.GetMeasurementSnapshot(), m => m.Tags.TryGetValue("sunbay.webhook.reason", out var r) && r?.ToString() == nameof(SunbayWebhookFailureReason.BadSignature));
    }
}
