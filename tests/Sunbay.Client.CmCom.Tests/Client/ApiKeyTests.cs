using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client.CmCom.Tests.Support;

namespace Sunbay.Client.CmCom.Tests.Client;

/// <summary>API keys: list, create, revoke, and the rotation flow with its refusals.</summary>
public sealed class ApiKeyTests
{
    private static readonly CmComApiKeyRequest NextKey = new() { Label = "2026 2nd half" };

    [Fact]
    public async Task Keys_are_listed_created_with_their_validity_and_revoked()
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);
        var from = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

        var created = await client.CreateApiKeyAsync(new CmComApiKeyRequest { Label = "later", ValidFrom = from, ValidUntil = from.AddMonths(6) });
        var listed = await client.ListApiKeysAsync();
        await client.RevokeApiKeyAsync(created.Id);

        var body = System.Text.Json.Nodes.JsonNode.Parse(stub.Requests[0].Body!)!;
        Assert.Equal(("later", "2026-07-01T00:00:00+00:00", "2027-01-01T00:00:00+00:00"), ((string?)body["label"], (string?)body["validity"]!["from"], (string?)body["validity"]!["until"]));
        Assert.Equal(stub.Keys.Keys.Append(created.Id).Order(), listed.Select(k => k.Id).Order());
        Assert.DoesNotContain(created.Key, created.ToString(), StringComparison.Ordinal);
        Assert.Equal($"/apikeys/{created.Id}", stub.Requests[2].Uri.AbsolutePath);
        Assert.DoesNotContain(created.Id, stub.Keys.Keys);
    }

    [Fact]
    public async Task Revoking_the_key_in_use_is_refused_before_any_request_when_the_client_knows_its_id()
    {
        var stub = new MerchantApiStub();
        var options = TestClients.Options();
        using var client = TestClients.Client(stub, options);
        var created = await client.CreateApiKeyAsync(NextKey);
        options.ApiKey = created.Key; // the application switched to it

        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => client.RevokeApiKeyAsync(created.Id));

        Assert.Equal("id", error.Field);
        Assert.Contains("the key that makes the request", error.Rule, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task What_the_client_cannot_know_comes_back_as_cms_refusal()
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);

        // The configured key's id (1) is unknowable locally: CM.com lists ids, never keys.
        var error = await Assert.ThrowsAsync<CmComApiException>(() => client.RevokeApiKeyAsync(1));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
    }

    [Fact]
    public async Task A_rotation_creates_stores_switches_proves_and_revokes_without_a_restart()
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);
        CmComNewApiKey? stored = null;

        var rotation = await client.RotateApiKeyAsync(NextKey, oldKeyId: 1, (key, _) => { stored = key; return Task.CompletedTask; });
        await client.GetTransactionsAsync().GetAsyncEnumerator().MoveNextAsync();

        Assert.NotNull(stored);
        Assert.Equal(stored.Id, rotation.NewKey.Id);
        Assert.Equal(1, rotation.RevokedKeyId);
        Assert.Equal([stored.Id], stub.Keys.Keys);
        Assert.Equal(
            [("POST /apikeys", TestClients.Key), ("GET /apikeys", stored.Key), ("DELETE /apikeys/1", stored.Key), ($"GET /terminals/{MerchantApiStub.Terminal}/transactions", stored.Key)],
            stub.Requests.Select(r => ($"{r.Method} {r.Uri.AbsolutePath}", r.Headers["API-Key"])));
    }

    [Fact]
    public async Task After_a_rotation_the_configuration_is_the_truth_again_once_it_changes()
    {
        var stub = new MerchantApiStub();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CmCom:BaseAddress"] = MerchantApiStub.Host,
            ["CmCom:ApiKey"] = TestClients.Key,
            ["CmCom:Terminal"] = MerchantApiStub.Terminal,
        }).Build();
        var services = new ServiceCollection();
        services.AddCmComClient(configuration.GetSection("CmCom")).HttpClient.ConfigurePrimaryHttpMessageHandler(() => stub);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ICmComClient>();

        await client.RotateApiKeyAsync(NextKey, 1, (key, _) =>
        {
            configuration["CmCom:ApiKey"] = key.Key; // the application's store, read back by a later reload
            return Task.CompletedTask;
        });
        configuration.Reload();
        await client.ListApiKeysAsync();
        stub.Keys[99] = "cm-third-key-5a6b7c";
        configuration["CmCom:ApiKey"] = "cm-third-key-5a6b7c";
        configuration.Reload();
        await client.ListApiKeysAsync();

        Assert.Equal(configuration["CmCom:ApiKey"], stub.Requests[^1].Headers["API-Key"]);
        Assert.Equal(stub.Requests[1].Headers["API-Key"], stub.Requests[^2].Headers["API-Key"]);
    }

    [Theory]
    [InlineData(1, 1, "validity")]
    [InlineData(-1, 1, "validity")]
    [InlineData(0, 0, "oldKeyId")]
    public async Task A_rotation_that_cannot_work_is_refused_before_any_request(int fromDays, int oldKeyId, string field)
    {
        var stub = new MerchantApiStub();
        var time = TestClients.Clock();
        using var client = TestClients.Client(stub, time: time);
        var request = fromDays switch
        {
            > 0 => NextKey with { ValidFrom = time.GetUtcNow().AddDays(fromDays) },
            < 0 => NextKey with { ValidUntil = time.GetUtcNow().AddDays(fromDays) },
            _ => NextKey,
        };

        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => client.RotateApiKeyAsync(request, oldKeyId == 0 ? 0 : 1, (_, _) => Task.CompletedTask));

        Assert.Equal(field, error.Field);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task A_key_the_application_could_not_store_is_revoked_and_the_old_one_stays()
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);

        var error = await Assert.ThrowsAsync<IOException>(() => client.RotateApiKeyAsync(NextKey, 1, (_, _) => throw new IOException("vault down")));

        Assert.Equal("vault down", error.Message);
        Assert.Equal([1L], stub.Keys.Keys);
        Assert.All(stub.Requests, r => Assert.Equal(TestClients.Key, r.Headers["API-Key"]));
    }

    [Fact]
    public async Task A_new_key_that_is_refused_sends_the_client_back_to_the_old_key_which_is_not_revoked()
    {
        var stub = new MerchantApiStub();
        using var client = TestClients.Client(stub);

        await Assert.ThrowsAsync<CmComAuthenticationException>(() => client.RotateApiKeyAsync(NextKey, 1, (key, _) =>
        {
            stub.Keys.Remove(key.Id); // CM.com does not accept it yet
            return Task.CompletedTask;
        }));
        await client.ListApiKeysAsync();

        Assert.Contains(1L, stub.Keys.Keys);
        Assert.Equal(0, stub.Count(HttpMethod.Delete, "/apikeys/1"));
        Assert.Equal(TestClients.Key, stub.Requests[^1].Headers["API-Key"]);
    }
}
