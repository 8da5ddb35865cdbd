using Assay.Compute.Tasks;
using Assay.Pricing;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using Assay.Proofs.Canonical;

namespace Assay.Compute.Kinds;

/// <summary>The inputs of a Monte Carlo task: a GBM model, a single-asset European-exercise payoff, paths, steps and antithetic flag.</summary>
/// <remarks>
/// <para>The seed is the spec's <see cref="TaskSpec.Seed"/>, not part of the inputs. Supported payoffs: every
/// <see cref="PayoffKind"/> on one GBM asset except <see cref="PayoffKind.Basket"/> and <see cref="PayoffKind.American"/>
/// (their models and regressions are not encoded yet).</para>
/// <para>Canonical body (format 1, tag <see cref="ComputeTypeTags.MonteCarloInputs"/>): u8 model (1 = GBM) ‖ f64 S ‖
/// f64 T ‖ f64 r ‖ f64 q ‖ f64 sigma ‖ u8 payoff kind ‖ u8 type ‖ f64 K ‖ u32 n_fixings ‖ u8 barrier type ‖ f64 H ‖
/// f64 rebate ‖ u8 monitoring ‖ u64 paths ‖ u32 steps ‖ bool antithetic ‖ u32 paths_per_leaf (format 2 added the last
/// field; format 1 had no leaf size and one leaf per 4,096-path batch).</para>
/// <para><see cref="PathsPerLeaf"/> cuts the paths into leaves of that many paths (the last may be shorter); it changes no
/// bit of the totals, only the leaf count ⌈paths / paths_per_leaf⌉ and hence the cost of commitment and of spot checks.
/// Allowed: a multiple of 8 in [<see cref="MinPathsPerLeaf"/>, <see cref="MaxPathsPerLeaf"/>].
/// <see cref="MonteCarloKind.DefaultPathsPerLeaf"/> gives the recommended size for a payoff and step count.</para>
/// </remarks>
/// <param name="Model">The GBM dynamics.</param>
/// <param name="Payoff">The contract.</param>
/// <param name="Paths">Number of paths.</param>
/// <param name="Steps">Time steps per path.</param>
/// <param name="Antithetic">Antithetic pairs.</param>
/// <param name="PathsPerLeaf">Paths per task leaf (field <c>paths_per_leaf</c>), a multiple of 8 in [8, 4096]; default 4096, one leaf per engine batch.</param>
public sealed record MonteCarloInputs(GbmModel Model, PayoffSpec Payoff, long Paths, int Steps, bool Antithetic, int PathsPerLeaf = MonteCarloEngine.BatchPaths) : ICanonicalEncodable<MonteCarloInputs>
{
    /// <summary>Smallest leaf size in paths (one Vector512 lane group).</summary>
    public const int MinPathsPerLeaf = 8;

    /// <summary>Largest leaf size in paths: one engine batch (<see cref="MonteCarloEngine.BatchPaths"/>), the most <see cref="MonteCarloEngine.EvaluateRange"/> takes.</summary>
    public const int MaxPathsPerLeaf = MonteCarloEngine.BatchPaths;

    private const byte GbmModelId = 1;

    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => ComputeTypeTags.MonteCarloInputs;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 2;

    /// <summary>Domain tag of the inputs' hash.</summary>
    public static string HashTag => "assay/montecarlo-inputs/v2";

    /// <summary>Number of task leaves: ⌈<see cref="Paths"/> / <see cref="PathsPerLeaf"/>⌉ (the spec's item count).</summary>
    public long LeafCount => (Paths + PathsPerLeaf - 1) / PathsPerLeaf;

    /// <summary>The engine spec these inputs define with <paramref name="seed"/> (single-threaded: the task runner parallelises over batches).</summary>
    public MonteCarloSpec ToSpec(ulong seed) =>
        new(Model, Payoff, new MonteCarloSettings(Paths, Steps, seed, Antithetic, MaxDegreeOfParallelism: 1));

