namespace Sunbay.Client;

/// <summary>EBT programme; only with category <see cref="PaymentMethodCategory.Ebt"/> and payment method <c>EBT</c>.</summary>
public enum PaymentMethodSubId
{
    /// <summary>SNAP (food stamps).</summary>
    Snap = 0,

    /// <summary>Voucher.</summary>
    Voucher = 1,

    /// <summary>Cash benefit.</summary>
    Benefit = 2,
}
