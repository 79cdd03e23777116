namespace Sunbay.Client.Wire;

/// <summary>
/// A type generated from the OpenAPI spec. Each one checks the spec's constraints of its own properties in generated
/// code (openapi/templates/Class.Body.liquid), so no rule is read by reflection at run time.
/// </summary>
internal interface IWireObject
{
    /// <summary>The first broken rule of this object and the objects it holds, or <see langword="null"/>.</summary>
    /// <param name="path">Where this object stands in the request (<c>amount</c>, <c>tipConfig.suggestions[0]</c>); null at the top.</param>
    WireProblem? Validate(string? path);
}
