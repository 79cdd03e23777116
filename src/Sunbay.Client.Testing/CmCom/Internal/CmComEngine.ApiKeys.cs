using System.Globalization;
using CmWire = Sunbay.Client.CmCom.Wire;

namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// API keys (the guide's APIKey Rotation section): the overview never shows a key and lists the valid ones, paged; a created key is shown once; revoking the
/// last key or the key making the request is refused.
/// </summary>
internal sealed partial class CmComEngine
{
    /// <summary>
    /// The overview, paged like every listing: "the overview will show all valid keys", so neither a revoked key nor an
    /// expired one (its <c>until</c> passed on the host's clock); a key valid from a later date is listed.
    /// </summary>
    private FakeAnswer ListApiKeys(IncomingRequest request)
    {
        var now = Time.GetUtcNow();
        return CmComPage.Read(request, out var page)
            ?? page.Answer(_keys.Where(k => !k.IsRevoked && !(k.ValidUntil <= now)).Select(CmComViews.ApiKey).ToList(), _baseAddress(), request.Path);
    }

    private FakeAnswer CreateApiKey(IncomingRequest request)
    {
        if (ReadBody<CmWire.ApiKeyRequest>(request, out var body) is { } refused)
        {
            return refused;
        }

        if (!TryTime(body.Validity?.From, out var from) || !TryTime(body.Validity?.Until, out var until))
        {
            return CmComProblem.Answer(400, "validity.from and validity.until must be ISO 8601 date-times with an offset.", request.Path);
        }

        if (from is { } start && until is { } end && end <= start)
        {
            return CmComProblem.Answer(400, "validity.until must be after validity.from.", request.Path);
        }

        var key = AddApiKey(body.Label, null, from, until);
        return new FakeAnswer(201, null, CmComJson.Write(new CmWire.CreatedApiKey { Id = key.Id, Label = key.Label, Apikey = key.Secret }));
    }

    private FakeAnswer RevokeApiKey(CmComRoute route, IncomingRequest request, FakeCmComApiKey? caller)
    {
        var key = long.TryParse(route.ItemId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? _keys.Find(k => k.Id == id && !k.IsRevoked) : null;
        if (key is null)
        {
            return CmComProblem.Answer(404, $"No API key '{route.ItemId}'.", request.Path);
        }

        if (key == caller)
        {
            return CmComProblem.Answer(409, "An API key cannot revoke itself: make the request with another key.", request.Path);
        }

        if (_keys.Count(k => !k.IsRevoked) == 1)
        {
            return CmComProblem.Answer(409, "The last API key cannot be revoked.", request.Path);
        }

        key.IsRevoked = true;
        return new FakeAnswer(204, null, string.Empty);
    }

    /// <summary>An ISO 8601 date-time with a time and an offset (<c>2022-07-01T00:00:00+00:00</c>, <c>...Z</c>); null text is no bound.</summary>
    private static bool TryTime(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        var hasOffset = text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (!hasOffset || !text.Contains('T', StringComparison.Ordinal)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
