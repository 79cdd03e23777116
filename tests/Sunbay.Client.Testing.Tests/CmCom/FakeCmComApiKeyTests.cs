using Sunbay.Client.Testing;

namespace Sunbay.Client.Testing.Tests.CmCom;

/// <summary>The API-Key header and the key management of the guide's API keys section, on the in-memory transport.</summary>
public sealed class FakeCmComApiKeyTests : IAsyncDisposable
{
    private readonly CmComSession _fake = new();

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task No_API_Key_header_is_401_problem_json()
    {
        using var anonymous = new CmComCaller(_fake.Host, apiKey: string.Empty);

        var answer = await anonymous.SendAsync(HttpMethod.Get, "stores");

        Assert.Equal("Missing API Key.", answer.Problem(401, "Unauthorized", "/stores"));
    }

    [Fact]
    public async Task A_wrong_key_is_403_with_the_guides_body()
    {
        using var wrong = new CmComCaller(_fake.Host, apiKey: "not-a-key");

        var answer = await wrong.SendAsync(HttpMethod.Get, "stores");

        Assert.Equal("""{"status":403,"title":"Forbidden","detail":"Invalid API Key.","instance":"/stores"}""", answer.Body);
        Assert.Equal("Invalid API Key.", answer.Problem(403, "Forbidden", "/stores"));
    }

