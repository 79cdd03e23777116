using System.Net.Http.Headers;
using System.Text.Json;
using Sunbay.Client.Pipeline;

namespace ExamplePay;

/// <summary>What Example Pay's API says: bearer keys, and errors as <c>{"error": {"code", "message", "request_id"}}</c>.</summary>
public sealed class ExamplePayDialect : PaymentsProviderDialect
{
    /// <summary>The provider's name, as configured.</summary>
    public const string Name = "example";

    /// <summary>Creates the dialect.</summary>
    public ExamplePayDialect()
        : base(Name, "Example Pay")
    {
    }

    /// <inheritdoc/>
    public override void Authenticate(HttpRequestMessage request, string apiKey) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);

    /// <inheritdoc/>
    /// <remarks>A body that is not Example Pay's error JSON throws here; the pipeline then quotes the status and an excerpt.</remarks>
    public override PaymentsProviderError? ReadError(int statusCode, string body) =>
        JsonSerializer.Deserialize(body, ExamplePayJson.Default.ErrorWire)?.Error is { Code: { Length: > 0 } code } error
            ? new PaymentsProviderError(code, error.Message, error.RequestId)
            : null;
}
