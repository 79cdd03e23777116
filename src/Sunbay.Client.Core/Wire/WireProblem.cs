namespace Sunbay.Client.Wire;

/// <summary>A broken rule of the spec: the field's wire path and the rule, in words (<c>amount.priceCurrency</c>, <c>must match ^[A-Z]{3}$</c>).</summary>
internal sealed record WireProblem(string Field, string Rule)
{
    /// <summary>The problem as one line, e.g. for the fake's answer.</summary>
    public override string ToString() => $"{Field} {Rule}";
}
