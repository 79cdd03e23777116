using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sunbay.Client.ColdStart;

/// <summary>
/// A loopback HTTP/1.1 server as light as it gets, so that its own start-up stays out of the client's: one listening
/// socket, one blocking thread per connection, no async machinery, no framework. It answers a sale with the canned
/// dispatch envelope (echoing the request's IDs) and a query with the canned transaction, keeping the connection alive,
/// with the headers Kestrel would send. Anything else is a 404.
/// </summary>
internal sealed class RawServer : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLengthName = "content-length:"u8.ToArray();
    private static readonly byte[] SalePath = Encoding.ASCII.GetBytes(SunbayEnvelopes.SalePath);
    private static readonly byte[] QueryPath = Encoding.ASCII.GetBytes(SunbayEnvelopes.QueryPath);
    private readonly Socket _listener;

    private RawServer(Socket listener)
    {
        _listener = listener;
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public static RawServer Start()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(16);
        var server = new RawServer(listener);
        new Thread(server.AcceptLoop) { IsBackground = true, Name = "raw-server" }.Start();
        return server;
    }

    public void Dispose() => _listener.Dispose();

    private void AcceptLoop()
    {
        try
        {
            while (true)
            {
                var connection = _listener.Accept();
                new Thread(() => Serve(connection)) { IsBackground = true, Name = "raw-connection" }.Start();
            }
        }
        catch (SocketException)
        {
            // Disposed: the process is ending.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static void Serve(Socket connection)
    {
        using var _ = connection;
        connection.NoDelay = true;
        var buffer = new byte[16 * 1024];
        var answer = new byte[16 * 1024];
        var filled = 0;
        try
        {
            while (true)
            {
                // Headers.
                int headerEnd;
                while ((headerEnd = buffer.AsSpan(0, filled).IndexOf(HeaderEnd)) < 0)
                {
                    var read = connection.Receive(buffer, filled, buffer.Length - filled, SocketFlags.None);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                var head = buffer.AsSpan(0, headerEnd);
                var bodyStart = headerEnd + HeaderEnd.Length;
                var bodyLength = ContentLength(head);
                while (filled < bodyStart + bodyLength)
                {
                    var read = connection.Receive(buffer, filled, buffer.Length - filled, SocketFlags.None);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                var body = buffer.AsSpan(bodyStart, bodyLength);
                var target = head[..head.IndexOf((byte)'\r')];
                var path = target[(target.IndexOf((byte)' ') + 1)..];
                path = path[..path.IndexOfAny((byte)' ', (byte)'?')];
                var length = Answer(path, body, answer);
                connection.Send(answer, 0, length, SocketFlags.None);

                // Keep what followed (a pipelined request), drop what was answered.
                var consumed = bodyStart + bodyLength;
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
        }
        catch (SocketException)
        {
            // The client went away.
        }
    }

    private static int Answer(ReadOnlySpan<byte> path, ReadOnlySpan<byte> body, byte[] answer)
    {
        Span<byte> content = stackalloc byte[SunbayEnvelopes.QueryResponse.Length + SunbayEnvelopes.SaleResponseMaxLength];
        int contentLength;
        var status = "200 OK";
        if (path.SequenceEqual(SalePath))
        {
            contentLength = SunbayEnvelopes.WriteSaleResponse(body, content);
        }
        else if (path.SequenceEqual(QueryPath))
        {
            SunbayEnvelopes.QueryResponse.CopyTo(content);
            contentLength = SunbayEnvelopes.QueryResponse.Length;
        }
        else
        {
            status = "404 Not Found";
            contentLength = 0;
        }

        var header = Encoding.ASCII.GetBytes(
            "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nDate: " + DateTime.UtcNow.ToString("r", System.Globalization.CultureInfo.InvariantCulture)
            + "\r\nServer: raw\r\nContent-Length: " + contentLength.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\r\n\r\n");
        header.CopyTo(answer, 0);
        content[..contentLength].CopyTo(answer.AsSpan(header.Length));
        return header.Length + contentLength;
    }

    private static int ContentLength(ReadOnlySpan<byte> head)
    {
        // Header names are case-insensitive: search a lower-cased copy.
        Span<byte> lower = stackalloc byte[head.Length];
        for (var i = 0; i < head.Length; i++)
        {
            lower[i] = head[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(head[i] | 0x20) : head[i];
        }

        var at = lower.IndexOf(ContentLengthName);
        if (at < 0)
        {
            return 0;
        }

        var value = lower[(at + ContentLengthName.Length)..];
        var end = value.IndexOf((byte)'\r');
        return int.Parse(Encoding.ASCII.GetString(end < 0 ? value : value[..end]).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
