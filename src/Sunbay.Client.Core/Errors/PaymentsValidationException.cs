namespace Sunbay.Client;

/// <summary>A request broke a documented rule of the provider's API or of the neutral requests. Raised before anything is sent.</summary>
public sealed class PaymentsValidationException : PaymentsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The wire name of the field, as a path (e.g. <c>amount.priceCurrency</c>).</param>
    /// <param name="rule">The rule it broke, in words.</param>
    public PaymentsValidationException(string field, string rule)
        : base($"Invalid request: '{field}' {rule}. Nothing was sent.")
    {
        Field = field;
        Rule = rule;
    }

    /// <summary>The wire name of the offending field, as a path (e.g. <c>amount.priceCurrency</c>).</summary>
    public string Field { get; }

    /// <summary>The rule that was broken, in words (e.g. "must be 6 to 32 characters").</summary>
    public string Rule { get; }
}
