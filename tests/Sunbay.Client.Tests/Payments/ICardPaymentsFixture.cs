using Sunbay.Client.Payments;

namespace Sunbay.Client.Tests.Payments;

/// <summary>
/// One provider's fake cloud and terminal behind <see cref="ICardPayments"/>, chosen by configuration as an application
/// chooses it. <see cref="PointOfSaleTests"/> runs against every fixture of <see cref="CardPaymentsFixtures"/>.
/// </summary>
public interface ICardPaymentsFixture : IAsyncDisposable
{
    /// <summary>The provider-neutral API, resolved from the application's services.</summary>
    ICardPayments Payments { get; }

    /// <summary>A currency the provider's fake accepts.</summary>
    string Currency { get; }

    /// <summary>How many requests the provider's fake has received so far.</summary>
    int RecordedRequests { get; }

    /// <summary>Moves the fake's virtual clock until <paramref name="task"/> completes, and returns its result.</summary>
    Task<T> RunAsync<T>(Task<T> task);

    /// <summary>The cardholder never presents a card for the next operation, so that it can be cancelled.</summary>
    void NextCardIsNeverPresented();

    /// <summary>The issuer declines the card presented for the next operation.</summary>
    void NextCardIsDeclined();

    /// <summary>The cardholder cancels the next operation on the terminal.</summary>
    void NextCardholderCancels();
}
