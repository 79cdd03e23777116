namespace Sunbay.Client;

/// <summary>When the tip is entered.</summary>
public enum TipMode
{
    /// <summary>On the terminal during the sale.</summary>
    OnSale = 0,

    /// <summary>Later, with a tip adjustment.</summary>
    AfterSale = 1,
}
