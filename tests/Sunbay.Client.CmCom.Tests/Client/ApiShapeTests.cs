using System.Reflection;

namespace Sunbay.Client.CmCom.Tests.Client;

/// <summary>The same API decisions as the SUNBAY client's, checked so that they stay true.</summary>
public sealed class ApiShapeTests
{
    [Fact]
    public void The_client_is_sealed_and_offers_nothing_its_interface_lacks()
    {
        var client = typeof(CmComClient);
        var map = client.GetInterfaceMap(typeof(ICmComClient));
        var extra = client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && !map.TargetMethods.Contains(m) && m.Name != nameof(IDisposable.Dispose))
            .Select(m => m.Name);

        Assert.True(client.IsSealed);
        Assert.Empty(extra);
    }

    [Fact]
    public void The_operation_is_mockable_every_public_member_virtual_and_a_protected_constructor()
    {
        var operation = typeof(CmComTransactionOperation);

        Assert.DoesNotContain(operation.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly), m => !m.IsVirtual);
        Assert.Contains(operation.GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance), c => c.IsFamily && c.GetParameters().Length == 0);
        Assert.Empty(operation.GetConstructors());
    }

    [Theory]
    [InlineData(typeof(CmComTransaction))]
    [InlineData(typeof(CmComApiKey))]
    [InlineData(typeof(CmComNewApiKey))]
    public void A_result_is_built_by_the_sdk_or_the_model_factory_only(Type result)
    {
        Assert.Empty(result.GetConstructors());
        Assert.DoesNotContain(result.GetProperties(), p => p.SetMethod?.IsPublic == true);
        Assert.Contains(typeof(CmComModelFactory).GetMethods(), m => m.ReturnType == result);
    }

    [Fact]
    public void Every_exception_is_one_of_the_sdks_so_one_catch_serves_both_providers()
    {
        var exceptions = typeof(CmComClient).Assembly.GetExportedTypes().Where(t => typeof(Exception).IsAssignableFrom(t));

        Assert.All(exceptions, e => Assert.True(typeof(PaymentsException).IsAssignableFrom(e), e.Name));
        Assert.True(typeof(PaymentsTransportException).IsAssignableFrom(typeof(CmComTransportException)));
        Assert.True(typeof(PaymentsApiException).IsAssignableFrom(typeof(CmComAuthenticationException)));
    }
}
