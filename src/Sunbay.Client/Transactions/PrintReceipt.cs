namespace Sunbay.Client;

/// <summary>Which receipts the terminal prints.</summary>
public enum PrintReceipt
{
    /// <summary>No receipt (SUNBAY's default).</summary>
    None = 0,

    /// <summary>The merchant copy.</summary>
    Merchant = 1,

    /// <summary>The customer copy.</summary>
    Customer = 2,

    /// <summary>Both copies.</summary>
    Both = 3,
}
