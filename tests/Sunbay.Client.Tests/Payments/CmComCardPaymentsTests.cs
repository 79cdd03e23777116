using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client.CmCom;
using Sunbay.Client.Payments;
using Sunbay.Client.Testing;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Payments;

/// <summary>
/// What is CM.com's own behind <see cref="ICardPayments"/>: the operation ID that holds the terminal, the receipt text,
/// a payment aborted by a newer one, and the choice between both providers registered in one container.
/// </summary>
public sealed class CmComCardPaymentsTests
{
    [Fact]
    public async Task The_id_names_terminal_and_transaction_and_resumes_after_a_restart_with_the_receipt()
    {
        await using var fixture = new CmComCardPaymentsFixture();
        var purchase = await fixture.Payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(98.75m, "EUR"), MerchantReference = "inv2112280004" });
        var paid = await fixture.RunAsync(purchase.WaitForCompletionAsync());

        var resumed = await fixture.RunAsync(fixture.Payments.GetOperation(purchase.Id).WaitForCompletionAsync());

        Assert.Equal($"{fixture.Terminal.Id}/{paid.ProviderTransactionId}", purchase.Id);
        Assert.Equal(fixture.Terminal.Id, paid.Terminal);
        Assert.Equal(fixture.Host.FindTransaction(paid.ProviderTransactionId!)!.Receipt, paid.Receipt);
        Assert.False(string.IsNullOrEmpty(paid.Receipt));
        Assert.Equal(paid.ProviderTransactionId, resumed.ProviderTransactionId);
        Assert.Equal(CardPaymentKind.Payment, resumed.Kind);
        Assert.Equal(new Money(98.75m, "EUR"), resumed.Amount);
    }

    [Theory]
    [InlineData("SUNMI-P2lite-FAKE0000001")]
    [InlineData("/abc")]
    [InlineData("SUNMI-P2lite-FAKE0000001/")]
    [InlineData("bad terminal/abc")]
    public async Task An_id_that_is_not_terminal_slash_transaction_is_refused_naming_id(string id)
    {
        await using var fixture = new CmComCardPaymentsFixture();

        var error = Assert.Throws<PaymentsValidationException>(() => fixture.Payments.GetOperation(id));

        Assert.Equal("id", error.Field);
        Assert.Empty(fixture.Host.Journal);
    }

    [Fact]
    public async Task A_payment_replaced_by_a_newer_one_on_its_terminal_ends_cancelled()
    {
        await using var fixture = new CmComCardPaymentsFixture();
        var first = await fixture.Payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(1m, "EUR"), MerchantReference = "POS-0A" });
        var second = await fixture.Payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(2m, "EUR"), MerchantReference = "POS-0B" });

        var aborted = await fixture.RunAsync(first.WaitForCompletionAsync());
        var paid = await fixture.RunAsync(second.WaitForCompletionAsync());

        Assert.Equal(CardPaymentStatus.Cancelled, aborted.Status);
        Assert.Equal(CardPaymentStatus.Approved, paid.Status);
    }

    [Fact]
    public async Task A_rule_of_cm_com_names_the_neutral_property_and_nothing_is_sent()
    {
        await using var fixture = new CmComCardPaymentsFixture();

        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => fixture.Payments.StartPaymentAsync(
            new CardPaymentRequest { Amount = new Money(1m, "EUR"), MerchantReference = "POS A/1" }));

        Assert.Equal(nameof(CardPaymentRequest.MerchantReference), error.Field);
        Assert.Empty(fixture.Host.Journal);
    }

    [Theory]
    [InlineData("cm", "cm")]
    [InlineData("sunbay", "sunbay")]
    [InlineData("CM:store-b", "cm")]
    public async Task With_both_clients_registered_configuration_chooses_the_provider(string configured, string expected)
    {
        await using var cm = FakeCmComHost.CreateInMemory(new FakeCmComHostOptions { TimeProvider = TestClients.VirtualClock() });
        var services = new ServiceCollection();
        services.AddSunbayClient(o =>
        {
            var test = TestClients.Options();
            (o.BaseAddress, o.ApiKey, o.AppId, o.MerchantId) = (test.BaseAddress, test.ApiKey, test.AppId, test.MerchantId);
        });
        CmComCardPaymentsFixture.AddFakeCmCom(services, cm);
        services.AddCmComClient("store-b", o => (o.BaseAddress, o.ApiKey, o.Terminal) = (cm.BaseAddress, cm.ApiKey, cm.Terminals[0].Id));
        services.AddCardPayments(o => o.Provider = configured);
        await using var provider = services.BuildServiceProvider();

        var payments = provider.GetRequiredService<ICardPayments>();

        Assert.Equal(expected, payments.Provider);
        Assert.Same(provider.GetRequiredKeyedService<ICardPayments>(configured.ToLowerInvariant()), payments);
        Assert.Equal("sunbay", provider.GetRequiredKeyedService<ICardPayments>("sunbay").Provider);
        Assert.Equal("cm", provider.GetRequiredKeyedService<ICardPayments>("cm").Provider);
    }

    [Fact]
    public async Task A_client_built_without_dependency_injection_offers_the_neutral_api()
    {
        var clock = TestClients.VirtualClock();
        await using var host = FakeCmComHost.CreateInMemory(new FakeCmComHostOptions { TimeProvider = clock });
        using var client = new CmComClient(
            new CmComClientOptions { BaseAddress = host.BaseAddress, ApiKey = host.ApiKey!, Terminal = host.Terminals[0].Id }, host.CreateHandler(), clock);

        var payments = client.AsCardPayments();
        var purchase = await payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(3m, "EUR"), MerchantReference = "POS-DIRECT" });
        var paid = await host.RunUntilAsync(purchase.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));

        Assert.Equal("cm", payments.Provider);
        Assert.Equal(CardPaymentStatus.Approved, paid.Status);
    }
}
