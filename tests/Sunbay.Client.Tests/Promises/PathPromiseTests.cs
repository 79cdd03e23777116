using Microsoft.Extensions.Time.Testing;

namespace Sunbay.Client.Tests.Promises;

/// <summary>A value put into a URL path stays in its segment: <c>.</c>, <c>..</c> and an empty value are refused, naming the field.</summary>
public sealed class PathPromiseTests
{
    public static TheoryData<ProviderCase, string, string> Cases
    {
        get
        {
            var data = new TheoryData<ProviderCase, string, string>();
            foreach (var provider in ProviderCase.Each)
            {
                foreach (var id in new[] { ".", "..", "" })
                {
                    data.Add(provider, id, "query");
                    data.Add(provider, id, "cancel");
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_identifier_never_leaves_its_path_segment(ProviderCase provider, string id, string call)
    {
        await using var server = MisbehavingServer.Start(provider.Normal);
        using var client = provider.Create(server.BaseAddress, new FakeTimeProvider());
        var (queryPath, cancelPath) = provider.PathsFor(id);

        var error = await Record.ExceptionAsync(() => call == "query" ? client.QueryAsync(id) : client.CancelAsync(id));

        // Sent only to the operation's own path (SUNBAY's identifiers travel in the query string or the body)...
        Assert.All(server.Requests, r => Assert.Equal(call == "query" ? queryPath : cancelPath, r.Path));
        if (error is not null)
        {
            // ... or refused before sending, naming the field.
            Assert.Empty(server.Requests);
            var refusal = Assert.IsAssignableFrom<ArgumentException>(error is PaymentsValidationException v ? new ArgumentException(v.Message, v.Field) : error);
            Assert.Contains(provider.IdField, refusal.ParamName ?? refusal.Message, StringComparison.Ordinal);
        }
    }
}