    [Fact]
    public async Task The_overview_lists_keys_without_the_keys_themselves()
    {
        var answer = await _fake.Cm.SendAsync(HttpMethod.Get, "apikeys");

        Assert.Equal(200, answer.Status);
        var key = Assert.Single(answer.Json.EnumerateArray());
        Assert.Equal("Initial key", key.GetProperty("label").GetString());
        Assert.True(key.GetProperty("id").GetInt64() > 0);
        Assert.Equal("2026-01-01T00:00:00+00:00", key.GetProperty("lastUsage").GetString());
        Assert.DoesNotContain(_fake.Host.ApiKey!, answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_created_key_is_shown_once_and_works()
    {
        var created = await _fake.Cm.PostAsync("apikeys", """{"label":"2022 2nd half"}""");

        Assert.Equal(201, created.Status);
        Assert.Equal("2022 2nd half", created["label"]);
        var secret = created["apikey"]!;
        using var withNewKey = new CmComCaller(_fake.Host, secret);
        var overview = await withNewKey.SendAsync(HttpMethod.Get, "apikeys");
        Assert.Equal(200, overview.Status);
        Assert.Equal(2, overview.Json.GetArrayLength());
        Assert.DoesNotContain(secret, overview.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, _fake.Host.ApiKeys[1].ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{}""", "label is required")]
    [InlineData("""{"label":""}""", "label is required")]
    [InlineData("""{"label":"x","validity":{"from":"2022-07-01"}}""", "ISO 8601")]
    [InlineData("""{"label":"x","validity":{"from":"2023-01-01T00:00:00+00:00","until":"2022-07-01T00:00:00+00:00"}}""", "after validity.from")]
    public async Task A_bad_create_body_is_400_naming_the_field(string body, string detail)
    {
        var answer = await _fake.Cm.PostAsync("apikeys", body);

        Assert.Contains(detail, answer.Problem(400, "Bad Request", "/apikeys"), StringComparison.Ordinal);
        Assert.Single(_fake.Host.ApiKeys);
    }

    [Fact]
    public async Task Validity_from_and_until_are_honoured_on_the_host_clock()
    {
        var created = await _fake.Cm.PostAsync("apikeys", """{"label":"next week","validity":{"from":"2026-01-08T00:00:00+00:00","until":"2026-01-09T00:00:00+00:00"}}""");
        using var future = new CmComCaller(_fake.Host, created["apikey"]);

        Assert.Equal(403, (await future.SendAsync(HttpMethod.Get, "stores")).Status);
        _fake.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(200, (await future.SendAsync(HttpMethod.Get, "stores")).Status);
        _fake.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(403, (await future.SendAsync(HttpMethod.Get, "stores")).Status);

        // "the overview will show all valid keys": the expired one is gone.
        Assert.Equal(1, (await _fake.Cm.SendAsync(HttpMethod.Get, "apikeys")).Json.GetArrayLength());
    }

    [Fact]
    public async Task A_key_valid_from_a_later_date_is_in_the_overview_with_its_validity()
    {
        await _fake.Cm.PostAsync("apikeys", """{"label":"next week","validity":{"from":"2026-01-08T00:00:00+00:00","until":"2026-01-09T00:00:00+00:00"}}""");

        var listed = (await _fake.Cm.SendAsync(HttpMethod.Get, "apikeys")).Json[1].GetProperty("validity");

        Assert.Equal("2026-01-09T00:00:00+00:00", listed.GetProperty("until").GetString());
    }

    [Fact]
    public async Task Rotation_creates_switches_and_revokes_the_old_key()
    {
        var oldKey = _fake.Host.ApiKeys[0];
        var created = await _fake.Cm.PostAsync("apikeys", """{"label":"rotated"}""");
        using var rotated = new CmComCaller(_fake.Host, created["apikey"]);

        var revoked = await rotated.SendAsync(HttpMethod.Delete, $"apikeys/{oldKey.Id}");

        Assert.Equal(204, revoked.Status);
        Assert.True(oldKey.IsRevoked);
        Assert.Equal(403, (await _fake.Cm.SendAsync(HttpMethod.Get, "stores")).Status);
        Assert.Equal(200, (await rotated.SendAsync(HttpMethod.Get, "stores")).Status);
        Assert.Single((await rotated.SendAsync(HttpMethod.Get, "apikeys")).Json.EnumerateArray());
    }

    [Fact]
    public async Task A_key_cannot_revoke_itself()
    {
        await _fake.Cm.PostAsync("apikeys", """{"label":"spare"}""");

        var answer = await _fake.Cm.SendAsync(HttpMethod.Delete, $"apikeys/{_fake.Host.ApiKeys[0].Id}");

        Assert.Contains("itself", answer.Problem(409, "Conflict", $"/apikeys/{_fake.Host.ApiKeys[0].Id}"), StringComparison.Ordinal);
        Assert.Equal(2, _fake.Host.ApiKeys.Count);
    }

    [Fact]
    public async Task The_last_key_cannot_be_revoked()
    {
        var spare = _fake.Host.AddApiKey("spare");
        using var withSpare = new CmComCaller(_fake.Host, spare.Secret);
        Assert.Equal(204, (await _fake.Cm.SendAsync(HttpMethod.Delete, $"apikeys/{spare.Id}")).Status);
        var other = _fake.Host.AddApiKey("other");
        using var withOther = new CmComCaller(_fake.Host, other.Secret);
        Assert.Equal(204, (await withOther.SendAsync(HttpMethod.Delete, $"apikeys/{_fake.Host.ApiKeys[0].Id}")).Status);

        var answer = await withOther.SendAsync(HttpMethod.Delete, $"apikeys/{other.Id}");

        Assert.Equal(409, answer.Status);
        Assert.Single(_fake.Host.ApiKeys);
    }

    [Fact]
    public async Task Revoking_the_last_key_with_a_key_that_is_no_longer_valid_is_refused_as_403()
    {
        var expiring = _fake.Host.AddApiKey("expiring", validUntil: _fake.Clock.GetUtcNow().AddMinutes(1));
        using var withExpiring = new CmComCaller(_fake.Host, expiring.Secret);
        _fake.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(403, (await withExpiring.SendAsync(HttpMethod.Delete, $"apikeys/{_fake.Host.ApiKeys[0].Id}")).Status);
    }

    [Theory]
    [InlineData("apikeys/1")]
    [InlineData("apikeys/abc")]
    public async Task An_unknown_key_id_is_404(string path)
    {
        var answer = await _fake.Cm.SendAsync(HttpMethod.Delete, path);

        answer.Problem(404, "Not Found", "/" + path);
    }
}
