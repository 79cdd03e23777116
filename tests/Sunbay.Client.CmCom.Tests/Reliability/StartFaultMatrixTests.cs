using Sunbay.Client.Testing;

namespace Sunbay.Client.CmCom.Tests.Reliability;

/// <summary>
/// A purchase and a refund under every fault the fake CM.com host injects, through real HTTP: the client sends the POST
/// exactly once, reports the right error (outcome unknown or not), and the guide's recovery (find the merchant order
/// reference on the terminal, start only what is not there) ends with exactly one transaction, followed to its end.
/// </summary>
public sealed class StartFaultMatrixTests : FakeHostTest
{
    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var kind in new[] { "purchase", "refund" })
            {
                foreach (var fault in CmComFaults.All)
                {
                    data.Add(kind, fault);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_faulted_start_is_sent_once_and_reconciles_to_one_transaction(string kind, string fault)
    {
        var reference = $"{kind}-{fault}";
        var start = await PrepareAsync(kind, reference);
        var postsBefore = CmComFaults.Posts(Host).Count;
        CmComFaults.Arm(Host, fault);

        var error = await CmComFaults.RunAsync(Clock, Host, fault, start.Send);

        // 1. One POST for the call, whatever happened to it.
        Assert.Single(CmComFaults.Posts(Host).Skip(postsBefore));
        Assert.Equal(0, Host.Faults.Pending);

        // 2. The right answer.
        AssertError(error, fault, reference);

        // 3. Reconcile: the reference finds what the host holds; starting again resumes it, or sends it when absent.
        var found = await Client.FindTransactionByReferenceAsync(reference);
        Assert.Equal(Host.Transactions.SingleOrDefault(t => t.MerchantOrderReference == reference)?.Id, found?.Id);
        Assert.Equal(CmComFaults.IsProcessed(fault), found is not null);
        var resumed = await start.Resume();
        var final = await Host.RunUntilAsync(resumed.WaitForClearingAsync(), TimeSpan.FromMinutes(5));

        Assert.True(final.IsApproved, final.ToString());
        Assert.Equal(CmComTransactionStatus.Cleared, final.Status);
        var created = Assert.Single(Host.Transactions, t => t.MerchantOrderReference == reference);
        Assert.Equal(created.Id, final.Id);
        Assert.Equal(CmComFaults.IsProcessed(fault) ? 1 : 2, CmComFaults.Posts(Host).Count - postsBefore);
    }

    private static void AssertError(Exception? error, string fault, string reference)
    {
        if (CmComFaults.Succeeds(fault))
        {
            Assert.Null(error);
            return;
        }

        var transport = Assert.IsType<CmComTransportException>(error);
        Assert.Equal(!CmComFaults.KnownNotProcessed(fault), transport.OutcomeUnknown);
        Assert.Equal(reference, transport.MerchantOrderReference);
        Assert.Equal(Terminal, transport.TerminalId);
    }

    private async Task<Start> PrepareAsync(string kind, string reference)
    {
        if (kind == "purchase")
        {
            var purchase = new CmComPurchaseRequest { MerchantOrderReference = reference, Amount = 10m, Currency = "EUR" };
            return new Start(ct => Client.StartPurchaseAsync(purchase, ct), () => Client.StartOrResumePurchaseAsync(purchase));
        }

        var original = await Client.StartPurchaseAsync(new CmComPurchaseRequest { MerchantOrderReference = $"{reference}-p", Amount = 10m, Currency = "EUR" });
        var paid = await Host.RunUntilAsync(original.WaitForCompletionAsync(), TimeSpan.FromMinutes(5));
        var refund = CmComRefundRequest.For(paid, reference, 4m);
        return new Start(ct => Client.StartRefundAsync(refund, ct), () => Client.StartOrResumeRefundAsync(refund));
    }

    private sealed record Start(Func<CancellationToken, Task> Send, Func<Task<CmComTransactionOperation>> Resume);
}
