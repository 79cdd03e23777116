using System.Threading.Channels;

namespace Sunbay.Client.Tests.Support;

/// <summary>
/// A primary HTTP handler whose answers the test gives by hand: every request waits, in order, until the test takes it
/// (<see cref="NextAsync"/>) and answers it. An interleaving of a request with anything else is then forced, not hoped for.
/// </summary>
internal sealed class GatedHandler : HttpMessageHandler
{
    private readonly Channel<Pending> _requests = Channel.CreateUnbounded<Pending>();
    private int _sent;

    /// <summary>How many requests reached the handler.</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>The next request sent (waits for it), not answered yet.</summary>
    public async Task<Pending> NextAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _requests.Reader.ReadAsync(guard.Token);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sent);
        var pending = new Pending(request);
        await _requests.Writer.WriteAsync(pending, cancellationToken);
        var response = await pending.Answer.WaitAsync(cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    /// <summary>A request in flight.</summary>
    internal sealed class Pending(HttpRequestMessage request)
    {
        private readonly TaskCompletionSource<HttpResponseMessage> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HttpRequestMessage Request { get; } = request;

        public Task<HttpResponseMessage> Answer => _answer.Task;

        public void Respond(string json) => _answer.TrySetResult(StubHandler.Json(json));
    }
}
