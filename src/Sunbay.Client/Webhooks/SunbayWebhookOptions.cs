namespace Sunbay.Client.Webhooks;

/// <summary>
/// Webhook settings, bindable from the configuration section <c>Sunbay:Webhooks</c> (environment variables
/// <c>Sunbay__Webhooks__Secrets__0</c>, <c>Sunbay__Webhooks__Secrets__1</c>, ...). <see cref="ToString"/> never shows a secret.
/// </summary>
public sealed class SunbayWebhookOptions
{
    /// <summary>The default <see cref="Tolerance"/>: 5 minutes, as SUNBAY advises.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The default <see cref="MaxBodyBytes"/>: 64 KiB.</summary>
    public const int DefaultMaxBodyBytes = 64 * 1024;

    /// <summary>
    /// The webhook signing secrets (Copilot/Connect application details; production has its own). A delivery is accepted
    /// when its signature matches any of them, so during a rotation list the new secret and the old one, and remove the
    /// old one once SUNBAY signs with the new. The key of the HMAC is the UTF-8 bytes of the secret as shown by SUNBAY.
    /// </summary>
    public IList<string> Secrets { get; } = new List<string>();

    /// <summary>How far <c>X-Timestamp</c> may be from now, either way. Default 5 minutes.</summary>
    public TimeSpan Tolerance { get; set; } = DefaultTolerance;

    /// <summary>The largest body accepted, in bytes. Default 64 KiB; a transaction notification is about 1 KiB.</summary>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>
    /// How long a processed notification is remembered (by <see cref="TransactionNotification.DeduplicationKey"/>, the
    /// transaction and its status), so that a re-delivery, or a replay of a captured body with fresh headers, is answered
    /// 200 without running the handler again. Default 24 hours; keep it at least that long. The signature covers the body
    /// only, so a body replayed after the window has passed would run the handler again: a handler that records the
    /// transaction's status should still ignore a status it already has.
    /// </summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long the ASP.NET Core endpoint waits for the handler before it answers 200 anyway (the handler then goes on in
    /// the background). Default 3 seconds, so that with reading and verifying the answer stays within SUNBAY's 5 seconds.
    /// </summary>
    public TimeSpan AcknowledgementTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>A summary without the secrets.</summary>
    public override string ToString() =>
        $"SunbayWebhookOptions {{ Secrets = {Secrets.Count} configured, Tolerance = {Tolerance}, MaxBodyBytes = {MaxBodyBytes}, DeduplicationWindow = {DeduplicationWindow}, AcknowledgementTimeout = {AcknowledgementTimeout} }}";
}
