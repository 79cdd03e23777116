namespace Sunbay.Client.CmCom;

/// <summary>A completed rotation: the new key is in use (and proven to work), the old one revoked.</summary>
/// <param name="NewKey">The key now in use (its secret was handed to the application's store, never kept here).</param>
/// <param name="RevokedKeyId">The id of the key revoked.</param>
public sealed record CmComApiKeyRotation(CmComApiKey NewKey, long RevokedKeyId);
