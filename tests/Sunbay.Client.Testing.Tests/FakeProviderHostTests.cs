using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sunbay.Client.CmCom;
using Sunbay.Client.Payments;

namespace Sunbay.Client.Testing.Tests;

/// <summary>
/// The shared half of the fakes, run against both: what <see cref="FakeProviderHost"/> promises (raw client, journal,
/// faults, latency on the clock, key rotation, transports, disposal, DI) reads and behaves the same for SUNBAY and CM.com.
/// </summary>
public sealed class FakeProviderHostTests
{
    public static TheoryData<string> Providers => ["sunbay", "cm"];

    public static TheoryData<string, FakeFault, int> RefusingFaults => new()
    {
        { "sunbay", FakeFault.ServerError, 500 }, { "cm", FakeFault.ServerError, 500 },
        { "sunbay", FakeFault.ServiceUnavailable, 503 }, { "cm", FakeFault.ServiceUnavailable, 503 },
        { "sunbay", FakeFault.BadGatewayHtml, 502 }, { "cm", FakeFault.BadGatewayHtml, 502 },
        { "sunbay", FakeFault.TemporaryRedirect, 307 }, { "cm", FakeFault.TemporaryRedirect, 307 },
        { "sunbay", FakeFault.DuplicateClientRequestId, 400 }, { "cm", FakeFault.Conflict, 409 },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_raw_client_authenticates_and_the_journal_records_the_request_and_its_answer(string provider)
    {
        await using var fake = new Fake(provider);
        fake.Clock.Advance(TimeSpan.FromMinutes(3));

        var status = await fake.ReadAsync();

        Assert.Equal(200, status);
        var recorded = Assert.Single(fake.Host.Journal);
        Assert.Equal(("GET", fake.Read, (int?)200, FakeFault.None, fake.Clock.GetUtcNow()), (recorded.Method, recorded.Endpoint, recorded.StatusCode, recorded.Fault, recorded.Time));
        Assert.StartsWith("/" + fake.ReadPath.Split('?')[0], recorded.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains(fake.Host.ApiKey!, string.Join("\n", recorded.Headers.Values), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sunbay", "X-Client-Request-Id", "0b9a4a4e-4f5e-4c4e-9d7a-5a1f3e2d1c0b", 200)]
    [InlineData("sunbay", "Authorization", "Bearer sk_test_not_the_host_s", 401)]
    [InlineData("cm", "API-Key", "cm_test_not_the_host_s", 403)]
    public async Task The_raw_client_keeps_a_header_the_test_set_itself(string provider, string header, string value, int status)
    {
        await using var fake = new Fake(provider);
        using var request = new HttpRequestMessage(HttpMethod.Get, fake.ReadPath);
        request.Headers.TryAddWithoutValidation(header, value);

        using var answer = await fake.Http.SendAsync(request);

        Assert.Equal(status, (int)answer.StatusCode);
        Assert.Equal(value, Assert.Single(fake.Host.Journal).Headers[header]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Setting_ApiKey_rotates_it_the_old_key_is_refused_from_the_next_request_on(string provider)
    {
        await using var fake = new Fake(provider);
        using var old = fake.Host.CreateHttpClient();

        fake.Host.ApiKey = "rotated_key_for_the_contract_test";
        using var current = fake.Host.CreateHttpClient();

        var refused = provider == "cm" ? 403 : 401; // CM.com: 401 only without a key, 403 for a key it does not accept

        Assert.Equal(refused, await fake.ReadAsync(old));
        Assert.Equal(200, await fake.ReadAsync(current));
        Assert.Equal("rotated_key_for_the_contract_test", fake.Host.ApiKey);
        Assert.Equal([refused, 200], fake.Host.Journal.Select(r => r.StatusCode));
        Assert.Throws<ArgumentException>(() => fake.Host.ApiKey = " ");
    }

    [Theory]
    [MemberData(nameof(RefusingFaults))]
    public async Task A_fault_that_refuses_a_start_answers_in_the_provider_s_format_and_creates_nothing(string provider, FakeFault fault, int status)
    {
        await using var fake = new Fake(provider);
        fake.Host.Faults.Enqueue(fake.Start, fault);

        using var answer = await fake.StartAsync("REFUSED-1");

        Assert.Equal(status, (int)answer.StatusCode);
        Assert.Equal(0, fake.TransactionCount);
        Assert.Equal(0, fake.Host.Faults.Pending);
        var recorded = Assert.Single(fake.Host.Journal);
        Assert.Equal((fake.Start, fault, (int?)status), (recorded.Endpoint, recorded.Fault, recorded.StatusCode));
        if (status == 307)
        {
            Assert.Equal(new Uri(fake.Host.BaseAddress, fake.StartPath + "?redirected=307"), answer.Headers.Location);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Too_many_requests_carries_the_faults_Retry_After(string provider)
    {
        await using var fake = new Fake(provider);
        fake.Host.Faults.RetryAfter = TimeSpan.FromSeconds(6.2);
        fake.Host.Faults.Enqueue(FakeEndpoint.Any, FakeFault.TooManyRequests);

        using var answer = await fake.Http.GetAsync(fake.ReadPath);

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), answer.Headers.RetryAfter?.Delta);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_drop_after_recording_processes_the_start_and_ends_the_response(string provider)
    {
        await using var fake = new Fake(provider);
        fake.Host.Faults.Enqueue(FakeEndpoint.Any, FakeFault.DropAfterRecording);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => fake.StartAsync("DROPPED-1"));

        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        Assert.Equal(1, fake.TransactionCount);
        var recorded = Assert.Single(fake.Host.Journal);
        Assert.Equal((fake.Start, FakeFault.DropAfterRecording, (int?)null, (string?)null), (recorded.Endpoint, recorded.Fault, recorded.StatusCode, recorded.Code));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_drop_before_recording_creates_nothing(string provider)
    {
        await using var fake = new Fake(provider);
        fake.Host.Faults.Enqueue(fake.Start, FakeFault.DropBeforeRecording);

        await Assert.ThrowsAsync<HttpRequestException>(() => fake.StartAsync("DROPPED-2"));

        Assert.Equal(0, fake.TransactionCount);
        Assert.Null(Assert.Single(fake.Host.Journal).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Spoiled_answers_are_200_with_a_broken_body_after_the_request_was_processed(string provider)
    {
        await using var fake = new Fake(provider);
        fake.Host.Faults.Enqueue(fake.Start, FakeFault.EmptyBody);
        fake.Host.Faults.Enqueue(fake.Read, FakeFault.WrongContentType);

        using var empty = await fake.StartAsync("SPOILED-1");
        using var html = await fake.Http.GetAsync(fake.ReadPath);

        Assert.Equal((HttpStatusCode.OK, string.Empty), (empty.StatusCode, await empty.Content.ReadAsStringAsync()));
        Assert.Equal(1, fake.TransactionCount);
        Assert.Equal((HttpStatusCode.OK, "text/html"), (html.StatusCode, html.Content.Headers.ContentType?.MediaType));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_fault_for_an_endpoint_is_used_before_one_for_any_endpoint(string provider)
    {
        await using var fake = new Fake(provider);
        fake.Host.Faults.Enqueue(FakeEndpoint.Any, FakeFault.ServerError);
        fake.Host.Faults.Enqueue(fake.Read, FakeFault.BadGateway, count: 2);

        int[] statuses = [await fake.ReadAsync(), await fake.ReadAsync(), await fake.ReadAsync(), await fake.ReadAsync()];

        Assert.Equal([502, 502, 500, 200], statuses);
        Assert.Equal(0, fake.Host.Faults.Pending);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Clear_drops_the_faults_not_used_yet(string provider)
    {
        await using var fake = new Fake(provider);
        fake.Host.Faults.Enqueue(FakeEndpoint.Any, FakeFault.ServerError, count: 3);

        fake.Host.Faults.Clear();

        Assert.Equal((0, 200), (fake.Host.Faults.Pending, await fake.ReadAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Latency_holds_the_answer_until_RunUntilAsync_moves_the_host_clock(string provider)
    {
        await using var fake = new Fake(provider);
        fake.Host.Faults.EnqueueLatency(fake.Read, TimeSpan.FromSeconds(30));
        var start = fake.Clock.GetUtcNow();

        var pending = fake.ReadAsync();
        var status = await fake.Host.RunUntilAsync(pending, TimeSpan.FromMinutes(1));

        Assert.Equal(200, status);
        Assert.Equal(start.AddSeconds(30), fake.Clock.GetUtcNow());
        Assert.Equal(start, Assert.Single(fake.Host.Journal).Time);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_other_provider_s_endpoints_and_own_fault_are_refused_at_once(string provider)
    {
        await using var fake = new Fake(provider);
        var foreignEndpoint = provider == "cm" ? FakeEndpoint.Sale : FakeEndpoint.StartTransaction;
        var foreignFault = provider == "cm" ? FakeFault.DuplicateClientRequestId : FakeFault.Conflict;

        Assert.Throws<ArgumentException>("endpoint", () => fake.Host.Faults.Enqueue(foreignEndpoint, FakeFault.ServerError));
        Assert.Throws<ArgumentException>("fault", () => fake.Host.Faults.Enqueue(FakeEndpoint.Any, foreignFault));
        Assert.Throws<ArgumentOutOfRangeException>(() => fake.Host.Faults.Enqueue(FakeEndpoint.Any, FakeFault.ServerError, count: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => fake.Host.Faults.EnqueueLatency(FakeEndpoint.Any, TimeSpan.FromSeconds(-1)));
        Assert.Equal(0, fake.Host.Faults.Pending);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RunUntilAsync_needs_a_FakeClock(string provider)
    {
        await using var fake = new Fake(provider, time: TimeProvider.System);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fake.Host.RunUntilAsync(Task.CompletedTask, TimeSpan.FromSeconds(1)));

        Assert.Contains("FakeClock", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_started_host_answers_the_same_over_loopback_and_stops_when_disposed(string provider)
    {
        var fake = new Fake(provider, listen: true);
        var address = fake.Host.BaseAddress;

        Assert.True(fake.Host.IsListening);
        Assert.Equal(("http", "127.0.0.1"), (address.Scheme, address.Host));
        Assert.EndsWith(address.ToString(), fake.Host.ToString(), StringComparison.Ordinal);
        Assert.Equal(200, await fake.ReadAsync());
        Assert.Single(fake.Host.Journal);

        await fake.DisposeAsync();
        fake.Host.Dispose();

        using var after = new HttpClient { BaseAddress = address };
        await Assert.ThrowsAsync<HttpRequestException>(() => after.GetAsync(fake.ReadPath));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_in_memory_host_has_an_unresolvable_address_and_says_so(string provider)
    {
        await using var fake = new Fake(provider);

        Assert.False(fake.Host.IsListening);
        Assert.EndsWith(".invalid", fake.Host.BaseAddress.Host, StringComparison.Ordinal);
        Assert.EndsWith("(in memory)", fake.Host.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sunbay", true)]
    [InlineData("sunbay", false)]
    [InlineData("cm", true)]
    [InlineData("cm", false)]
    public async Task AddFake_points_the_application_s_client_at_the_host_and_swaps_the_clock_only_when_asked(string provider, bool useHostClock)
    {
        await using var fake = new Fake(provider);
        var services = new ServiceCollection();
        var appClock = new FakeClock();
        services.AddSingleton<TimeProvider>(appClock);
        services.AddCardPayments(o => o.Provider = provider);
        Func<IServiceProvider, (Uri?, string?)> configured;
        if (fake.Host is FakeSunbayHost sunbay)
        {
            services.AddFakeSunbay(sunbay, useHostClock);
            configured = p => p.GetRequiredService<IOptionsMonitor<SunbayClientOptions>>().CurrentValue is var o ? (o.BaseAddress, o.ApiKey) : default;
        }
        else
        {
            services.AddFakeCmCom((FakeCmComHost)fake.Host, useHostClock);
            configured = p => p.GetRequiredService<IOptionsMonitor<CmComClientOptions>>().CurrentValue is var o ? (o.BaseAddress, o.ApiKey) : default;
        }

        await using var app = services.BuildServiceProvider();
        var payment = await app.GetRequiredService<ICardPayments>().StartPaymentAsync(new CardPaymentRequest { Amount = new Money(7m, provider == "cm" ? "EUR" : "USD"), MerchantReference = "FAKE-DI-0001" });

        Assert.Equal((fake.Host.BaseAddress, fake.Host.ApiKey), configured(app));
        Assert.Same(useHostClock ? fake.Clock : appClock, app.GetRequiredService<TimeProvider>());
        Assert.Single(fake.Host.Journal, r => r.Endpoint == fake.Start && r.StatusCode is >= 200 and < 300);
        Assert.Equal(1, fake.TransactionCount);
        if (useHostClock)
        {
            // The client polls on the application's clock: only when it is the host's can RunUntilAsync drive the wait.
            Assert.True((await fake.Host.RunUntilAsync(payment.WaitForCompletionAsync(), TimeSpan.FromMinutes(5))).IsApproved);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_terminal_s_script_decides_the_next_outcomes_in_order_and_can_be_cleared(string provider)
    {
        await using var fake = new Fake(provider);
        var terminal = fake.Host.Terminal(fake.TerminalId);
        terminal.DeclineNext("05", "Do not honour");
        terminal.Enqueue(FakeCardResult.CustomerCancels, count: 2);
        terminal.ClearScript();
        terminal.DeclineNext("05", "Do not honour");
        terminal.ApproveNext();
        await using var app = fake.Application();
        var payments = app.GetRequiredService<ICardPayments>();

        var declined = await fake.Host.RunUntilAsync(fake.PayAsync(payments, "SCRIPT-0001"), TimeSpan.FromMinutes(5));
        var approved = await fake.Host.RunUntilAsync(fake.PayAsync(payments, "SCRIPT-0002"), TimeSpan.FromMinutes(5));

        Assert.Equal((false, true), (declined.IsApproved, approved.IsApproved));
        Assert.Same(terminal, fake.Host.Terminal(fake.TerminalId));
        Assert.Throws<KeyNotFoundException>(() => fake.Host.Terminal("NO-SUCH-TERMINAL1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => terminal.Enqueue(FakeCardResult.Approve, count: 0));
    }

    /// <summary>One fake host of either provider on a <see cref="FakeClock"/>, with a raw client and one cheap read and one start of its dialect.</summary>
    private sealed class Fake : IAsyncDisposable
    {
        private int _starts;

        public Fake(string provider, bool listen = false, TimeProvider? time = null)
        {
            var clock = time ?? Clock;
            if (provider == "cm")
            {
                var options = new FakeCmComHostOptions { TimeProvider = clock };
                Host = listen ? FakeCmComHost.Start(options) : FakeCmComHost.CreateInMemory(options);
                (Read, ReadPath, Start, StartPath) = (FakeEndpoint.ListStores, "stores", FakeEndpoint.StartTransaction, "/terminals/SUNMI-P2lite-FAKE0000001/transactions");
            }
            else
            {
                var options = new FakeSunbayHostOptions { TimeProvider = clock };
                var host = listen ? FakeSunbayHost.Start(options) : FakeSunbayHost.CreateInMemory(options);
                Host = host;
                (Read, ReadPath, Start, StartPath) = (FakeEndpoint.MerchantQuery, $"v1/merchant/query?appId={host.AppId}&merchantId={host.MerchantId}", FakeEndpoint.Sale, "/v1/semi-integration/transaction/sale");
            }

            Http = Host.CreateHttpClient();
        }

        public FakeClock Clock { get; } = new();

        public FakeProviderHost Host { get; }

        public HttpClient Http { get; }

        public FakeEndpoint Read { get; }

        public string ReadPath { get; }

        public FakeEndpoint Start { get; }

        public string StartPath { get; }

        public string TerminalId => Host is FakeSunbayHost sunbay ? sunbay.Terminals.First().Sn : ((FakeCmComHost)Host).Terminals[0].Id;

        public int TransactionCount => Host is FakeSunbayHost sunbay ? sunbay.Transactions.Count : ((FakeCmComHost)Host).Transactions.Count;

        public async Task<int> ReadAsync(HttpClient? http = null)
        {
            using var answer = await (http ?? Http).GetAsync(ReadPath);
            return (int)answer.StatusCode;
        }

        public Task<HttpResponseMessage> StartAsync(string reference)
        {
            var body = Host is FakeSunbayHost sunbay
                ? Bodies.Sale(sunbay, $"REQ-{reference}-{++_starts}", 1000, referenceOrderId: reference)
                : CmCom.CmComCaller.Purchase(10m, reference);
            var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Http.PostAsync(StartPath.TrimStart('/'), content);
        }

        /// <summary>An application's services on the fake, through the neutral payments API.</summary>
        public ServiceProvider Application()
        {
            var services = new ServiceCollection();
            services.AddCardPayments(o => o.Provider = Host is FakeSunbayHost ? "sunbay" : "cm");
            _ = Host is FakeSunbayHost sunbay ? (object)services.AddFakeSunbay(sunbay) : services.AddFakeCmCom((FakeCmComHost)Host);
            return services.BuildServiceProvider();
        }

        public async Task<CardPaymentOutcome> PayAsync(ICardPayments payments, string reference)
        {
            var payment = await payments.StartPaymentAsync(new CardPaymentRequest { Amount = new Money(7m, Host is FakeSunbayHost ? "USD" : "EUR"), MerchantReference = reference });
            return await payment.WaitForCompletionAsync();
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Host.DisposeAsync();
        }
    }
}
