using System.Net;
using Sunbay.Client.CmCom.Tests.Support;

namespace Sunbay.Client.CmCom.Tests.Guide;

/// <summary>
/// Issue 20, point 6: "The day totals will be presented as a formatted receipt". An answer in another format is the
/// SDK's error, never an empty receipt a point of sale would print as the day's totals.
/// </summary>
public sealed class DayTotalsGuideTests
{
    [Theory]
    [InlineData("""{"totals":[{"currency":"EUR","value":10.00}]}""", "application/json")]
    [InlineData("""{"receipt":null}""", "application/json")]
    [InlineData("""{"receipt":"  "}""", "application/json")]
    [InlineData("", "text/plain")]
    public async Task Day_totals_without_a_receipt_are_an_error(string body, string mediaType)
    {
        var stub = new MerchantApiStub().Then(_ => MerchantApiStub.Answer(HttpStatusCode.OK, body, mediaType));
        using var client = TestClients.Client(stub);

        var error = await Assert.ThrowsAsync<CmComTransportException>(() => client.GetDayTotalsAsync());

        Assert.False(error.OutcomeUnknown);
        Assert.Equal(MerchantApiStub.Terminal, error.TerminalId);
        Assert.Contains("without a receipt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fakes_day_totals_are_a_receipt()
    {
        await using var host = Sunbay.Client.Testing.FakeCmComHost.CreateInMemory();
        var options = new CmComClientOptions { BaseAddress = host.BaseAddress, ApiKey = host.ApiKey!, Terminal = Reliability.FakeHostTest.Terminal };
        using var client = new CmComClient(options, host.CreateHandler(), TimeProvider.System);

        var totals = await client.GetDayTotalsAsync();

        Assert.False(string.IsNullOrWhiteSpace(totals.Receipt));
    }
}
