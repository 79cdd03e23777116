using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sunbay.Client.Payments;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Payments;

/// <summary>
/// <c>AddCardPayments</c> serves <see cref="ICardPayments"/> from the provider configuration names, among the keyed
/// registrations of the provider packages, and refuses an unknown name at start-up with the names it knows.
/// </summary>
public sealed class CardPaymentsConfigurationTests
{
    private static IConfiguration Section(string? provider) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["CardPayments:Provider"] = provider })
        .Build()
        .GetSection("CardPayments");

    private static void ConfigureSunbay(SunbayClientOptions options)
    {
        var test = TestClients.Options();
        options.BaseAddress = test.BaseAddress;
        options.ApiKey = test.ApiKey;
        options.AppId = test.AppId;
        options.MerchantId = test.MerchantId;
    }

    private static void ConfigureCmCom(Sunbay.Client.CmCom.CmComClientOptions options)
    {
        options.BaseAddress = new Uri("https://cm.test/");
        options.ApiKey = "cm-test-key";
        options.Terminal = "SUNMI-P2lite-PL0919CQ00305";
    }

    private static ServiceCollection WithSunbay()
    {
        var services = new ServiceCollection();
        services.AddSunbayClient(ConfigureSunbay);
        return services;
    }

    [Fact]
    public async Task Sunbay_is_chosen_by_configuration_and_is_the_client_s_keyed_service()
    {
        var services = WithSunbay();
        services.AddCardPayments(Section("sunbay"));
        await using var provider = services.BuildServiceProvider();

        var payments = provider.GetRequiredService<ICardPayments>();

        Assert.Equal("sunbay", payments.Provider);
        Assert.Same(provider.GetRequiredKeyedService<ICardPayments>("sunbay"), payments);
        Assert.Same(payments, provider.GetRequiredService<ICardPayments>());
    }

    [Fact]
    public async Task The_name_is_matched_in_any_case_and_a_named_client_is_sunbay_colon_its_name()
    {
        var services = WithSunbay();
        services.AddSunbayClient("store-a", ConfigureSunbay);
        services.AddCardPayments(o => o.Provider = "SUNBAY:store-a");
        await using var provider = services.BuildServiceProvider();

        var payments = provider.GetRequiredService<ICardPayments>();

        Assert.Same(provider.GetRequiredKeyedService<ICardPayments>("sunbay:store-a"), payments);
        Assert.NotSame(provider.GetRequiredKeyedService<ICardPayments>("sunbay"), payments);
    }

    [Fact]
    public async Task An_unknown_provider_is_an_error_naming_it_and_the_registered_ones()
    {
        var services = WithSunbay();
        services.AddCardPayments(Section("adyen"));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ICardPayments>());

        Assert.Contains("CardPayments:Provider 'adyen' is not a registered card payment provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("registered: sunbay", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_provider_is_an_error_and_so_is_a_provider_nobody_registered()
    {
        var services = WithSunbay();
        services.AddCardPayments(Section(null));
        await using var withoutName = services.BuildServiceProvider();
        var alone = new ServiceCollection().AddCardPayments(Section("sunbay"));
        await using var withoutProviders = alone.BuildServiceProvider();

        var missing = Assert.Throws<OptionsValidationException>(() => withoutName.GetRequiredService<ICardPayments>());
        var unregistered = Assert.Throws<OptionsValidationException>(() => withoutProviders.GetRequiredService<ICardPayments>());

        Assert.Contains("CardPayments:Provider is required", missing.Message, StringComparison.Ordinal);
        Assert.Contains("registered: sunbay", missing.Message, StringComparison.Ordinal);
        Assert.Contains("'sunbay' is not a registered card payment provider", unregistered.Message, StringComparison.Ordinal);
        Assert.Contains("none is registered", unregistered.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_provider_stops_the_application_at_start_up()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSunbayClient(ConfigureSunbay);
        builder.Services.AddCardPayments(Section("cmcom"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("'cmcom'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_both_providers_registered_sunbay_configured_does_not_require_CM_com_settings()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSunbayClient(ConfigureSunbay);
        builder.Services.AddCmComClient(_ => { }); // no key, no terminal: not this application's provider
        builder.Services.AddCardPayments(Section("sunbay"));
        using var host = builder.Build();

        await host.StartAsync();

        Assert.Equal("sunbay", host.Services.GetRequiredService<ICardPayments>().Provider);
        await host.StopAsync();
    }

    [Fact]
    public async Task With_both_providers_registered_cm_configured_does_not_require_SUNBAY_settings()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSunbayClient(_ => { });
        builder.Services.AddCmComClient(ConfigureCmCom);
        builder.Services.AddCardPayments(Section("cm"));
        using var host = builder.Build();

        await host.StartAsync();

        Assert.Equal("cm", host.Services.GetRequiredService<ICardPayments>().Provider);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_configured_provider_s_settings_are_still_required_at_start_up_and_only_they_are_reported()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSunbayClient(ConfigureSunbay);
        builder.Services.AddCmComClient(_ => { });
        builder.Services.AddCardPayments(Section("cm"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("CmCom:ApiKey is required", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Sunbay:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_AddCardPayments_every_registered_client_is_validated_at_start_up()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSunbayClient(ConfigureSunbay);
        builder.Services.AddCmComClient(_ => { });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("CmCom:ApiKey is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_not_chosen_is_still_validated_when_the_application_resolves_it()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSunbayClient(ConfigureSunbay);
        builder.Services.AddCmComClient(_ => { });
        builder.Services.AddCardPayments(Section("sunbay"));
        using var host = builder.Build();
        await host.StartAsync();

        var error = Assert.ThrowsAny<Exception>(() => host.Services.GetRequiredService<Sunbay.Client.CmCom.ICmComClient>());

        Assert.Contains("CmCom:ApiKey is required", error.Message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_provider_from_another_package_is_a_keyed_service_registered_before_or_after_AddCardPayments()
    {
        var other = new OtherProvider();
        var services = new ServiceCollection();
        services.AddCardPayments(Section("cm"));
        services.AddSunbayClient(ConfigureSunbay);
        services.AddKeyedSingleton<ICardPayments>("cm", other);
        await using var provider = services.BuildServiceProvider();

        Assert.Same(other, provider.GetRequiredService<ICardPayments>());
    }

    [Fact]
    public async Task A_client_built_without_dependency_injection_has_the_same_view()
    {
        await using var host = Sunbay.Client.Testing.FakeSunbayHost.CreateInMemory(new() { TimeProvider = TestClients.VirtualClock() });
        using var client = host.CreateClient();
        var payments = client.AsCardPayments();

        var payment = await payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(3m, "USD"), MerchantReference = "ORDER-NODI-1" });
        var outcome = await host.RunUntilAsync(payment.WaitForCompletionAsync(), TimeSpan.FromMinutes(1));

        Assert.Equal("sunbay", payments.Provider);
        Assert.True(outcome.IsApproved);
    }

    /// <summary>What a provider package outside Sunbay.Client implements: public abstractions only.</summary>
    private sealed class OtherProvider : ICardPayments
    {
        public string Provider => "cm";

        public Task<CardPaymentOperation> StartPaymentAsync(CardPaymentRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<CardPaymentOperation> StartRefundAsync(CardRefundRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public CardPaymentOperation GetOperation(string id) => throw new NotSupportedException();
    }
}
