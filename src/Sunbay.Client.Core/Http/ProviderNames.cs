namespace Sunbay.Client.Http;

/// <summary>How messages name a provider, its client and its options (<c>SUNBAY</c>, <c>SunbayClient</c>, <c>SunbayClientOptions</c>).</summary>
/// <param name="Provider">The provider as people name it.</param>
/// <param name="Client">The client type.</param>
/// <param name="Options">The options type.</param>
internal sealed record ProviderNames(string Provider, string Client, string Options);
