using System.Text.Json.Serialization;
using Sunbay.Client.Wire;

namespace Sunbay.Client.CmCom.Wire;

/// <summary>
/// Source-generated JSON metadata of the CM.com wire: the generated half (openapi/templates/Client.Class.liquid) lists
/// the types of every operation; this half sets the one set of options. Names are the spec's own (snake_case, and
/// <c>lastUsage</c> as the guide shows it), written by each property's generated <c>JsonPropertyName</c>, so no naming
/// policy applies. Amounts are <see cref="decimal"/>: read and written exactly (98.75 stays 98.75). Omitted, not null,
/// when a field is unset. A number where a string is expected (an <c>id</c>, a <c>system_trace_audit_number</c>) is read
/// as its text, and a number sent as a string is read as the number: one field of an unexpected type must not make an
/// answer unreadable.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(LenientStringConverter)])]
// No [JsonSerializable] here: the generator runs once per declaration that has one, and the generated half lists them all.
internal sealed partial class CmComWireJsonContext;
