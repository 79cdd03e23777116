namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// What a transport needs from a fake host (<see cref="FakeSunbayHost"/>, <see cref="FakeCmComHost"/>): its name for
/// messages, its address, and the one method that answers a request whichever transport brought it.
/// </summary>
/// <param name="Name">The host's type name, e.g. <c>FakeCmComHost</c>.</param>
/// <param name="BaseAddress">The address clients use.</param>
/// <param name="HandleAsync">Answers one request (its raw query string as second argument).</param>
/// <param name="Work">The host's requests in hand, registered with its clock: a transport counts a request from its arrival to its answer.</param>
internal sealed record FakeServer(string Name, Func<Uri> BaseAddress, Func<IncomingRequest, string, Task<FakeAnswer>> HandleAsync, FakeWorkInHand Work);
