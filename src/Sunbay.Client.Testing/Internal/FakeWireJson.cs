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
    public static JsonSerializerOptions Options { get; } = Strict(SunbayWireJsonContext.Default);

    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Strict options over a kernel's generated metadata (SUNBAY's here, CM.com's in <see cref="CmComJson"/>).</summary>
    public static JsonSerializerOptions Strict(IJsonTypeInfoResolver kernel)
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = kernel,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly();
        return options;
    }
}
