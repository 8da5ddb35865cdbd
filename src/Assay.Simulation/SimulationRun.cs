using System.Globalization;
using Assay.Ledger.Blocks;
using Assay.Ledger.State;
using Assay.Proofs.Signatures;

namespace Assay.Simulation;

/// <summary>One simulated run: builds the cast from the seed, then processes events until every task settles.</summary>
internal sealed partial class SimulationRun
{
    private const string Native = "ASY";
    private const long GenesisTimeMs = 1_790_000_000_000;
    private const ulong NodeStakeMinorUnits = 10_000_000;
    private const ulong RequesterFundsMinorUnits = 1_000_000_000_000;

    /// <summary>The fault kinds handed out round-robin; colluders come in pairs so that "same wrong root" means something.</summary>
    private static readonly FaultKind[] FaultCycle =
    [
        FaultKind.WrongResult, FaultKind.Lazy, FaultKind.NeverReveals, FaultKind.Colluding, FaultKind.Colluding,
        FaultKind.GarbageProof, FaultKind.Offline, FaultKind.Equivocation,
    ];

    private readonly SimulationOptions _options;
    private readonly Random _random;
    private readonly EventQueue _queue = new();
    private readonly SimulatedNetwork _network;
    private readonly List<SimNode> _nodes = [];
    private readonly List<Requester> _requesters = [];
    private readonly GenesisConfig _genesis;
    private readonly Sequencer _sequencer;
    private readonly Dictionary<Address, ulong> _genesisStake = [];
    private static long _runCounter;
    private int _crashes;
    private long _nextBlockMs = -1;

    public SimulationRun(SimulationOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
        _network = new SimulatedNetwork(options, _random, _queue);
        var byzantine = (int)Math.Round(options.ByzantineFraction * options.Nodes, MidpointRounding.AwayFromZero);
        var order = Enumerable.Range(0, options.Nodes).ToArray();
        _random.Shuffle(order);
        var cycleStart = _random.Next(FaultCycle.Length);
        var faults = new FaultKind[options.Nodes];
        for (var i = 0; i < byzantine; i++)
        {
            faults[order[i]] = FaultCycle[(cycleStart + i) % FaultCycle.Length];
        }

        var caps = NodeCapabilities.TryCreate(["analytic", "montecarlo"], 4, 4_096, out _)!;
        var genesisNodes = new List<GenesisNode>();
        for (var i = 0; i < options.Nodes; i++)
        {
            var offlineFrom = long.MaxValue;
            var offlineUntil = long.MaxValue;
            if (faults[i] == FaultKind.Offline)
            {
                offlineFrom = GenesisTimeMs + _random.NextInt64(3_000, 20_000);
                offlineUntil = offlineFrom + _random.NextInt64(8_000, 20_000);
            }

            var node = new SimNode(i, NewKey(), faults[i], new Random(_random.Next()), offlineFrom, offlineUntil);
            _nodes.Add(node);
            genesisNodes.Add(new GenesisNode(node.Address, NodeStakeMinorUnits, caps));
        }

        var accounts = new List<GenesisAccount>();
        for (var i = 0; i < options.Requesters; i++)
        {
            var requester = new Requester(new Outbox(NewKey()));
            _requesters.Add(requester);
            accounts.Add(new GenesisAccount(requester.Outbox.Address, new Dictionary<string, ulong> { [Native] = RequesterFundsMinorUnits }));
        }

        for (var t = 0; t < options.Tasks; t++)
        {
            var due = GenesisTimeMs + _random.NextInt64(500, 15_000);
            var spec = TaskCatalog.Draw(_random, due + _random.NextInt64(40_000, 60_000));
            _requesters[_random.Next(_requesters.Count)].Plan(due, spec);
        }

        var parameters = new ProtocolParameters
        {
            CommitWindowBlocks = 5,
            RevealWindowBlocks = 5,
            MinChallengeWindowBlocks = 2,
            UnbondingPeriodBlocks = 20,
        };
        _genesis = new GenesisConfig(GenesisTimeMs, parameters, accounts, genesisNodes);
        _sequencer = new Sequencer(_genesis, StorePath(options), options.SnapshotIntervalBlocks);
        if (_random.NextDouble() < options.CrashProbability)
        {
            var crashAt = GenesisTimeMs + _random.NextInt64(4_000, 25_000);
            _queue.Schedule(crashAt, SimEventKind.Crash);
            _queue.Schedule(crashAt + _random.NextInt64(1_000, 4_000), SimEventKind.Restart);
        }

        ScheduleBlock(GenesisTimeMs + options.BlockIntervalMs);
        foreach (var node in _nodes)
        {
            _genesisStake[node.Address] = NodeStakeMinorUnits;
        }
    }

