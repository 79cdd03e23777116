using System.Net;
using System.Net.Http.Headers;
using System.Text;
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

    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData("utf-8")]
    [InlineData(null)]
    public async Task A_text_receipt_is_read_in_its_declared_charset_without_a_byte_order_mark(string? charset)
    {
        const string receipt = "Bäckerei Müller\nEUR 10,00\n";
        var encoding = Encoding.GetEncoding(charset ?? "utf-8");
        byte[] body = [.. encoding.Preamble, .. encoding.GetBytes(receipt)];
        var stub = new MerchantApiStub().Then(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = charset } } },
        });
        using var client = TestClients.Client(stub);

        var totals = await client.GetDayTotalsAsync();

        Assert.Equal(receipt, totals.Receipt);
    }

    [Fact]
    public async Task A_text_receipt_is_read_up_to_the_bound_of_any_answer()
    {
        // Every attempt of the GET (it is retried: a server may send a sane answer next time) gets the same answer.
        var stub = new MerchantApiStub();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            stub.Then(_ => MerchantApiStub.Answer(HttpStatusCode.OK, new string('x', 17 * 1024 * 1024), "text/plain"));
        }

        using var client = TestClients.Client(stub);

        var error = await Assert.ThrowsAsync<CmComTransportException>(() => client.GetDayTotalsAsync());

        Assert.Contains("16 MiB", error.ToString(), StringComparison.Ordinal);
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
