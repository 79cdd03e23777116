using System.Reflection;
using System.Runtime.CompilerServices;

namespace Sunbay.Client.Tests.PublicApi;

/// <summary>The API decisions recorded in CHANGELOG.md, checked so that they stay true.</summary>
public sealed class ApiShapeTests
{
    [Fact]
    public void The_client_is_sealed_and_offers_nothing_its_interface_lacks()
    {
        var client = typeof(SunbayClient);
        var map = client.GetInterfaceMap(typeof(ISunbayClient));
        var extra = client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && !map.TargetMethods.Contains(m) && m.Name != nameof(IDisposable.Dispose))
            .Select(m => m.Name);

        Assert.True(client.IsSealed);
        Assert.Empty(extra);
        Assert.DoesNotContain(client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly), m => m.IsVirtual && !m.IsFinal);
    }

    [Fact]
    public void The_operation_is_mockable_every_public_member_virtual_and_a_protected_constructor()
    {
        var operation = typeof(TransactionOperation);
        var notVirtual = operation.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsVirtual)
            .Select(m => m.Name);

        Assert.False(operation.IsSealed);
        Assert.Empty(notVirtual);
        Assert.Contains(operation.GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance), c => c.IsFamily && c.GetParameters().Length == 0);
        Assert.Empty(operation.GetConstructors());
    }

    [Theory]
    [InlineData(typeof(Transaction))]
    [InlineData(typeof(TransactionAmounts))]
    [InlineData(typeof(TipAdjustResult))]
    [InlineData(typeof(OpenBatch))]
    [InlineData(typeof(ClosedBatch))]
    [InlineData(typeof(Merchant))]
    [InlineData(typeof(Terminal))]
    [InlineData(typeof(ChannelId))]
    [InlineData(typeof(global::Sunbay.Client.Webhooks.TransactionNotification))]
    public void A_result_is_built_by_the_sdk_or_the_model_factory_only(Type result)
    {
        Assert.Empty(result.GetConstructors());
        Assert.DoesNotContain(result.GetProperties(), p => p.SetMethod?.IsPublic == true);
        Assert.Contains(typeof(SunbayModelFactory).GetMethods(), m => m.ReturnType == result);
    }

    [Theory]
    [InlineData(typeof(SunbayClient), "Sunbay.Client.Testing")]
    [InlineData(typeof(Sunbay.Client.Testing.FakeSunbayHost), null)]
    [InlineData(typeof(Sunbay.Client.AspNetCore.DistributedCacheWebhookDeduplicationStore), null)]
    [InlineData(typeof(Sunbay.Client.Redis.PaymentsRedisOptions), null)]
    [InlineData(typeof(Sunbay.Client.CmCom.CmComClient), "Sunbay.Client.Testing")]
    public void Internals_are_visible_to_test_projects_only_and_a_providers_to_its_fake(Type marker, string? fake)
    {
        // A provider package shows its wire kernel to the fake, which reads and writes the wire with it instead of
        // compiling a copy (issue 19: no source file in two shipped assemblies).
        var friends = marker.Assembly.GetCustomAttributes<InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName)
            .Where(name => !name.EndsWith(".Tests", StringComparison.Ordinal));

        Assert.Equal(fake is null ? [] : [fake], friends);
    }

    [Fact]
    public void The_core_shows_its_internals_only_to_the_provider_packages_the_fakes_and_tests()
    {
        // The surface a provider author needs is public (Sunbay.Client.Pipeline; tests/Sunbay.Client.ExampleProvider uses
        // nothing else); SUNBAY's and CM.com's packages still build on more of the core than that.
        string[] providers = ["Sunbay.Client", "Sunbay.Client.CmCom", "Sunbay.Client.Testing"];
        var friends = typeof(Sunbay.Client.Payments.ICardPayments).Assembly.GetCustomAttributes<InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName)
            .Where(name => !name.EndsWith(".Tests", StringComparison.Ordinal));

        Assert.Equal(providers, friends.Order(StringComparer.Ordinal));
    }
}
