using Assay.Ledger.Transactions;
using Assay.Proofs.Signatures;

namespace Assay.Simulation;

/// <summary>Carries transactions to the sequencer with a random delay, loss and duplication, all drawn from the run's seed.</summary>
/// <remarks>Loss is bounded (partial synchrony): after a sender loses a message, its messages are delivered for
/// <see cref="SimulationOptions.LossCooldownMs"/>. Without a bound no protocol with deadlines can promise anything to
/// an honest node.</remarks>
internal sealed class SimulatedNetwork(SimulationOptions options, Random random, EventQueue queue)
{
    private const long MinDelayMs = 20;

    private readonly Dictionary<Address, long> _lastLossMs = [];

    public int Sent { get; private set; }

    public int Lost { get; private set; }

    public int Duplicated { get; private set; }

    /// <summary>Counts a message that arrived while the sequencer was down.</summary>
    public void DropAtDeadSequencer() => Lost++;

    public void Send(SignedTransaction tx)
    {
        Sent++;
        var now = queue.NowMs;
        var lossRoll = random.NextDouble();
        var dupRoll = random.NextDouble();
        var delay = random.NextInt64(MinDelayMs, options.MaxDelayMs + 1);
        var dupDelay = random.NextInt64(MinDelayMs, options.MaxDelayMs + 1);
        var cooled = !_lastLossMs.TryGetValue(tx.Sender, out var last) || now - last >= options.LossCooldownMs;
        if (lossRoll < options.LossProbability && cooled)
        {
            _lastLossMs[tx.Sender] = now;
            Lost++;
            return;
        }

        queue.Schedule(now + delay, SimEventKind.Deliver, transaction: tx);
        if (dupRoll < options.DuplicationProbability)
        {
            Duplicated++;
            queue.Schedule(now + dupDelay, SimEventKind.Deliver, transaction: tx);
        }
    }
}
