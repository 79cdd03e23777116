using Sunbay.Samples.Console;

namespace Sunbay.Samples.Tests;

/// <summary>
/// <c>neutral</c>: the same payment, wait and refund through <see cref="Sunbay.Client.Payments.ICardPayments"/> on both
/// providers' fakes, with the outcome's receipt facts printed as each provider reports them.
/// </summary>
public sealed class NeutralSampleTests
{
    [Fact]
    public async Task Neutral_pays_and_refunds_through_ICardPayments_on_SUNBAY()
    {
        await using var fake = SampleRun.StartFake();

        var (exitCode, output) = await SampleRun.RunAsync(fake, SampleRun.FastPolling(), "neutral");

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.Contains("→ Payment of 10.00 USD through ICardPayments, provider sunbay", output, StringComparison.Ordinal);
        Assert.Contains("✔ Payment approved.", output, StringComparison.Ordinal);
        Assert.Contains("✔ Refund approved.", output, StringComparison.Ordinal);
        Assert.Contains("result 000 Approved", output, StringComparison.Ordinal);
        Assert.Contains("card (for the receipt): VISA 411111****1111", output, StringComparison.Ordinal);
        var sale = Assert.Single(fake.Transactions, t => t.Type == "SALE");
        var refund = Assert.Single(fake.Transactions, t => t.Type == "REFUND");
        Assert.Equal(sale.TransactionId, refund.OriginalTransactionId);
    }

    [Fact]
    public async Task Neutral_pays_and_refunds_through_ICardPayments_on_CM_com_with_the_same_code()
    {
        await using var fake = SampleRun.StartCmComFake();

        var (exitCode, output) = await SampleRun.RunAsync(null, fake, SampleRun.FastCmComPolling(), "--provider", "cm", "neutral");

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.Contains("→ Payment of 10.00 EUR through ICardPayments, provider cm", output, StringComparison.Ordinal);
        Assert.Contains("✔ Payment approved.", output, StringComparison.Ordinal);
        Assert.Contains("✔ Refund approved.", output, StringComparison.Ordinal);
        Assert.Contains("result APPROVED, authorisation (none)", output, StringComparison.Ordinal);
        Assert.Contains("card (for the receipt): V_PAY", output, StringComparison.Ordinal);
        var purchase = Assert.Single(fake.Transactions, t => t.Type == "PURCHASE");
        var refund = Assert.Single(fake.Transactions, t => t.Type == "REFUND");
        Assert.Equal(purchase.Id, refund.ReferenceId);
    }

    [Fact]
    public async Task A_declined_neutral_payment_says_why_and_refunds_nothing()
    {
        await using var fake = SampleRun.StartFake();

        var (exitCode, output) = await SampleRun.RunAsync(fake, SampleRun.FastPolling(), "neutral", "--amount", "9823");

        Assert.Equal(ExitCodes.Declined, exitCode);
        Assert.Contains("✘ Payment Declined (result ", output, StringComparison.Ordinal);
        Assert.Contains("No refund: nothing was charged.", output, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Transactions, t => t.Type == "REFUND");
    }

    [Theory]
    [InlineData("neutral", "--help")]
    [InlineData("--provider", "cm", "neutral", "--help")]
    public async Task Neutral_has_its_own_help_on_either_provider(params string[] args)
    {
        var (exitCode, output) = await SampleRun.RunAsync(null, cmFake: null, new Dictionary<string, string?>(), args);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("neutral: a payment, its wait and a referenced refund through the provider-neutral ICardPayments", output, StringComparison.Ordinal);
        Assert.Contains("CardPayments__Provider", output, StringComparison.Ordinal);
    }
}
