using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// How the fake reads and writes the wire: the kernel's source-generated metadata, but strict where the client is
/// lenient (no amounts or numbers as strings, no converters that forgive a wrong type): a server should find out when
/// an integration sends something SUNBAY may refuse. Missing and out-of-range fields are the generated rules' job.
/// </summary>
internal static class FakeWireJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = SunbayWireJsonContext.Default,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly();
        return options;
    }
}
