using System.Text.Json;

namespace Sunbay.Client.Wire;

/// <summary>Hand-written half of the generated client: plugs in the source-generated JSON options.</summary>
internal partial class SunbayWireClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => SunbayWireJson.Configure(settings);
}
