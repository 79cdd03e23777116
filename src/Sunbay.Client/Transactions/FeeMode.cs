namespace Sunbay.Client;

/// <summary>How tip suggestion values are expressed.</summary>
public enum FeeMode
{
    /// <summary>Percentages of the amount.</summary>
    Rate = 0,

    /// <summary>Amounts in minor units.</summary>
    Amount = 1,
}