    /// <summary>Throws <see cref="TaskSpecException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Model);
        ArgumentNullException.ThrowIfNull(Payoff);
        if (Payoff.Kind is PayoffKind.Basket or PayoffKind.American)
        {
            throw new TaskSpecException("payoff", $"payoff {Payoff.Kind} is not supported by Monte Carlo tasks yet; use one of the single-asset European-exercise payoffs.");
        }

        if (PathsPerLeaf < MinPathsPerLeaf || PathsPerLeaf > MaxPathsPerLeaf || PathsPerLeaf % 8 != 0)
        {
            throw new TaskSpecException("paths_per_leaf", $"paths_per_leaf must be a multiple of 8 in [{MinPathsPerLeaf}, {MaxPathsPerLeaf}]; got {PathsPerLeaf}.");
        }

        if (Payoff.Kind == PayoffKind.American && PathsPerLeaf != MaxPathsPerLeaf)
        {
            // The Longstaff–Schwartz policy is fitted per engine batch, so an American leaf is a whole batch.
            throw new TaskSpecException("paths_per_leaf", $"paths_per_leaf must be {MaxPathsPerLeaf} (one engine batch) for American options; got {PathsPerLeaf}.");
        }

        try
        {
            ToSpec(0).Validate();
        }
        catch (PricingInputException e)
        {
            throw new TaskSpecException(e.ParamName ?? "inputs", e.Message);
        }
    }

    /// <summary>Reads and validates a body.</summary>
    public static MonteCarloInputs ReadBody(ref CanonicalReader reader)
    {
        var start = reader.Position;
        var model = reader.ReadByte();
        if (model != GbmModelId)
        {
            CanonicalReader.Fail(start, $"model {GbmModelId} (GBM)");
        }

        var gbm = new GbmModel(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
        var kind = (PayoffKind)reader.ReadByte();
        var type = (OptionType)reader.ReadByte();
        var strike = reader.ReadDouble();
        var fixings = reader.ReadUInt32();
        var barrierType = (BarrierType)reader.ReadByte();
        var barrier = reader.ReadDouble();
        var rebate = reader.ReadDouble();
        var monitoring = (PathMonitoring)reader.ReadByte();
        var paths = reader.ReadUInt64((ulong)MonteCarloSettings.MaxPaths);
        var steps = reader.ReadUInt32();
        var antithetic = reader.ReadBoolean();
        var pathsPerLeaf = reader.ReadUInt32();
        if (fixings > int.MaxValue || steps > MonteCarloSettings.MaxSteps || pathsPerLeaf > MaxPathsPerLeaf)
        {
            CanonicalReader.Fail(start, "n_fixings, steps and paths_per_leaf in range");
        }

        var inputs = new MonteCarloInputs(gbm, new PayoffSpec(kind, type, strike, (int)fixings, barrierType, barrier, rebate, monitoring), (long)paths, (int)steps, antithetic, (int)pathsPerLeaf);
        try
        {
            inputs.Validate();
        }
        catch (TaskSpecException e)
        {
            CanonicalReader.Fail(start, $"valid Monte Carlo inputs ({e.Field}: {e.Message})");
        }

        return inputs;
    }

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteByte(GbmModelId);
        writer.WriteDouble(Model.Spot);
        writer.WriteDouble(Model.ExpiryYears);
        writer.WriteDouble(Model.Rate);
        writer.WriteDouble(Model.DividendYield);
        writer.WriteDouble(Model.Volatility);
        writer.WriteByte((byte)Payoff.Kind);
        writer.WriteByte((byte)Payoff.Type);
        writer.WriteDouble(Payoff.Strike);
        writer.WriteUInt32((uint)Payoff.FixingCount);
        writer.WriteByte((byte)Payoff.BarrierType);
        writer.WriteDouble(Payoff.Barrier);
        writer.WriteDouble(Payoff.Rebate);
        writer.WriteByte((byte)Payoff.Monitoring);
        writer.WriteUInt64((ulong)Paths);
        writer.WriteUInt32((uint)Steps);
        writer.WriteBoolean(Antithetic);
        writer.WriteUInt32((uint)PathsPerLeaf);
    }
}
