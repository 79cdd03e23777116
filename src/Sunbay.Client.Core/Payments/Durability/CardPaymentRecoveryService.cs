using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sunbay.Client.Payments.Durability;

/// <summary>The hosted service of <see cref="CardPaymentRecovery"/>: a pass at start-up, then one every interval.</summary>
internal sealed partial class CardPaymentRecoveryService : BackgroundService
{
    private readonly Func<CardPaymentRecovery> _recovery;
    private readonly CardPaymentJournalOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public CardPaymentRecoveryService(Func<CardPaymentRecovery> recovery, CardPaymentJournalOptions options, TimeProvider time, ILogger<CardPaymentRecovery> logger)
    {
        _recovery = recovery;
        _options = options;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var includeRecent = true; // after a restart, every entry is an orphan of the instance that died
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var delivered = await _recovery().ResolveOpenAsync(includeRecent, stoppingToken).ConfigureAwait(false);
                Log.Pass(_logger, delivered);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.PassFailed(_logger, ex);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            includeRecent = false;
            try
            {
                await Task.Delay(_options.RecoveryInterval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(612, LogLevel.Debug, "Payment recovery pass delivered {Delivered} outcome(s)")]
        public static partial void Pass(ILogger logger, int delivered);

        [LoggerMessage(613, LogLevel.Warning, "Payment recovery pass failed (the journal's store may be down); the next pass tries again")]
        public static partial void PassFailed(ILogger logger, Exception exception);
    }
}
