using Assay.Compute.Tasks;
using Assay.Numerics.FixedPoint;
using Assay.Pricing.MonteCarlo;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;

namespace Assay.Compute.Kinds;

/// <summary>Monte Carlo pricing as a task: one leaf per range of <see cref="MonteCarloInputs.PathsPerLeaf"/> paths.</summary>
/// <remarks>
/// <para>Leaf i = <see cref="MonteCarloEngine.EvaluateRange"/> of paths i·L … min((i + 1)·L, paths) − 1, L the inputs'
/// paths per leaf; item count ⌈paths / L⌉. The sums are exact fixed point, so the root sums equal the merged batch sums
/// of <see cref="MonteCarloEngine.Run"/> whatever L is; L only trades commitment cost (a few hashes per leaf) against
/// spot-check cost (each opening recomputes L paths). <see cref="DefaultPathsPerLeaf"/> states the rule.</para>
/// <para>Lanes (all at <see cref="BatchSums.Scale"/>, Medium, 2^−48): the nine <see cref="BatchSums"/> fields in their
/// order — payoff, payoff², delta, delta², vega, vega², control, control², payoff·control; the four squares are
/// non-negative lanes. The leaf count is the sample count of the batch.</para>
/// <para>Payload hash = <see cref="SumsOnlyPayloadHash"/> (zero): the leaf hash already covers the count and the nine
/// lanes, which are the batch's whole content (format since 2026-11-21; before, the payload hash was
/// DomainHash(<see cref="LeafTag"/>, the 234-byte <see cref="BatchSums.WriteTo"/> encoding), one more SHA-256 per leaf).
/// The aggregate is <see cref="MonteCarloEngine.Summarise"/> of the root sums, so it equals
/// <see cref="MonteCarloEngine.Run"/> bit for bit.</para>
/// </remarks>
public sealed class MonteCarloKind : ITaskKind
{
    /// <summary>Domain tag of the former leaf payload hash (no longer computed: see <see cref="SumsOnlyPayloadHash"/>).</summary>
    public const string LeafTag = "assay/montecarlo-batch/v1";

    /// <summary>The payload hash of every Monte Carlo leaf: zero, because the leaf's sums are its whole content (see <see cref="LeafOf"/>).</summary>
    public static Hash256 SumsOnlyPayloadHash => Hash256.Zero;

    /// <summary>Index of the Σpayoff² lane, the default mass lane for spot checks.</summary>
    public const int PayoffSquaredLane = 1;

    /// <summary>Work floor of the leaf-size rule: a leaf should hold at least this many path-step units (see <see cref="DefaultPathsPerLeaf"/>).</summary>
    public const int LeafWorkFloor = 4_000;

    /// <summary>Smallest leaf the rule picks: 16 paths (two Vector512 lane groups, one antithetic-safe even count).</summary>
    public const int MinDefaultPathsPerLeaf = 16;

    private MonteCarloKind()
    {
        var scale = BatchSums.Scale;
        Layout = new MerkleSumLayout(
            new MerkleSumLane("payoff", scale, false),
            new MerkleSumLane("payoff_squared", scale, true),
            new MerkleSumLane("delta", scale, false),
            new MerkleSumLane("delta_squared", scale, true),
            new MerkleSumLane("vega", scale, false),
            new MerkleSumLane("vega_squared", scale, true),
            new MerkleSumLane("control", scale, false),
            new MerkleSumLane("control_squared", scale, true),
            new MerkleSumLane("payoff_control", scale, false));
    }

    /// <summary>The kind.</summary>
    public static MonteCarloKind Instance { get; } = new();

    /// <inheritdoc/>
    public ushort Id => TaskKindIds.MonteCarlo;

    /// <inheritdoc/>
    public string Name => "montecarlo";

    /// <inheritdoc/>
    public MerkleSumLayout Layout { get; }

    /// <summary>The spec's inputs as Monte Carlo inputs.</summary>
    /// <exception cref="TaskSpecException">The inputs are not canonical Monte Carlo inputs.</exception>
    public static MonteCarloInputs DecodeInputs(TaskSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        try
        {
            return CanonicalEncoding.Decode<MonteCarloInputs>(spec.Inputs);
        }
        catch (CanonicalFormatException e)
        {
            throw new TaskSpecException("inputs", $"inputs are not canonical Monte Carlo inputs: {e.Message}");
        }
    }

    /// <summary>The recommended paths per leaf for <paramref name="payoff"/> on <paramref name="steps"/> time steps.</summary>
    /// <remarks>
    /// <para>Rule: the smallest power of two L ≥ <see cref="MinDefaultPathsPerLeaf"/> with L·(steps + 2)·w ≥
    /// <see cref="LeafWorkFloor"/>, capped at <see cref="MonteCarloInputs.MaxPathsPerLeaf"/>; w = 2 for barriers and
    /// lookbacks (a Brownian-bridge draw per step), 1 otherwise; the "+ 2" stands for the per-path payoff, Greek and
    /// fixed-point work. One work unit is about one GBM step of one path (≈ 10 ns measured here), so the floor is a leaf
    /// of ≈ 40 µs against ≈ 1.3–1.7 µs of hashing per leaf (leaf hash and about one node hash, eight at a time; no payload
    /// hash): commitment ≈ 3–4%. Examples: one-step European 2048, 52-step Asian 128, 252-step Asian 16, 252-step
    /// barrier 16. American options always get 4096: their exercise policy is fitted per engine batch, so a leaf is a
    /// whole batch.</para>
    /// <para>Smaller leaves make spot checks cheaper (an opening recomputes L paths: cost ≈ (k_u + k_m)·L / paths of the
    /// run) and commitment dearer; the two targets (commitment ≤ 5%, verification ≤ 2% at k_u + k_m ≈ 920)
    /// hold together only when paths·(steps + 2)·w ≳ 60,000·<see cref="LeafWorkFloor"/> ≈ 2.4·10^8 work units, e.g.
    /// 10^6 paths of a 252-fixing Asian at 16-path leaves, and then only just (docs/benchmarks.md, issue 4, has the
    /// measured figures). A spec may set any allowed size instead.</para>
    /// </remarks>
    public static int DefaultPathsPerLeaf(PayoffSpec payoff, int steps)
    {
        ArgumentNullException.ThrowIfNull(payoff);
        if (payoff.Kind == PayoffKind.American)
        {
            return MonteCarloInputs.MaxPathsPerLeaf;
        }

        var weight = payoff.Kind is PayoffKind.Barrier or PayoffKind.FixedLookback or PayoffKind.FloatingLookback ? 2L : 1L;
        var unitsPerPath = (Math.Max(steps, 1) + 2L) * weight;
        var leaf = MinDefaultPathsPerLeaf;
        while (leaf < MonteCarloInputs.MaxPathsPerLeaf && leaf * unitsPerPath < LeafWorkFloor)
        {
            leaf *= 2;
        }

        return leaf;
    }

