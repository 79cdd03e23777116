namespace Sunbay.Client.Testing;

/// <summary>One request a fake host received, with the answer it gave: for assertions on what a client sent.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="PathAndQuery">Path and query string as received.</param>
/// <param name="Headers">Request headers (values of a repeated header joined with <c>", "</c>), case-insensitive names, credentials included as sent.</param>
/// <param name="Body">Raw request body (empty for GET and DELETE).</param>
/// <param name="Endpoint">The endpoint matched (<see cref="FakeEndpoint.Any"/> for an unknown path).</param>
/// <param name="StatusCode">HTTP status answered; <see langword="null"/> when the connection was dropped.</param>
/// <param name="Code">SUNBAY's envelope code answered; <see langword="null"/> when the answer had no envelope (always on CM.com).</param>
/// <param name="Fault">The fault injected into this answer, if any.</param>
/// <param name="Time">When the request arrived, on the host's <see cref="FakeProviderHost.TimeProvider"/>.</param>
public sealed record RecordedRequest(
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    FakeEndpoint Endpoint,
    int? StatusCode,
    string? Code,
    FakeFault Fault,
    DateTimeOffset Time);
