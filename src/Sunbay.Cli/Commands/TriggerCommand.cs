using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Sunbay.Client;
using Sunbay.Client.Testing;
using Sunbay.Client.Webhooks;

namespace Sunbay.Cli.Commands;

/// <summary><c>sunbay trigger</c>: sends one webhook, signed as SUNBAY signs it, to a local endpoint.</summary>
internal static class TriggerCommand
{
    /// <summary>Where the samples' receivers listen by default.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080/webhooks/sunbay";

    public static Command Create(IConfiguration configuration, ConsoleUi ui)
    {
        var url = new Option<string>("--url") { Description = $"The webhook endpoint (default {DefaultUrl}).", DefaultValueFactory = _ => DefaultUrl };
        url.Validators.Add(result =>
        {
            if (!Uri.TryCreate(result.GetValueOrDefault<string>(), UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
            {
                result.AddError($"--url {result.GetValueOrDefault<string>()}: give the endpoint's absolute http(s) URL, e.g. {DefaultUrl}.");
            }
        });
        var secret = new Option<string?>("--secret") { Description = "The webhook signing secret (default: Sunbay__Webhooks__Secrets__0)." };
        var status = new Option<string>("--status") { Description = "Final status: success, fail or closed (default success).", DefaultValueFactory = _ => "success" };
        status.AcceptOnlyFromAmong("success", "fail", "closed", "S", "F", "C");
        var type = new Option<string>("--type") { Description = "Transaction type: SALE, AUTH, POST_AUTH, REFUND, VOID, ... (default SALE).", DefaultValueFactory = _ => "SALE" };
        var amount = new Option<long>("--amount") { Description = "Amount in minor units (default 1000 = 10.00).", DefaultValueFactory = _ => 1000 };
        var currency = new Option<string>("--currency") { Description = "ISO 4217 currency (default USD).", DefaultValueFactory = _ => "USD" };
        var transactionId = new Option<string?>("--transaction-id") { Description = "SUNBAY's transactionId (default a new random one)." };
        var requestId = new Option<string?>("--transaction-request-id") { Description = "Your transactionRequestId (default a new one): use the one your app is waiting for." };
        var orderId = new Option<string?>("--reference-order-id") { Description = "Your referenceOrderId (optional)." };
        var terminal = new Option<string?>("--terminal") { Description = "Terminal serial number (default: Sunbay__TerminalSn, else FAKE-T1)." };
        var command = new Command("trigger", "Sends a signed SUNBAY webhook for one transaction to an endpoint (your app, running locally), and prints the answer.")
        {
            url, secret, status, type, amount, currency, transactionId, requestId, orderId, terminal,
        };
        command.SetAction((result, ct) => SunbayCli.GuardAsync(ui, async () =>
        {
            var signingSecret = result.GetValue(secret) ?? configuration["Sunbay:Webhooks:Secrets:0"];
            if (string.IsNullOrWhiteSpace(signingSecret))
            {
                throw new SettingException(
                    "no webhook signing secret. Give --secret, or set Sunbay__Webhooks__Secrets__0 (the same secret your app verifies with; `sunbay fake` prints its own).");
            }

            var final = TransactionStatus.Parse(result.GetValue(status));
            var approved = final == TransactionStatus.Success;
            var now = DateTimeOffset.UtcNow;
            var transaction = SunbayModelFactory.Transaction(
                transactionId: result.GetValue(transactionId) ?? RandomTransactionId(),
                transactionRequestId: result.GetValue(requestId) ?? Guid.NewGuid().ToString("N"),
                referenceOrderId: result.GetValue(orderId),
                status: final,
                type: new TransactionType(result.GetValue(type)!),
                amount: SunbayModelFactory.TransactionAmounts(total: result.GetValue(amount), order: result.GetValue(amount), currency: result.GetValue(currency)!.ToUpperInvariant()),
                terminalSn: result.GetValue(terminal) ?? configuration["Sunbay:TerminalSn"] ?? "FAKE-T1",
                createdAt: now,
                completedAt: now,
                resultCode: approved ? "000" : final == TransactionStatus.Fail ? "005" : null,
                resultMessage: approved ? "Approved" : final == TransactionStatus.Fail ? "Do not honor" : null,
                authCode: approved ? "A1B2C3" : null,
                maskedPan: final == TransactionStatus.Closed ? null : "411111******1111",
                entryMode: final == TransactionStatus.Closed ? (EntryMode?)null : EntryMode.Contactless);
            return await SendAsync(new Uri(result.GetValue(url)!), signingSecret, transaction, ui, ct);
        }, ct));
        return command;
    }

    private static async Task<int> SendAsync(Uri url, string secret, Transaction transaction, ConsoleUi ui, CancellationToken cancellationToken)
    {
        var message = new SunbayWebhookSigner(secret).Sign(transaction);
        ui.Step($"POST {url}: {transaction.Type} {transaction.Status}, {ConsoleUi.Money(transaction.Amount?.Total, transaction.Amount?.Currency)}, transactionRequestId {transaction.TransactionRequestId}, transactionId {transaction.TransactionId}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = message.ToHttpRequestMessage(url);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            ui.Failure($"{url} did not answer: {ex.Message} Is your app running and listening there? Give its address with --url.");
            return ExitCodes.Failed;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            ui.Failure($"{url} did not answer within 10 s. SUNBAY gives an endpoint 5 s: answer 200 first, then process.");
            return ExitCodes.Failed;
        }

        using (response)
        {
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                ui.Success($"HTTP {code}: delivered. X-Client-Request-Id {message.Headers.ClientRequestId}.");
                return ExitCodes.Ok;
            }

            ui.Failure(code switch
            {
                401 => "HTTP 401: the endpoint did not accept the signature. Give it the same secret: --secret must match the secret your app verifies with (Sunbay__Webhooks__Secrets__0).",
                404 => $"HTTP 404: nothing is mapped at {url.AbsolutePath}. Check the path given to MapSunbayWebhooks and --url.",
                _ => string.Create(CultureInfo.InvariantCulture, $"HTTP {code}: the endpoint refused the delivery. SUNBAY would deliver it again later."),
            });
            return ExitCodes.Failed;
        }
    }

    private static string RandomTransactionId() =>
        string.Create(CultureInfo.InvariantCulture, $"9{Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999)}");
}
