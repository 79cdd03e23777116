namespace Sunbay.Client;

/// <summary>Card network type; only with <see cref="PaymentMethodCategory.Card"/> (auto-detected otherwise).</summary>
public enum CardNetworkType
{
    /// <summary>Credit.</summary>
    Credit = 0,

    /// <summary>Debit.</summary>
    Debit = 1,

    /// <summary>Electronic benefits transfer.</summary>
    Ebt = 2,

    /// <summary>Gift card.</summary>
    Egc = 3,

    /// <summary>Unknown.</summary>
    Unknown = 4,
}
