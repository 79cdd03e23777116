namespace Sunbay.Client.Payments.Durability;

/// <summary>How the payment journal and its recovery service behave.</summary>
public sealed class CardPaymentJournalOptions
{
    /// <summary>How often the recovery service looks for open entries after its start-up pass. Default 1 minute.</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Entries younger than this are left to the call that started them (it is probably still waiting) by the periodic
    /// passes; the start-up pass takes every entry. Default 1 minute.
    /// </summary>
    public TimeSpan MinimumAge { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a closed entry stays readable, so that a repeat of its key gets the outcome instead of a new charge. Default 7 days.</summary>
    public TimeSpan KeepClosedFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long one instance holds an entry's delivery before another may take it over, should the first die. Default 1 minute.</summary>
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(1);
}
