using System.Text.Json;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Testing.Internal;

/// <summary>What every request passes before its endpoint sees it: the API key, and for a POST its JSON body.</summary>
internal sealed partial class CmComEngine
{
    /// <summary>
    /// No <c>API-Key</c> header: 401. A key that is unknown, revoked or outside its validity on the host clock: 403
    /// "Invalid API Key." (the guide's body). Otherwise the key's last usage is now.
    /// </summary>
    private FakeAnswer? Authenticate(IncomingRequest request, out FakeCmComApiKey? key)
    {
        key = null;
        var presented = request.Header("API-Key");
        if (string.IsNullOrEmpty(presented))
        {
            return CmComProblem.Answer(401, "Missing API Key.", request.Path);
        }

        var now = Time.GetUtcNow();
        key = _keys.Find(k => k.IsValidAt(now) && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(k.Secret), System.Text.Encoding.UTF8.GetBytes(presented)));
        if (key is null)
        {
            return CmComProblem.Answer(403, "Invalid API Key.", request.Path);
        }

        key.LastUsage = now;
        return null;
    }

    /// <summary>
    /// Reads a JSON body strictly and checks the spec's rules on it (the generated checks the client runs too): a body
    /// that is not <c>application/json</c> is 415, one that is not JSON of this shape or breaks a rule is 400 naming the field.
    /// </summary>
    private static FakeAnswer? ReadBody<T>(IncomingRequest request, out T body)
        where T : class, IWireObject
    {
        body = null!;
        var contentType = request.Header("Content-Type");
        if (contentType is null || !contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return CmComProblem.Answer(415, "The body must be application/json.", request.Path);
        }

        T? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(request.Body, CmComJson.Info<T>());
        }
        catch (JsonException ex)
        {
            var at = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "the body" : ex.Path[2..];
            return CmComProblem.Answer(400, $"The body is not valid JSON for this request ({at}).", request.Path);
        }

        if (parsed is null)
        {
            return CmComProblem.Answer(400, "The body is empty.", request.Path);
        }

        if (((IWireObject)parsed).Validate(null) is { } problem)
        {
            return CmComProblem.Answer(400, $"{problem.Field} {problem.Rule}.", request.Path);
        }

        body = parsed;
        return null;
    }

    /// <summary>A terminal of this customer, or 404.</summary>
    private FakeAnswer? FindTerminal(CmComRoute route, IncomingRequest request, out FakeCmComTerminal terminal)
    {
        terminal = _terminals.GetValueOrDefault(route.TerminalId!)!;
        return terminal is null ? CmComProblem.Answer(404, $"No terminal '{route.TerminalId}'.", request.Path) : null;
    }
}
