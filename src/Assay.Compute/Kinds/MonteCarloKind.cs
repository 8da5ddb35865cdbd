using Assay.Compute.Tasks;
using Assay.Numerics.FixedPoint;
using Assay.Pricing.MonteCarlo;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;

namespace Assay.Compute.Kinds;

/// <summary>Monte Carlo pricing as a task: one leaf per batch of <see cref="MonteCarloEngine.BatchPaths"/> paths.</summary>
/// <remarks>
/// <para>Lanes (all at <see cref="BatchSums.Scale"/>, Medium, 2^−48): the nine <see cref="BatchSums"/> fields in their
/// order — payoff, payoff², delta, delta², vega, vega², control, control², payoff·control; the four squares are
/// non-negative lanes. The leaf count is the sample count of the batch.</para>
/// <para>Payload hash = DomainHash(<see cref="LeafTag"/>, the batch's 234-byte <see cref="BatchSums.WriteTo"/> encoding).
/// The aggregate is <see cref="MonteCarloEngine.Summarise"/> of the root sums, so it equals
/// <see cref="MonteCarloEngine.Run"/> bit for bit.</para>
/// </remarks>
public sealed class MonteCarloKind : ITaskKind
{
    /// <summary>Domain tag of a leaf's payload hash.</summary>
    public const string LeafTag = "assay/montecarlo-batch/v1";

    /// <summary>Index of the Σpayoff² lane, the default mass lane for spot checks.</summary>
    public const int PayoffSquaredLane = 1;

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

    /// <summary>The leaf of one batch's sums.</summary>
    public static MerkleSumLeaf LeafOf(in BatchSums batch)
    {
        Span<byte> bytes = stackalloc byte[BatchSums.EncodedLength];
        batch.WriteTo(bytes);
        ReadOnlySpan<Int128> lanes =
        [
            batch.Payoff.ScaledSum, batch.PayoffSquared.ScaledSum, batch.Delta.ScaledSum, batch.DeltaSquared.ScaledSum,
            batch.Vega.ScaledSum, batch.VegaSquared.ScaledSum, batch.Control.ScaledSum, batch.ControlSquared.ScaledSum,
            batch.PayoffControl.ScaledSum,
        ];
        return new MerkleSumLeaf(DomainHash.Compute(LeafTag, bytes), new LaneSums(batch.Samples, lanes));
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
        if (spec.ItemCount != mc.BatchCount)
        {
            throw new TaskSpecException("item_count", $"item_count must be the batch count ⌈{inputs.Paths}/{MonteCarloEngine.BatchPaths}⌉ = {mc.BatchCount}; got {spec.ItemCount}.");
        }

        return new Computation(mc);
    }

    private sealed class Computation(MonteCarloSpec spec) : ITaskComputation
    {
        public long ItemCount => spec.BatchCount;

        public MerkleSumLeaf ComputeLeaf(long index) => LeafOf(MonteCarloEngine.EvaluateBatch(spec, index));

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
