using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Http;

public sealed class ClockAndRotationTests
{
    [Fact]
    public async Task A_rejected_timestamp_is_reported_as_clock_skew_with_the_measured_offset()
    {
        var time = TestClients.Clock();
        var stub = new StubHandler().Then(_ =>
        {
            var response = StubHandler.Json("""{"code":"C17","msg":"Invalid X-Timestamp: outside the allowed window","traceId":"tr-skew"}""");
            response.Headers.Date = time.GetUtcNow().AddMinutes(15);
            return response;
        });
        using var client = TestClients.Create(stub, time);

        var error = await Assert.ThrowsAsync<SunbayClockSkewException>(() => client.StartSaleAsync(TestClients.Sale()));

        Assert.Equal(TimeSpan.FromMinutes(15), error.MeasuredOffset);
        Assert.Contains("900 s behind", error.Message, StringComparison.Ordinal);
        Assert.Equal("C17", error.Code);
        Assert.IsAssignableFrom<SunbayApiException>(error);
    }

    [Fact]
    public async Task Other_parameter_errors_are_not_clock_skew()
    {
        var stub = new StubHandler().Then(_ => StubHandler.Json("""{"code":"C17","msg":"terminalSn is invalid","traceId":"t"}"""));
        using var client = TestClients.Create(stub);

        var error = await Assert.ThrowsAsync<SunbayApiException>(() => client.StartSaleAsync(TestClients.Sale()));

        Assert.IsNotType<SunbayClockSkewException>(error);
    }

    [Fact]
    public async Task Retry_after_is_honoured_on_a_query()
    {
        var time = TestClients.VirtualClock();
        var sentAt = new List<DateTimeOffset>();
        var stub = new StubHandler()
            .Then(_ =>
            {
                sentAt.Add(time.GetUtcNow());
                var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
                return response;
            })
            .Then(_ =>
            {
                sentAt.Add(time.GetUtcNow());
                return StubHandler.Json(StubHandler.Query("ra-1", "S"));
            });
        using var client = TestClients.Create(stub, time);

        var result = await time.RunUntilAsync(client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("ra-1")), TimeSpan.FromMinutes(1));

        Assert.True(result.IsApproved);
        Assert.Equal(2, sentAt.Count);
        Assert.InRange(sentAt[1] - sentAt[0], TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task A_key_changed_in_configuration_is_used_by_the_next_request_without_restart()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Query("rot-1", "S")));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sunbay:ApiKey"] = "sk_test_old_key",
            ["Sunbay:AppId"] = "app",
            ["Sunbay:MerchantId"] = "M6",
            ["Sunbay:BaseAddress"] = "http://127.0.0.1:5994/",
        }).Build();
        var services = new ServiceCollection();
        services.AddSunbayClient(configuration.GetSection("Sunbay")).HttpClient.ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ISunbayClient>();

        await client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("rot-1"));
        configuration["Sunbay:ApiKey"] = "sk_test_new_key";
        configuration.Reload();
        await client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("rot-1"));

        Assert.Equal("Bearer sk_test_old_key", stub.Calls[0].Headers["Authorization"]);
        Assert.Equal("Bearer sk_test_new_key", stub.Calls[1].Headers["Authorization"]);
    }
}
