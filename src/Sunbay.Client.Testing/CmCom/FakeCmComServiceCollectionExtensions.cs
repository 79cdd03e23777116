using Microsoft.Extensions.DependencyInjection.Extensions;
using Sunbay.Client.CmCom;
using Sunbay.Client.Testing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Points an application's CM.com client at a <see cref="FakeCmComHost"/>, as <c>AddFakeSunbay</c> does for SUNBAY.</summary>
public static class FakeCmComServiceCollectionExtensions
{
    /// <summary>
    /// Makes the default CM.com client talk to <paramref name="host"/>. It changes three things, and nothing else:
    /// the client's requests go through <see cref="FakeCmComHost.CreateHandler"/> (in memory, no port); its options get
    /// the host's address, API key and first terminal (after the application's own configuration, so they win); and the
    /// service collection's <see cref="TimeProvider"/> becomes the host's clock, for every client and for the
    /// application (so polling and retry delays run on it: with a <see cref="FakeClock"/>, drive them with
    /// <see cref="FakeCmComHost.RunUntilAsync{T}"/>). Retry delays, polling and time limits stay the application's.
    /// Call it after the application registered its services; it registers the client if the application did not.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="host">The fake.</param>
    /// <returns>The client's builder, for further settings.</returns>
    public static ICmComClientBuilder AddFakeCmCom(this IServiceCollection services, FakeCmComHost host) =>
        services.AddFakeCmCom(string.Empty, host);

    /// <summary>Makes the named CM.com client <paramref name="name"/> talk to <paramref name="host"/>; see <see cref="AddFakeCmCom(IServiceCollection, FakeCmComHost)"/>.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="name">The client's name (<see cref="string.Empty"/> for the default client).</param>
    /// <param name="host">The fake.</param>
    /// <returns>The client's builder, for further settings.</returns>
    public static ICmComClientBuilder AddFakeCmCom(this IServiceCollection services, string name, FakeCmComHost host)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(host);

        // Registers the client if needed and returns its builder; the options action does nothing: PostConfigure wins below.
        var builder = services.AddCmComClient(name, static _ => { });
        services.PostConfigure<CmComClientOptions>(name, host.ConfigureClient);
        builder.HttpClient.ConfigurePrimaryHttpMessageHandler(host.CreateHandler);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(host.TimeProvider);
        return builder;
    }
}
