namespace Sunbay.Client.Testing;

/// <summary>One request a <see cref="FakeCmComHost"/> received, with the answer it gave: for assertions on what a client sent.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="PathAndQuery">Path and query string as received.</param>
/// <param name="Headers">Request headers (values of a repeated header joined with <c>", "</c>), case-insensitive names; <c>API-Key</c> included as sent.</param>
/// <param name="Body">Raw request body (empty for GET and DELETE).</param>
/// <param name="Endpoint">The endpoint matched (<see cref="FakeCmComEndpoint.Any"/> for an unknown path).</param>
/// <param name="StatusCode">HTTP status answered; <see langword="null"/> when the connection was dropped.</param>
/// <param name="Fault">The fault injected into this answer, if any.</param>
/// <param name="Time">When the request arrived, on the host's <see cref="FakeCmComHost.TimeProvider"/>.</param>
public sealed record FakeCmComRecordedRequest(
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    FakeCmComEndpoint Endpoint,
    int? StatusCode,
    FakeFault Fault,
    DateTimeOffset Time);