    /// <summary>The leaf of one path range's sums: the nine lanes and the sample count, and the payload hash <see cref="SumsOnlyPayloadHash"/>.</summary>
    /// <remarks>The leaf hash (<see cref="MerkleSumHash"/>) covers the count and the nine scaled sums, which are the whole
    /// content of the batch (every accumulator has the batch's sample count and the fixed scale), so no separate payload
    /// hash is computed: that saves one SHA-256 call per leaf.</remarks>
    /// <exception cref="ArgumentException">An accumulator's count or scale differs from the batch's (the lanes would not capture the batch).</exception>
    public static MerkleSumLeaf LeafOf(in BatchSums batch)
    {
        var samples = batch.Samples;
        var scale = BatchSums.Scale;
        if (!Same(batch.Payoff) || !Same(batch.PayoffSquared) || !Same(batch.Delta) || !Same(batch.DeltaSquared) || !Same(batch.Vega)
            || !Same(batch.VegaSquared) || !Same(batch.Control) || !Same(batch.ControlSquared) || !Same(batch.PayoffControl))
        {
            ThrowInconsistent(batch);
        }

        ReadOnlySpan<Int128> lanes =
        [
            batch.Payoff.ScaledSum, batch.PayoffSquared.ScaledSum, batch.Delta.ScaledSum, batch.DeltaSquared.ScaledSum,
            batch.Vega.ScaledSum, batch.VegaSquared.ScaledSum, batch.Control.ScaledSum, batch.ControlSquared.ScaledSum,
            batch.PayoffControl.ScaledSum,
        ];
        return new MerkleSumLeaf(SumsOnlyPayloadHash, new LaneSums(samples, lanes));

        bool Same(in FixedPointAccumulator a) => a.Count == samples && a.Scale == scale;
    }

    /// <summary>The batch sums that lane sums stand for (the inverse of the lanes of <see cref="LeafOf"/>).</summary>
    public static BatchSums BatchSumsOf(LaneSums sums)
    {
        ArgumentNullException.ThrowIfNull(sums);
        var scale = BatchSums.Scale;
        FixedPointAccumulator F(int lane) => FixedPointAccumulator.FromScaledSum(scale, sums[lane], sums.Count);
        return new BatchSums(F(0), F(1), F(2), F(3), F(4), F(5), F(6), F(7), F(8));
    }

    /// <inheritdoc/>
    public ITaskComputation Prepare(TaskSpec spec)
    {
        var inputs = DecodeInputs(spec);
        var mc = inputs.ToSpec(spec.Seed);
        if (spec.ItemCount != inputs.LeafCount)
        {
            throw new TaskSpecException("item_count", $"item_count must be the leaf count ⌈{inputs.Paths}/{inputs.PathsPerLeaf}⌉ = {inputs.LeafCount}; got {spec.ItemCount}.");
        }

        return new Computation(mc, inputs.PathsPerLeaf, inputs.LeafCount);
    }

    private static void ThrowInconsistent(in BatchSums batch) =>
        throw new ArgumentException($"Every accumulator of a Monte Carlo leaf must have the batch's {batch.Samples} samples and scale {BatchSums.Scale}; got {batch}.", nameof(batch));

    private sealed class Computation(MonteCarloSpec spec, int pathsPerLeaf, long leafCount) : ITaskComputation
    {
        public long ItemCount => leafCount;

        public MerkleSumLeaf ComputeLeaf(long index)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, leafCount);
            if (pathsPerLeaf == MonteCarloEngine.BatchPaths)
            {
                // Leaf = engine batch: the same bits as the range, and the only form American options allow.
                return LeafOf(MonteCarloEngine.EvaluateBatch(spec, index));
            }

            var first = index * pathsPerLeaf;
            return LeafOf(MonteCarloEngine.EvaluateRange(spec, first, (int)Math.Min(pathsPerLeaf, spec.Settings.Paths - first)));
        }

        public TaskAggregate Reduce(LaneSums rootSums)
        {
            var r = MonteCarloEngine.Summarise(spec, BatchSumsOf(rootSums), []);
            return new TaskAggregate(
                ("price", r.Price),
                ("stderr", r.StandardError),
                ("uncontrolled_price", r.UncontrolledPrice),
                ("uncontrolled_stderr", r.UncontrolledStandardError),
                ("delta", r.Delta),
                ("delta_stderr", r.DeltaStandardError),
                ("vega", r.Vega),
                ("vega_stderr", r.VegaStandardError),
                ("paths", r.PathsUsed),
                ("samples", r.Samples));
        }
    }
}
