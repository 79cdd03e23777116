using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sunbay.Client.CmCom.Wire;

namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// How the fake CM.com host reads and writes the wire: the CM.com kernel's source-generated metadata (the one the
/// client compiles), but strict where the client is lenient (no numbers as strings, no forgiving converters), so that
/// an integration finds out when it sends what CM.com may refuse.
/// </summary>
internal static class CmComJson
{
    public static JsonSerializerOptions Options { get; } = FakeWireJson.Strict(CmComWireJsonContext.Default);

    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Info<T>());
}
