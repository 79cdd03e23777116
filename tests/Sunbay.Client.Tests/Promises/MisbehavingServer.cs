using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sunbay.Client.Tests.Promises;

/// <summary>One request as it arrived on the wire: which connection, the request line, the headers and the body.</summary>
internal sealed record WireRequest(int Connection, string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The path, still escaped as sent.</summary>
    public string Path => Target.Split('?')[0];

    /// <summary>The decoded value of a query parameter, or null.</summary>
    public string? Query(string name) =>
        Target.Contains('?', StringComparison.Ordinal)
            ? Target[(Target.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&')
                .Select(p => p.Split('=', 2))
                .Where(p => p[0] == name)
                .Select(p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty))
                .FirstOrDefault()
            : null;
}

/// <summary>What <see cref="MisbehavingServer"/> does with one request.</summary>
internal sealed record Reply
{
    public int Status { get; init; }

    /// <summary>The body; null for none (no Content-Length either, as a 204).</summary>
    public string? Body { get; init; }

    public string ContentType { get; init; } = "application/json";

    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>Reads the request, then closes the connection without a byte of answer.</summary>
    public bool CloseUnanswered { get; init; }

    /// <summary>A body of this many bytes, written in chunks for as long as the client reads.</summary>
    public long? HugeBody { get; init; }

    public static Reply Json(int status, string? body, params (string Name, string Value)[] headers) =>
        new() { Status = status, Body = body, Headers = headers };

    public static Reply Close { get; } = new() { CloseUnanswered = true };

    /// <summary>Writes only this many bytes of <see cref="Body"/> (its whole length announced), then stalls until the server stops.</summary>
    public int? StallAfter { get; init; }

    /// <summary>The huge body without a Content-Length, delimited by closing the connection (HTTP/1.1's oldest framing).</summary>
    public bool Unannounced { get; init; }

    public static Reply Huge(int status, long length, string contentType = "text/plain", bool announced = true) =>
        new() { Status = status, HugeBody = length, ContentType = contentType, Unannounced = !announced };
}

/// <summary>
/// A loopback HTTP/1.1 server on a raw socket that answers whatever a test tells it to, including what no framework
/// server would: closing a kept-alive connection after reading a request, bodies of any size, <c>null</c>, lists holding
/// null, redirects to anywhere. Keeps every request it read (a retry made by the client's HTTP handler shows up here).
/// </summary>
internal sealed class MisbehavingServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<WireRequest> _requests = [];
    private readonly List<Task> _connections = [];
    private readonly Func<WireRequest, Reply> _answer;
    private readonly Task _accepting;
    private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _bodyBytesWritten;
    private int _connectionCount;

    private MisbehavingServer(Func<WireRequest, Reply> answer)
    {
        _answer = answer;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>Every request read so far, in order.</summary>
    public IReadOnlyList<WireRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Bytes of huge bodies the client took before it stopped reading.</summary>
    public long HugeBytesWritten => Interlocked.Read(ref _bodyBytesWritten);

    /// <summary>Completes when a <see cref="Reply.StallAfter"/> answer has written its part and stalls.</summary>
    public Task Stalled => _stalled.Task;

    public static MisbehavingServer Start(Func<WireRequest, Reply> answer) => new(answer);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var connection = Interlocked.Increment(ref _connectionCount);
            lock (_connections)
            {
                _connections.Add(Task.Run(() => ServeAsync(socket, connection)));
            }
        }
    }

    private async Task ServeAsync(Socket socket, int connection)
    {
        using var _ = socket;
        socket.NoDelay = true; // no 40 ms Nagle/delayed-ACK stall between the head and the body of an answer
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var pending = new List<byte>();
        var buffer = new byte[16 * 1024];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                // The head: up to the empty line.
                int end;
                while ((end = IndexOfHeadEnd(pending)) < 0)
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    pending.AddRange(buffer.AsSpan(0, read));
                }

                var head = Encoding.ASCII.GetString([.. pending.GetRange(0, end)]).Split("\r\n");
                pending.RemoveRange(0, end + 4);
                var line = head[0].Split(' ');
                var headers = head.Skip(1).Select(h => h.Split(':', 2)).ToDictionary(h => h[0].Trim(), h => h[1].Trim(), StringComparer.OrdinalIgnoreCase);
                var length = headers.TryGetValue("Content-Length", out var l) ? int.Parse(l, CultureInfo.InvariantCulture) : 0;
                while (pending.Count < length)
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    pending.AddRange(buffer.AsSpan(0, read));
                }

                var body = Encoding.UTF8.GetString([.. pending.GetRange(0, length)]);
                pending.RemoveRange(0, length);
                var request = new WireRequest(connection, line[0], line[1], headers, body);
                lock (_requests)
                {
                    _requests.Add(request);
                }

                var reply = _answer(request);
                if (reply.CloseUnanswered)
                {
                    socket.Shutdown(SocketShutdown.Both);
                    return;
                }

                await WriteAsync(stream, reply);
                if (reply.Unannounced)
                {
                    socket.Shutdown(SocketShutdown.Both);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away: nothing to answer.
        }
    }

    private async Task WriteAsync(NetworkStream stream, Reply reply)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {reply.Status} {ReasonOf(reply.Status)}\r\n");
        var body = reply.Body is null ? null : Encoding.UTF8.GetBytes(reply.Body);
        if (reply.HugeBody is { } huge)
        {
            head.Append(reply.Unannounced
                ? $"Connection: close\r\nContent-Type: {reply.ContentType}\r\n"
                : string.Create(CultureInfo.InvariantCulture, $"Content-Length: {huge}\r\nContent-Type: {reply.ContentType}\r\n"));
        }
        else if (body is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\nContent-Type: {reply.ContentType}\r\n");
        }
        else if (reply.Status is not (204 or 304) and >= 200)
        {
            head.Append("Content-Length: 0\r\n");
        }

        foreach (var (name, value) in reply.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        var headBytes = Encoding.ASCII.GetBytes(head.ToString());
        if (reply.StallAfter is { } part && body is not null)
        {
            await stream.WriteAsync((byte[])[.. headBytes, .. body.AsSpan(0, part)], _stop.Token);
            await stream.FlushAsync(_stop.Token);
            _stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, _stop.Token);
        }

        await stream.WriteAsync(body is null || reply.HugeBody is not null ? headBytes : [.. headBytes, .. body], _stop.Token);
        if (reply.HugeBody is { } total)
        {
            var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (long sent = 0; sent < total; sent += chunk.Length)
            {
                var size = (int)Math.Min(chunk.Length, total - sent);
                await stream.WriteAsync(chunk.AsMemory(0, size), _stop.Token);
                Interlocked.Add(ref _bodyBytesWritten, size);
            }
        }

        await stream.FlushAsync(_stop.Token);
    }

    private static int IndexOfHeadEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private static string ReasonOf(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        _ => "Status",
    };
}
