using System.Reflection;
using PublicApiGenerator;

namespace Sunbay.Client.Tests.PublicApi;

/// <summary>
/// The public API is the product: any change to it shows up here as a diff against the approved file, to be reviewed
/// and recorded in CHANGELOG.md. To accept a change, copy the .received.txt file over the .approved.txt file.
/// </summary>
public sealed class PublicApiTests
{
    [Theory]
    [InlineData(typeof(Sunbay.Client.Payments.ICardPayments))]
    [InlineData(typeof(SunbayClient))]
    [InlineData(typeof(Sunbay.Client.Testing.FakeSunbayHost))]
    [InlineData(typeof(Sunbay.Client.AspNetCore.DistributedCacheWebhookDeduplicationStore))]
    [InlineData(typeof(Sunbay.Client.Redis.PaymentsRedisOptions))]
    [InlineData(typeof(Sunbay.Client.CmCom.CmComClient))]
    public void The_public_api_matches_the_approved_file(Type marker) => Approve(marker.Assembly);

    internal static void Approve(Assembly assembly)
    {
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions { AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection", "Microsoft.AspNetCore.Builder"], ExcludeAttributes = ["System.CodeDom.Compiler.GeneratedCodeAttribute", "System.Reflection.AssemblyMetadataAttribute", "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute", "System.Runtime.CompilerServices.AsyncStateMachineAttribute"] });
        var folder = Support.RepositoryPaths.Of("tests", "Sunbay.Client.Tests", "PublicApi");
        var approved = Path.Combine(folder, $"{assembly.GetName().Name}.approved.txt");
        var received = Path.Combine(folder, $"{assembly.GetName().Name}.received.txt");
        var expected = File.Exists(approved) ? File.ReadAllText(approved).ReplaceLineEndings("\n") : string.Empty;
        if (expected != api.ReplaceLineEndings("\n"))
        {
            File.WriteAllText(received, api);
            Assert.Fail($"The public API of {assembly.GetName().Name} changed. Review {received}, copy it over {approved} and record the change in CHANGELOG.md.");
        }

        File.Delete(received);
    }
}
