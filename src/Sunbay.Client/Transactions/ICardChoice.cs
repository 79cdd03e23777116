namespace Sunbay.Client.Transactions;

/// <summary>
/// A push that may restrict how the card is paid (sale, pre-authorisation, forced authorisation, unreferenced refund):
/// the dispatch checks and maps these fields once for all of them.
/// </summary>
internal interface ICardChoice
{
    PaymentMethod? PaymentMethod { get; }

    CardNetworkType? CardNetworkType { get; }
}
