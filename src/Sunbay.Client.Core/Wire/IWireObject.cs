using System.Text.Json;

namespace Sunbay.Client.Wire;

/// <summary>
/// A type generated from the OpenAPI spec. Each one checks the spec's constraints of its own properties and writes
/// itself as JSON in generated code (openapi/templates/Class.Body.liquid), so no rule is read by reflection at run time
/// and a request body is written without the serializer's metadata.
/// </summary>
internal interface IWireObject
{
    /// <summary>The first broken rule of this object and the objects it holds, or <see langword="null"/>.</summary>
    /// <param name="path">Where this object stands in the request (<c>amount</c>, <c>tipConfig.suggestions[0]</c>); null at the top.</param>
    WireProblem? Validate(string? path);

    /// <summary>
    /// Writes this object as the serializer writes it with the kernel's options (<see cref="WireJsonWriter"/>): the same
    /// bytes.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">The kernel's JSON options; only fields the spec does not name are written through them.</param>
    void WriteJson(Utf8JsonWriter writer, JsonSerializerOptions options);
}
