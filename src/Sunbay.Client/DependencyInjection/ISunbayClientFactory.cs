namespace Sunbay.Client;

/// <summary>
/// Resolves named clients registered with <c>AddSunbayClient(name, ...)</c>: one per merchant account or application
/// of a multi-merchant ISV. Clients are created once per name and shared.
/// </summary>
public interface ISunbayClientFactory
{
    /// <summary>The client registered under <paramref name="name"/>.</summary>
    /// <param name="name">The name given to <c>AddSunbayClient</c>; <see cref="string.Empty"/> for the default client.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The client's options are invalid.</exception>
    ISunbayClient CreateClient(string name);
}
