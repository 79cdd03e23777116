namespace Sunbay.Client.Tests.Payments;

/// <summary>The providers <see cref="PointOfSaleTests"/> runs against. Adding one: its name here, and its fixture in <see cref="Create"/>.</summary>
public static class CardPaymentsFixtures
{
    /// <summary>Every provider's name, as configured (<c>CardPayments:Provider</c>).</summary>
    public static TheoryData<string> Providers => new() { "sunbay", "cm", "example" };

    /// <summary>A new fixture for <paramref name="provider"/>.</summary>
    public static ICardPaymentsFixture Create(string provider) => provider switch
    {
        "sunbay" => new SunbayCardPaymentsFixture(),
        "cm" => new CmComCardPaymentsFixture(),
        "example" => new ExampleCardPaymentsFixture(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "No fixture for this provider."),
    };
}
