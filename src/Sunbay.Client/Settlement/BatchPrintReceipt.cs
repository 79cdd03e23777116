namespace Sunbay.Client;

/// <summary>Settlement receipt printing at batch close.</summary>
public enum BatchPrintReceipt
{
    /// <summary>Totals only.</summary>
    Total = 0,

    /// <summary>Transaction detail.</summary>
    Detail = 1,

    /// <summary>Totals and detail.</summary>
    Both = 2,

    /// <summary>No receipt.</summary>
    None = 3,

    /// <summary>As configured on the SUNBAY platform.</summary>
    Auto = 4,
}
