using Microsoft.Extensions.DependencyInjection.Extensions;
using Sunbay.Client;
using Sunbay.Client.Testing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Points an application's Sunbay client at a <see cref="FakeSunbayHost"/>: for tests of the application (e.g. under <c>WebApplicationFactory</c>).</summary>
public static class FakeSunbayServiceCollectionExtensions
{
    /// <summary>
    /// Makes the default Sunbay client talk to <paramref name="host"/>: its requests go through
    /// <see cref="FakeSunbayHost.CreateHandler"/> (in memory, no port), its options get the host's address, API key,
    /// app ID, merchant ID and first terminal (after the application's own configuration, so they win), and the
    /// service collection's <see cref="TimeProvider"/> becomes the host's clock. Call it after the application
    /// registered its services (e.g. in <c>ConfigureTestServices</c>); it registers the client if the application did not.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="host">The fake; give it a <see cref="FakeClock"/> to drive waits with <see cref="FakeSunbayHost.RunUntilAsync{T}"/>.</param>
    /// <returns>The client's builder, for further settings.</returns>
    public static ISunbayClientBuilder AddFakeSunbay(this IServiceCollection services, FakeSunbayHost host) =>
        services.AddFakeSunbay(string.Empty, host);

    /// <summary>
    /// Makes the named Sunbay client <paramref name="name"/> talk to <paramref name="host"/> (see
    /// <see cref="AddFakeSunbay(IServiceCollection, FakeSunbayHost)"/>). Call it once per named client to fake; they
    /// share the service collection's <see cref="TimeProvider"/>, which becomes the host's clock.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="name">The client's name (<see cref="string.Empty"/> for the default client).</param>
    /// <param name="host">The fake.</param>
    /// <returns>The client's builder, for further settings.</returns>
    public static ISunbayClientBuilder AddFakeSunbay(this IServiceCollection services, string name, FakeSunbayHost host)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(host);

        // Registers the client if needed and returns its builder; the options action does nothing: PostConfigure wins below.
        var builder = services.AddSunbayClient(name, static _ => { });
        services.PostConfigure<SunbayClientOptions>(name, host.ConfigureClient);
        builder.HttpClient.ConfigurePrimaryHttpMessageHandler(host.CreateHandler);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(host.TimeProvider);
        return builder;
    }
}
