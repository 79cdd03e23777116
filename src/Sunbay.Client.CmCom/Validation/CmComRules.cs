using System.Globalization;
using Sunbay.Client.Wire;

namespace Sunbay.Client.CmCom.Validation;

/// <summary>
/// The rules the CM.com client checks before any I/O beyond those of the generated wire types: path values (terminal and
/// transaction ids, from the spec's schemas), a configured default that a blank value must never silently replace, the
/// decimals of an amount, and a key's validity. Each broken rule is a <see cref="PaymentsValidationException"/> naming the field.
/// </summary>
internal static class CmComRules
{
    /// <summary>What is wrong with <paramref name="terminalId"/> (the spec's <c>TerminalId</c>), or <see langword="null"/>.</summary>
    public static string? TerminalIdProblem(string terminalId) =>
        WireRules.Required(terminalId, null, "terminalId") is { } missing ? missing.Rule
        : Wire.Terminal.CheckId(terminalId) is { } problem ? $"{problem.Rule}: {{manufacturer}}-{{model}}-{{serial}} as the terminal reports it, e.g. SUNMI-P2lite-PL0919CQ00305"
        : null;

    /// <summary>
    /// The terminal a call addresses: <paramref name="given"/>, or the configured <c>CmCom:Terminal</c> when it is
    /// <see langword="null"/>; a blank value is an error, never a silent fall-back to the default (a store with several
    /// terminals would charge at the wrong one).
    /// </summary>
    public static string TerminalOf(string? given, CmComClientOptions options)
    {
        var terminal = given is not null
            ? !string.IsNullOrWhiteSpace(given) ? given : throw new PaymentsValidationException("terminalId", "must not be blank; leave it null to use the configured CmCom:Terminal")
            : !string.IsNullOrWhiteSpace(options.Terminal) ? options.Terminal
            : throw new PaymentsValidationException("terminalId", "is required: name the terminal on the call or configure CmCom:Terminal");
        return TerminalIdProblem(terminal) is { } problem ? throw new PaymentsValidationException("terminalId", problem) : terminal;
    }

    /// <summary>A transaction id (the spec's <c>TransactionId</c>): present, and nothing that would break out of its URL path segment.</summary>
    public static string TransactionId(string? transactionId, string field = "transactionId") =>
        (WireRules.Required(transactionId, null, field) ?? Wire.Transaction.CheckId(transactionId, null)) is { } problem
            ? throw new PaymentsValidationException(field, problem.Rule)
            : transactionId!;

    /// <summary>At most as many decimals as the currency has minor units (the client's rule, not the wire's).</summary>
    public static void Decimals(decimal amount, string currency)
    {
        var allowed = CurrencyExponent.Of(currency);
        var decimals = DecimalsOf(amount);
        if (decimals > allowed)
        {
            throw new PaymentsValidationException("amount.value", string.Create(CultureInfo.InvariantCulture, $"must have at most {allowed} decimal(s) in {currency} (was {amount}, {decimals} decimals)"));
        }
    }

    /// <summary>A validity is valid from before it ends: <c>until</c> after <c>from</c>.</summary>
    public static void Validity(DateTimeOffset? from, DateTimeOffset? until)
    {
        if (from is { } start && until is { } end && end <= start)
        {
            throw new PaymentsValidationException("validity.until", string.Create(CultureInfo.InvariantCulture, $"must be after validity.from (from {start:O}, until {end:O})"));
        }
    }

    /// <summary>The spec's rules of a wire body, before anything leaves the process.</summary>
    public static void Body(IWireObject wire)
    {
        if (wire.Validate(null) is { } problem)
        {
            throw new PaymentsValidationException(problem.Field, problem.Rule);
        }
    }

    /// <summary>Significant decimals: 98.750 has two. Exact, as decimal arithmetic is.</summary>
    private static int DecimalsOf(decimal amount)
    {
        var decimals = 0;
        for (var scaled = Math.Abs(amount); scaled != decimal.Truncate(scaled); scaled *= 10)
        {
            decimals++;
        }

        return decimals;
    }
}
