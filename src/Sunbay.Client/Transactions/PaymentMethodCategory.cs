namespace Sunbay.Client;

/// <summary>Kind of payment method accepted on the terminal.</summary>
public enum PaymentMethodCategory
{
    /// <summary>Any card (<c>CARD</c>).</summary>
    Card = 0,

    /// <summary>Credit cards only (<c>CARD-CREDIT</c>).</summary>
    CardCredit = 1,

    /// <summary>Debit cards only (<c>CARD-DEBIT</c>).</summary>
    CardDebit = 2,

    /// <summary>Merchant-presented QR code (<c>QR-MPM</c>).</summary>
    QrMpm = 3,

    /// <summary>Customer-presented QR code (<c>QR-CPM</c>).</summary>
    QrCpm = 4,

    /// <summary>Electronic Benefit Transfer (<c>EBT</c>), with <see cref="PaymentMethod.Id"/> <c>EBT</c> and an optional <see cref="PaymentMethod.SubId"/>.</summary>
    Ebt = 5,
}
