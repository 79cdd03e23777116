using Sunbay.Client.CmCom.Telemetry;
using Sunbay.Client.CmCom.Transactions;
using Sunbay.Client.CmCom.Wire;
using Sunbay.Client.Http;

namespace Sunbay.Client.CmCom;

/// <summary>API keys: list, create, revoke, and the one rotation flow (create → store → switch → prove → revoke).</summary>
public sealed partial class CmComClient
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<CmComApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default)
    {
        // A listing like any other ("All endpoints, which return a listing, allow pagination"): every page is read.
        var keys = new List<CmComApiKey>();
        await foreach (var key in PagesAsync(CmComWireApi.ListApiKeys, size => CmComWireApi.ListApiKeysUrl(1, size), default, CmComMapper.FromWire, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key);
        }

        return keys;
    }

    /// <inheritdoc/>
    public async Task<CmComNewApiKey> CreateApiKeyAsync(CmComApiKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var wire = request.ToWire();
        var answer = await SendAsync(CmComWireApi.CreateApiKey, CmComWireApi.CreateApiKey.Path, wire, default, cancellationToken).ConfigureAwait(false);
        if (answer.Id is not { } id || string.IsNullOrEmpty(answer.Apikey))
        {
            throw new CmComTransportException(
                "CM.com answered create-apikey without the key's id or secret. The outcome is unknown: list the API keys (ListApiKeysAsync) and revoke the one with this label if it was created.",
                CmComWireApi.CreateApiKey.Name, outcomeUnknown: true, terminalId: null, merchantOrderReference: null, transactionId: null, statusCode: null);
        }

        _pipeline.Keys.Remember(answer.Apikey, id);
        Log.KeyCreated(Logger, id, answer.Label);
        return new CmComNewApiKey { Id = id, Label = answer.Label ?? request.Label, Key = answer.Apikey, ValidFrom = request.ValidFrom, ValidUntil = request.ValidUntil };
    }

    /// <inheritdoc/>
    public async Task RevokeApiKeyAsync(long id, CancellationToken cancellationToken = default)
    {
        if (id < 1)
        {
            throw new PaymentsValidationException("id", $"must be a positive API key id (was {id})");
        }

        if (id == KeyInUseId())
        {
            throw new PaymentsValidationException("id", $"is the API key this client is using (key {id}): CM.com refuses to revoke the key that makes the request. Switch to another key first (RotateApiKeyAsync does it in order)");
        }

        await SendAsync(CmComWireApi.RevokeApiKey, CmComWireApi.RevokeApiKeyUrl(id), null, default, cancellationToken).ConfigureAwait(false);
        Log.KeyRevoked(Logger, id);
    }

    /// <inheritdoc/>
    public async Task<CmComApiKeyRotation> RotateApiKeyAsync(CmComApiKeyRequest newKey, long oldKeyId, Func<CmComNewApiKey, CancellationToken, Task> storeNewKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newKey);
        ArgumentNullException.ThrowIfNull(storeNewKey);
        var now = _pipeline.Time.GetUtcNow();
        if (oldKeyId < 1)
        {
            throw new PaymentsValidationException("oldKeyId", $"must be a positive API key id (was {oldKeyId})");
        }

        if (newKey.ValidFrom > now || newKey.ValidUntil <= now)
        {
            throw new PaymentsValidationException("validity", "must include now for a rotation: the client switches to the new key at once and proves it with a request; create a key for later with CreateApiKeyAsync");
        }

        var configured = CurrentOptions.ApiKey;
        var replaced = _pipeline.Keys.KeyFor(configured);
        var created = await CreateApiKeyAsync(newKey, cancellationToken).ConfigureAwait(false);
        if (created.Id == oldKeyId)
        {
            throw new PaymentsValidationException("oldKeyId", $"is the id of the key just created ({created.Id}); name the key in use now");
        }

        await StoreAsync(created, storeNewKey, cancellationToken).ConfigureAwait(false);

        // From now on every request carries the new key, until the configuration holds another one than it does now.
        _pipeline.Keys.SwitchTo(created.Key, configured);
        try
        {
            var keys = await ListApiKeysAsync(cancellationToken).ConfigureAwait(false);
            Log.KeySwitched(Logger, created.Id);
            await RevokeApiKeyAsync(oldKeyId, cancellationToken).ConfigureAwait(false);
            return new CmComApiKeyRotation(keys.FirstOrDefault(k => k.Id == created.Id) ?? new CmComApiKey { Id = created.Id, Label = created.Label, ValidFrom = created.ValidFrom, ValidUntil = created.ValidUntil }, oldKeyId);
        }
        catch (CmComAuthenticationException refused)
        {
            // The proof failed: the old key still works (it was not revoked), so the client goes back to it.
            Log.KeyRefused(Logger, created.Id, refused);
            _pipeline.Keys.SwitchTo(replaced!, CurrentOptions.ApiKey);
            throw;
        }
    }

    /// <summary>Hands the new key to the application; when that fails, revokes it (still with the old key) so that no key nobody holds stays valid.</summary>
    private async Task StoreAsync(CmComNewApiKey created, Func<CmComNewApiKey, CancellationToken, Task> storeNewKey, CancellationToken cancellationToken)
    {
        try
        {
            await storeNewKey(created, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.KeyStoreFailed(Logger, created.Id, ex);
            try
            {
                await SendAsync(CmComWireApi.RevokeApiKey, CmComWireApi.RevokeApiKeyUrl(created.Id), null, default, CancellationToken.None).ConfigureAwait(false);
                Log.KeyRevoked(Logger, created.Id);
            }
            catch (PaymentsException revokeFailed)
            {
                Log.KeyOrphaned(Logger, created.Id, revokeFailed);
            }

            throw;
        }
    }

    /// <summary>The id of the key requests carry now, when this client created it; null when it cannot know (a configured key).</summary>
    private long? KeyInUseId() => _pipeline.Keys.IdOf(_pipeline.Keys.KeyFor(CurrentOptions.ApiKey));
}
