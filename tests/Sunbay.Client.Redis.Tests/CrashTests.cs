using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Sunbay.Client.Testing;

namespace Sunbay.Client.Redis.Tests;

/// <summary>
/// Proof by crash (issue 21, point 4): the application (tests/Sunbay.Client.TestApp, a real child process with a Redis
/// journal on Garnet) starts a payment against a fake SUNBAY listening on loopback in this process, is killed with
/// SIGKILL after the request left and before the outcome was recorded, and is started again: the recovery service of
/// the new process delivers the outcome to the application's handler once, and the payment is never sent twice.
/// </summary>
/// <remarks>Real time throughout (a child process cannot share a virtual clock); every wait is bounded.</remarks>
[Trait("Category", "Redis")]
public sealed class CrashTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly string _outcomes = Path.Combine(Path.GetTempPath(), $"sunbay-crash-{Guid.NewGuid():N}.txt");
    private readonly string _prefix = $"crash:{Guid.NewGuid():N}:";
    private readonly List<Child> _children = [];
    private FakeSunbayHost _host = null!;

    public Task InitializeAsync()
    {
        _host = FakeSunbayHost.Start(new FakeSunbayHostOptions { CardPresentDelay = TimeSpan.FromSeconds(3) });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var child in _children)
        {
            child.Kill();
        }

        await _host.DisposeAsync();
        File.Delete(_outcomes);
    }

    [Fact]
    public async Task Killed_after_the_start_answered_and_before_the_outcome_the_restarted_app_delivers_it_once()
    {
        var first = await StartChildAsync();
        var key = await first.StartPaymentAsync("order-crash-0001", 1250);
        first.Kill(); // SIGKILL: the card is not presented yet, nothing recorded the outcome
        Assert.Empty(Lines());

        var second = await StartChildAsync();
        var line = await DeliveredAsync(key);
        await Task.Delay(TimeSpan.FromSeconds(3)); // three more recovery passes: nothing is delivered again

        Assert.Equal([line], Lines().Where(l => l.StartsWith(key, StringComparison.Ordinal)));
        Assert.Equal($"{key} Approved recovery {second.Id}", line);
        Assert.Single(_host.Transactions);
        Assert.Single(_host.Journal, r => r.Endpoint == FakeEndpoint.Sale);
    }

    [Fact]
    public async Task Killed_while_the_request_was_on_its_way_the_restarted_app_finds_it_and_never_sends_it_again()
    {
        var first = await StartChildAsync();
        _host.Faults.EnqueueLatency(FakeEndpoint.Sale, TimeSpan.FromSeconds(2));
        var start = first.StartPaymentAsync("order-crash-0002", 1250);
        await UntilAsync(() => _host.Faults.Pending == 0, "the sale to reach the fake"); // it left; its answer is 2 s away
        first.Kill();
        _ = start.ContinueWith(t => t.Exception, TaskScheduler.Default);

        var second = await StartChildAsync();
        await UntilAsync(() => Lines().Length > 0, "a delivery");
        await Task.Delay(TimeSpan.FromSeconds(3));

        var line = Assert.Single(Lines());
        Assert.EndsWith($" Approved recovery {second.Id}", line, StringComparison.Ordinal);
        Assert.Single(_host.Transactions);
        Assert.Single(_host.Journal, r => r.Endpoint == FakeEndpoint.Sale);
    }

    private string[] Lines() => File.Exists(_outcomes) ? File.ReadAllLines(_outcomes).Where(l => l.Length > 0).ToArray() : [];

    private async Task<string> DeliveredAsync(string key)
    {
        string? line = null;
        await UntilAsync(() => (line = Lines().FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))) is not null, $"the outcome of {key}");
        return line!;
    }

    private async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Patience.TotalSeconds} s for {what}. Children's output:\n{string.Join("\n---\n", _children.Select(c => c.Output))}");
            }

            await Task.Delay(50);
        }
    }

    private async Task<Child> StartChildAsync()
    {
        var options = new SunbayClientOptions();
        _host.ConfigureClient(options);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(TestAppPath());
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Sunbay:BaseAddress"] = options.BaseAddress!.ToString(),
            ["Sunbay:ApiKey"] = options.ApiKey!,
            ["Sunbay:AppId"] = options.AppId!,
            ["Sunbay:MerchantId"] = options.MerchantId!,
            ["Sunbay:TerminalSn"] = options.TerminalSn!,
            ["Sunbay:Polling:InitialInterval"] = "00:00:00.250",
            ["Sunbay:Polling:NotReceivedAfter"] = "00:00:10",
            ["Durable:Redis"] = redis["garnet"].ConnectionString,
            ["Durable:Prefix"] = _prefix,
            ["Durable:Outcomes"] = _outcomes,
            ["Logging:LogLevel:Default"] = "Warning",
        })
        {
            start.ArgumentList.Add($"--{name}={value}");
        }

        var child = new Child(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
        _children.Add(child);
        await UntilAsync(() => child.IsReady(), "the app to listen");
        return child;
    }

    private static string TestAppPath()
    {
        // tests/Sunbay.Client.Redis.Tests/bin/{Configuration}/{framework}/ → tests/Sunbay.Client.TestApp/bin/{Configuration}/{framework}/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var tests = output.Parent.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(tests, "Sunbay.Client.TestApp", "bin", configuration, framework, "Sunbay.Client.TestApp.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("The test app is built with this project (a ProjectReference); it was not found.", path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The application as a child process: its HTTP endpoint and its output.</summary>
    private sealed class Child
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly HttpClient _http;

        public Child(Process process, Uri address)
        {
            _process = process;
            _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public int Id => _process.Id;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public bool IsReady()
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The test app exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = _http.GetAsync("/").GetAwaiter().GetResult();
                return true; // any answer (404) means Kestrel listens
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }

        public async Task<string> StartPaymentAsync(string order, long amount)
        {
            using var response = await _http.PostAsync(new Uri($"durable/start?order={order}&amount={amount.ToString(CultureInfo.InvariantCulture)}", UriKind.Relative), null);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {body}\n{Output}");
            return body;
        }

        /// <summary>SIGKILL (on Linux, <see cref="Process.Kill()"/> sends it): no shutdown, no flush, no finally.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (_output)
                {
                    _output.AppendLine(line);
                }
            }
        }
    }
}
