namespace Sunbay.Client.CmCom;

/// <summary>A terminal onboarded in Cloud Integration mode.</summary>
/// <param name="Id">Its id, <c>{manufacturer}-{model}-{serial}</c> (built from the parts when CM.com does not send it).</param>
/// <param name="Manufacturer">The manufacturer, e.g. <c>SUNMI</c>.</param>
/// <param name="Model">The model, e.g. <c>P2lite</c>.</param>
/// <param name="Serial">The serial number.</param>
/// <param name="Store">The store it belongs to, when CM.com says.</param>
public sealed record CmComTerminal(string Id, string? Manufacturer, string? Model, string? Serial, CmComStore? Store);
