using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Sunbay.Client;

namespace Sunbay.Cli.Commands;

/// <summary><c>sunbay transaction &lt;id&gt;</c>: one transaction, by SUNBAY's transactionId or by your transactionRequestId.</summary>
internal static class TransactionCommand
{
    public static Command Create(IConfiguration configuration, ConsoleUi ui)
    {
        var id = new Argument<string>("id") { Description = "SUNBAY's transactionId, or with --request-id your transactionRequestId." };
        var byRequestId = new Option<bool>("--request-id") { Description = "The id is your transactionRequestId (the key you sent), not SUNBAY's transactionId." };
        var command = new Command("transaction", "Looks up one transaction on the configured account and prints it.") { id, byRequestId };
        command.SetAction((result, ct) => SunbayCli.GuardAsync(ui, async () =>
        {
            await using var environment = await SunbayCli.StartOnAccountAsync(configuration, "transaction", ct);
            ui.Info($"Using {environment.Description}.");
            var key = result.GetValue(id)!;
            Transaction? transaction = result.GetValue(byRequestId)
                ? await environment.Client.FindTransactionAsync(TransactionLookup.ByTransactionRequestId(key), ct)
                : await environment.Client.GetTransactionAsync(TransactionLookup.ByTransactionId(key), ct);
            if (transaction is null)
            {
                ui.Failure($"No transaction with transactionRequestId '{key}' on this account: it was never received, or belongs to another app or merchant (Sunbay__AppId, Sunbay__MerchantId).");
                return ExitCodes.Failed;
            }

            ui.Print(transaction);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