    public SimulationReport Execute()
    {
        try
        {
            return Loop();
        }
        finally
        {
            _sequencer.Dispose();
        }
    }

    private SimulationReport Loop()
    {
        var endMs = GenesisTimeMs + _options.MaxRunMs;
        var lastDeadline = _requesters.SelectMany(r => r.Planned).Max(s => s.DeadlineUnixMs);
        while (_queue.TryNext(out var e) && e.TimeMs <= endMs)
        {
            switch (e.Kind)
            {
                case SimEventKind.BlockDue:
                    if (!_sequencer.IsUp || e.TimeMs != _nextBlockMs)
                    {
                        break;
                    }

                    var block = _sequencer.ProduceBlock(e.TimeMs);
                    _options.BrokenRule?.Invoke(_sequencer.Ledger.State, block.Header.Height);
                    CheckAfterBlock(block);
                    if (e.TimeMs > lastDeadline && _sequencer.Ledger.State.OpenTaskIds.Count == 0)
                    {
                        return Finish();
                    }

                    foreach (var node in _nodes)
                    {
                        node.Observe(block);
                    }

                    for (var actor = 0; actor < _nodes.Count + _requesters.Count; actor++)
                    {
                        _queue.Schedule(e.TimeMs + _random.NextInt64(10, 250), SimEventKind.Wake, actor);
                    }

                    ScheduleBlock(e.TimeMs + _options.BlockIntervalMs);
                    break;
                case SimEventKind.Wake:
                    if (!_sequencer.IsUp)
                    {
                        break;
                    }

                    // Actors read the latest published state; a node that wakes late simply sees a newer one.
                    var state = _sequencer.Ledger.State;
                    if (e.Actor < _nodes.Count)
                    {
                        _nodes[e.Actor].Wake(state, _network, e.TimeMs);
                    }
                    else
                    {
                        _requesters[e.Actor - _nodes.Count].Wake(state, _network, e.TimeMs, _options.BlockIntervalMs, _sequencer.Evidence);
                    }

                    break;
                case SimEventKind.Deliver:
                    if (_sequencer.IsUp)
                    {
                        _sequencer.Receive(e.Transaction!);
                    }
                    else
                    {
                        _network.DropAtDeadSequencer();
                    }

                    break;
                case SimEventKind.Crash:
                    _crashes++;
                    _sequencer.Crash();
                    break;
                case SimEventKind.Restart:
                    RestartSequencer();
                    if (_sequencer.HasFailed)
                    {
                        return Finish();
                    }

                    ScheduleBlock(e.TimeMs + _options.BlockIntervalMs);
                    break;
            }
        }

        return Finish();
    }

    /// <summary>Schedules the next block; an older pending block event (from before a crash) is then ignored.</summary>
    private void ScheduleBlock(long timeMs)
    {
        _nextBlockMs = timeMs;
        _queue.Schedule(timeMs, SimEventKind.BlockDue);
    }

    /// <summary>A fresh file for this run's block store: the seed, the process and a per-process counter keep concurrent runs apart.</summary>
    private static string StorePath(SimulationOptions options)
    {
        var directory = options.StoreDirectory ?? Path.GetTempPath();
        var run = Interlocked.Increment(ref _runCounter);
        return Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"assay-sim-{options.Seed}-{Environment.ProcessId}-{run}.sqlite"));
    }

    private DeterministicSigner NewKey()
    {
        // A scalar well below the group order (first byte 0x11), drawn from the seed.
        var scalar = new byte[32];
        _random.NextBytes(scalar);
        scalar[0] = 0x11;
        return new DeterministicSigner(scalar);
    }
}
