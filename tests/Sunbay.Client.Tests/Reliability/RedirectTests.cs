using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client.Testing;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Reliability;

/// <summary>
/// Redirects are never followed, for any method, on both construction paths and whatever primary handler the
/// application brings: one request on the wire, a push redirected is outcome-unknown, a query redirected is a clear
/// error that is not retried. Through real HTTP (the fake host's redirect faults) and the default handlers.
/// </summary>
public sealed class RedirectTests : IAsyncLifetime
{
    private FakeSunbayHost _host = null!;

    public static TheoryData<FakeFault, int, bool> Cases
    {
        get
        {
            var data = new TheoryData<FakeFault, int, bool>();
            foreach (var (fault, status) in new[] { (FakeFault.MovedPermanently, 301), (FakeFault.Found, 302), (FakeFault.TemporaryRedirect, 307), (FakeFault.PermanentRedirect, 308) })
            {
                data.Add(fault, status, false);
                data.Add(fault, status, true);
            }

            return data;
        }
    }

    public Task InitializeAsync()
    {
        _host = FakeSunbayHost.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_redirected_sale_is_sent_once_and_its_outcome_is_unknown(FakeFault fault, int status, bool dependencyInjection)
    {
        using var scope = Client(dependencyInjection);
        _host.Faults.Enqueue(FakeEndpoint.Sale, fault);
        var sale = TestClients.Sale(transactionRequestId: Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => scope.Client.StartSaleAsync(sale));

        var request = Assert.Single(_host.Journal);
        Assert.Equal("POST", request.Method);
        Assert.True(error.OutcomeUnknown);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("sale", error.Operation);
        Assert.Equal(sale.TransactionRequestId, error.TransactionRequestId);
        Assert.Contains($"HTTP {status}: redirected to {Endpoint("v1/semi-integration/transaction/sale")}, not followed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("redirected=", error.Message, StringComparison.Ordinal);
        Assert.Null(_host.FindTransaction(sale.TransactionRequestId!));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_redirected_query_is_a_clear_error_that_is_not_retried(FakeFault fault, int status, bool dependencyInjection)
    {
        using var scope = Client(dependencyInjection, o => o.Retry.MaxGetRetries = 3);
        _host.Faults.Enqueue(FakeEndpoint.Query, fault, count: 5);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => scope.Client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("req-redirected")));

        var request = Assert.Single(_host.Journal);
        Assert.Equal("GET", request.Method);
        Assert.False(error.OutcomeUnknown);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("query", error.Operation);
        Assert.Contains($"HTTP {status}: redirected to {Endpoint("v1/transaction/query")}, not followed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("redirected=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_application_handler_that_follows_redirects_is_taken_over_on_the_plain_path()
    {
        var classic = new HttpClientHandler();
        using (var client = new SunbayClient(Options(), classic))
        {
            Assert.False(classic.AllowAutoRedirect);
            _host.Faults.Enqueue(FakeEndpoint.Sale, FakeFault.TemporaryRedirect);
            var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.StartSaleAsync(TestClients.Sale()));
            Assert.True(error.OutcomeUnknown);
        }

        var sockets = new SocketsHttpHandler();
        using (var client = new SunbayClient(Options(), new PassThrough { InnerHandler = sockets }))
        {
            Assert.False(sockets.AllowAutoRedirect);
            _host.Faults.Enqueue(FakeEndpoint.Sale, FakeFault.PermanentRedirect);
            await Assert.ThrowsAsync<SunbayTransportException>(() => client.StartSaleAsync(TestClients.Sale()));
        }

        Assert.Equal(2, _host.Journal.Count);
    }

    [Fact]
    public async Task An_application_handler_that_follows_redirects_is_taken_over_on_the_dependency_injection_path()
    {
        var services = new ServiceCollection();
        services.AddSunbayClient(o => _host.ConfigureClient(o)).HttpClient.ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler());
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ISunbayClient>();
        _host.Faults.Enqueue(FakeEndpoint.Sale, FakeFault.TemporaryRedirect);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.StartSaleAsync(TestClients.Sale()));

        Assert.True(error.OutcomeUnknown);
        Assert.Single(_host.Journal);
    }

    [Fact]
    public async Task A_handler_that_already_sent_requests_and_follows_redirects_is_refused()
    {
        var used = new SocketsHttpHandler();
        using (var raw = new HttpClient(used, disposeHandler: false))
        {
            using var _ = await raw.GetAsync(_host.BaseAddress);
        }

        var error = Assert.Throws<ArgumentException>(() => new SunbayClient(Options(), used));

        Assert.Equal("primaryHandler", error.ParamName);
        Assert.Contains("AllowAutoRedirect", error.Message, StringComparison.Ordinal);
        used.Dispose();
    }

    [Fact]
    public async Task A_redirect_followed_by_a_handler_the_sdk_cannot_change_is_still_reported()
    {
        // A handler of its own kind that follows a redirect itself: it answers for another address.
        var stub = new StubHandler().Then(request =>
        {
            request.RequestUri = new Uri(request.RequestUri!, "/elsewhere/sale?token=abc");
            return StubHandler.Json(StubHandler.Dispatch("any"));
        });
        using var client = TestClients.Create(stub);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.StartSaleAsync(TestClients.Sale()));

        Assert.True(error.OutcomeUnknown);
        Assert.Contains("followed to http://127.0.0.1:5999/elsewhere/sale", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token=abc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_location_is_resolved_and_shown_without_its_query()
    {
        var stub = new StubHandler().Always(_ => new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("/login?next=%2Fv1&key=sk_live_x", UriKind.Relative) } });
        using var client = TestClients.Create(stub, configure: o => o.Retry.MaxGetRetries = 3);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("req1")));

        Assert.Single(stub.Calls);
        Assert.False(error.OutcomeUnknown);
        Assert.Contains("HTTP 302: redirected to http://127.0.0.1:5999/login, not followed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_live_x", error.Message, StringComparison.Ordinal);
    }

    private string Endpoint(string path) => new Uri(_host.BaseAddress, path).AbsoluteUri;

    private SunbayClientOptions Options()
    {
        var options = new SunbayClientOptions();
        _host.ConfigureClient(options);
        return options;
    }

    private Scope Client(bool dependencyInjection, Action<SunbayClientOptions>? configure = null)
    {
        if (!dependencyInjection)
        {
            var options = Options();
            configure?.Invoke(options);
            var client = new SunbayClient(options);
            return new Scope(client, client);
        }

        var services = new ServiceCollection();
        services.AddSunbayClient(o =>
        {
            _host.ConfigureClient(o);
            configure?.Invoke(o);
        });
        var provider = services.BuildServiceProvider();
        return new Scope(provider.GetRequiredService<ISunbayClient>(), provider);
    }

    private sealed record Scope(ISunbayClient Client, IDisposable Owner) : IDisposable
    {
        public void Dispose() => Owner.Dispose();
    }

    private sealed class PassThrough : DelegatingHandler;
}
