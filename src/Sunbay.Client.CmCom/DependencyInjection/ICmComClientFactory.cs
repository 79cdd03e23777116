namespace Sunbay.Client.CmCom;

/// <summary>
/// Resolves named clients registered with <c>AddCmComClient(name, ...)</c>: one per CM.com customer account (a reseller
/// with several API keys, say). Clients are created once per name and shared.
/// </summary>
public interface ICmComClientFactory
{
    /// <summary>The client registered under <paramref name="name"/>.</summary>
    /// <param name="name">The name given to <c>AddCmComClient</c>; <see cref="string.Empty"/> for the default client.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The client's options are invalid.</exception>
    ICmComClient CreateClient(string name);
}
