
namespace Assay.Sequencer.Production;

/// <summary>Runs the block loop of <see cref="LedgerHost"/> for the lifetime of the web host (opening the chain first if it is not open).</summary>
internal sealed class BlockProducerService(LedgerHost host, IHostApplicationLifetime lifetime, ILogger<BlockProducerService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await host.OpenAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (SequencerConfigurationException e)
        {
            log.LogCritical("cannot start: {Message}", e.Message);
            lifetime.StopApplication();
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await Task.Yield();
        await host.RunAsync(stoppingToken).ConfigureAwait(false);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        host.BeginStop();
        return base.StopAsync(cancellationToken);
    }
}
