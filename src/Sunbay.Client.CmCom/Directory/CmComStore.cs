namespace Sunbay.Client.CmCom;

/// <summary>A store of one of the customer's merchants (a reseller or integrator sees the stores of all its merchants).</summary>
/// <param name="Uuid">CM.com's id of the store.</param>
/// <param name="Name">The store's name.</param>
public sealed record CmComStore(string? Uuid, string? Name);
