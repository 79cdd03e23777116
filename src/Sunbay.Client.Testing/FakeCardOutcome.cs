namespace Sunbay.Client.Testing;

/// <summary>Kinds of <see cref="FakeCardResult"/>.</summary>
public enum FakeCardOutcome
{
    /// <summary>Approved: status S.</summary>
    Approve = 0,

    /// <summary>Declined: status F with a channel code.</summary>
    Decline,

    /// <summary>Cancelled by the cardholder: status C.</summary>
    CustomerCancels,

    /// <summary>No card presented: P until <c>timeExpire</c>, then C.</summary>
    NeverPresentsCard,
}
