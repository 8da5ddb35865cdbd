using Assay.Compute.Tasks;
using Assay.Pricing;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using Assay.Pricing.MonteCarlo.LongstaffSchwartz;
using Assay.Proofs.Canonical;

namespace Assay.Compute.Kinds;

/// <summary>The inputs of a Monte Carlo task: a model (GBM, Heston or a correlated GBM basket), a payoff, paths, steps and antithetic flag.</summary>
/// <remarks>
/// <para>The seed is the spec's <see cref="TaskSpec.Seed"/>, not part of the inputs. Pairs accepted: GBM with every
/// single-asset payoff and <see cref="PayoffKind.American"/> (Longstaff–Schwartz); Heston (either scheme) with every
/// single-asset European-exercise payoff; a basket model with <see cref="PayoffKind.Basket"/> only.</para>
/// <para>Canonical body (format 2, tag <see cref="ComputeTypeTags.MonteCarloInputs"/>), a tagged union on the model:
/// u8 model ‖ model fields ‖ payoff ‖ [American only: u32 basis size ‖ u32 pilot paths] ‖ u64 paths ‖ u32 steps ‖
/// bool antithetic ‖ u32 paths_per_leaf, where the model fields are, for 1 = GBM: f64 S ‖ T ‖ r ‖ q ‖ sigma; for 2 = Heston: f64 S ‖ T ‖ r ‖
/// q ‖ v0 ‖ kappa ‖ theta ‖ sigma_v ‖ rho ‖ u8 scheme (0 QE, 1 full-truncation Euler); for 3 = basket: f64 T ‖ r ‖
/// u32 n (1 … <see cref="BasketModel.MaxAssets"/>) ‖ n × (f64 S ‖ q ‖ sigma ‖ weight) ‖ n² × f64 correlation
/// (row-major); and the payoff is u8 payoff kind ‖ u8 type ‖ f64 K ‖ u32 n_fixings ‖ u8 barrier type ‖ f64 H ‖
/// f64 rebate ‖ u8 monitoring. Format 2 added paths_per_leaf (format 1 had one leaf per 4,096-path batch).</para>
/// <para>American: the exercise dates are the <see cref="Steps"/> grid dates; the regression basis size and the pilot
/// path count are not free in the engine (<see cref="LongstaffSchwartzEngine.BasisSize"/>,
/// <see cref="LongstaffSchwartzEngine.PolicyPathsFor"/>) but are written out so the spec states the policy a leaf is
/// recomputed with; a decoder refuses values the engine would not use.</para>
/// <para><see cref="PathsPerLeaf"/> cuts the paths into leaves of that many paths (the last may be shorter); it changes no
/// bit of the totals, only the leaf count ⌈paths / paths_per_leaf⌉ and hence the cost of commitment and of spot checks.
/// Allowed: a multiple of 8 in [<see cref="MinPathsPerLeaf"/>, <see cref="MaxPathsPerLeaf"/>], and exactly
/// <see cref="MaxPathsPerLeaf"/> for American options. <see cref="MonteCarloKind.DefaultPathsPerLeaf"/> gives the
/// recommended size for a payoff and step count.</para>
/// </remarks>
/// <param name="Model">The dynamics: <see cref="GbmModel"/>, <see cref="HestonModel"/> or <see cref="BasketModel"/>.</param>
/// <param name="Payoff">The contract.</param>
/// <param name="Paths">Number of paths.</param>
/// <param name="Steps">Time steps per path (American: exercise dates).</param>
/// <param name="Antithetic">Antithetic pairs.</param>
/// <param name="PathsPerLeaf">Paths per task leaf (field <c>paths_per_leaf</c>), a multiple of 8 in [8, 4096]; default 4096, one leaf per engine batch.</param>
public sealed record MonteCarloInputs(PathModel Model, PayoffSpec Payoff, long Paths, int Steps, bool Antithetic, int PathsPerLeaf = MonteCarloEngine.BatchPaths) : ICanonicalEncodable<MonteCarloInputs>
{
    /// <summary>Smallest leaf size in paths (one Vector512 lane group).</summary>
    public const int MinPathsPerLeaf = 8;

    /// <summary>Largest leaf size in paths: one engine batch (<see cref="MonteCarloEngine.BatchPaths"/>), the most <see cref="MonteCarloEngine.EvaluateRange"/> takes.</summary>
    public const int MaxPathsPerLeaf = MonteCarloEngine.BatchPaths;

    /// <summary>Model tag of <see cref="GbmModel"/>.</summary>
    public const byte GbmModelId = 1;

    /// <summary>Model tag of <see cref="HestonModel"/>.</summary>
    public const byte HestonModelId = 2;

    /// <summary>Model tag of <see cref="BasketModel"/>.</summary>
    public const byte BasketModelId = 3;

    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => ComputeTypeTags.MonteCarloInputs;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 2;

    /// <summary>Domain tag of the inputs' hash.</summary>
    public static string HashTag => "assay/montecarlo-inputs/v2";

    /// <summary>Number of task leaves: ⌈<see cref="Paths"/> / <see cref="PathsPerLeaf"/>⌉ (the spec's item count).</summary>
    public long LeafCount => (Paths + PathsPerLeaf - 1) / PathsPerLeaf;

    /// <summary>The model tag written for <see cref="Model"/>.</summary>
    /// <exception cref="TaskSpecException">The model is not one a task can encode (field <c>model</c>).</exception>
    public byte ModelId => Model switch
    {
        GbmModel => GbmModelId,
        HestonModel => HestonModelId,
        BasketModel => BasketModelId,
        _ => throw new TaskSpecException("model", $"model must be gbm, heston or basket; got {Model?.GetType().Name ?? "null"}."),
    };

    /// <summary>The engine spec these inputs define with <paramref name="seed"/> (single-threaded: the task runner parallelises over batches).</summary>
    public MonteCarloSpec ToSpec(ulong seed) =>
        new(Model, Payoff, new MonteCarloSettings(Paths, Steps, seed, Antithetic, MaxDegreeOfParallelism: 1));

    /// <summary>Throws <see cref="TaskSpecException"/> naming the first field out of range (names as the CLI spells them).</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Model);
        ArgumentNullException.ThrowIfNull(Payoff);
        var model = ModelId;

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

        var kind = Payoff.Kind;
        switch (model)
        {
            case GbmModelId when kind == PayoffKind.Basket:
                throw new TaskSpecException("payoff", "payoff basket needs the basket model (--model basket with --basket and --correlation).");
            case GbmModelId when kind == PayoffKind.American && Steps > LongstaffSchwartzEngine.MaxExerciseDates:
                throw new TaskSpecException("steps", $"steps (the exercise dates of an American payoff) must be between 1 and {LongstaffSchwartzEngine.MaxExerciseDates}; got {Steps}.");
            case HestonModelId when kind is PayoffKind.Basket or PayoffKind.American:
                throw new TaskSpecException("payoff", $"payoff {kind} is not available with the heston model (european, digital, asian, barrier, lookback only).");
            case BasketModelId when kind != PayoffKind.Basket:
                throw new TaskSpecException("payoff", $"the basket model takes payoff basket only; got {kind}.");
            case BasketModelId when ((BasketModel)Model).InitialValue <= 0.0:
                throw new TaskSpecException("weight", $"the basket value at inception, sum of weight[i]*S[i], must be positive; got {((BasketModel)Model).InitialValue:R}.");
            default:
                break;
        }
    }

    /// <summary>Reads and validates a body.</summary>
    public static MonteCarloInputs ReadBody(ref CanonicalReader reader)
    {
        var start = reader.Position;
        var modelId = reader.ReadByte();
        PathModel model = modelId switch
        {
            GbmModelId => new GbmModel(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble()),
            HestonModelId => ReadHeston(ref reader),
            BasketModelId => ReadBasket(ref reader),
            _ => Refuse(start),
        };
        var kind = (PayoffKind)reader.ReadByte();
        var type = (OptionType)reader.ReadByte();
        var strike = reader.ReadDouble();
        var fixings = reader.ReadUInt32();
        var barrierType = (BarrierType)reader.ReadByte();
        var barrier = reader.ReadDouble();
        var rebate = reader.ReadDouble();
        var monitoring = (PathMonitoring)reader.ReadByte();
        uint basis = 0;
        uint pilot = 0;
        var americanAt = reader.Position;
        if (kind == PayoffKind.American)
        {
            basis = reader.ReadUInt32();
            pilot = reader.ReadUInt32();
        }

        var paths = reader.ReadUInt64((ulong)MonteCarloSettings.MaxPaths);
        var steps = reader.ReadUInt32();
        var antithetic = reader.ReadBoolean();
        var pathsPerLeaf = reader.ReadUInt32();
        if (fixings > int.MaxValue || steps > MonteCarloSettings.MaxSteps || pathsPerLeaf > MaxPathsPerLeaf)
        {
            CanonicalReader.Fail(start, "n_fixings, steps and paths_per_leaf in range");
        }

        if (kind == PayoffKind.American
            && (basis != LongstaffSchwartzEngine.BasisSize || pilot != (uint)LongstaffSchwartzEngine.PolicyPathsFor((long)paths)))
        {
            CanonicalReader.Fail(
                americanAt,
                $"the engine's Longstaff-Schwartz settings: basis size {LongstaffSchwartzEngine.BasisSize} and {LongstaffSchwartzEngine.PolicyPathsFor((long)paths)} pilot paths for {paths} paths");
        }

        var inputs = new MonteCarloInputs(model, new PayoffSpec(kind, type, strike, (int)fixings, barrierType, barrier, rebate, monitoring), (long)paths, (int)steps, antithetic, (int)pathsPerLeaf);
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
        writer.WriteByte(ModelId);
        switch (Model)
        {
            case GbmModel gbm:
                writer.WriteDouble(gbm.Spot);
                writer.WriteDouble(gbm.ExpiryYears);
                writer.WriteDouble(gbm.Rate);
                writer.WriteDouble(gbm.DividendYield);
                writer.WriteDouble(gbm.Volatility);
                break;
            case HestonModel heston:
                WriteHeston(writer, heston);
                break;
            case BasketModel basket:
                WriteBasket(writer, basket);
                break;
        }

        writer.WriteByte((byte)Payoff.Kind);
        writer.WriteByte((byte)Payoff.Type);
        writer.WriteDouble(Payoff.Strike);
        writer.WriteUInt32((uint)Payoff.FixingCount);
        writer.WriteByte((byte)Payoff.BarrierType);
        writer.WriteDouble(Payoff.Barrier);
        writer.WriteDouble(Payoff.Rebate);
        writer.WriteByte((byte)Payoff.Monitoring);
        if (Payoff.Kind == PayoffKind.American)
        {
            writer.WriteUInt32(LongstaffSchwartzEngine.BasisSize);
            writer.WriteUInt32((uint)LongstaffSchwartzEngine.PolicyPathsFor(Paths));
        }

        writer.WriteUInt64((ulong)Paths);
        writer.WriteUInt32((uint)Steps);
        writer.WriteBoolean(Antithetic);
        writer.WriteUInt32((uint)PathsPerLeaf);
    }

    private static PathModel Refuse(int offset)
    {
        CanonicalReader.Fail(offset, $"model {GbmModelId} (gbm), {HestonModelId} (heston) or {BasketModelId} (basket)");
        return null!;
    }

    private static HestonModel ReadHeston(ref CanonicalReader reader)
    {
        var s = reader.ReadDouble();
        var t = reader.ReadDouble();
        var r = reader.ReadDouble();
        var q = reader.ReadDouble();
        var v0 = reader.ReadDouble();
        var kappa = reader.ReadDouble();
        var theta = reader.ReadDouble();
        var sigmaV = reader.ReadDouble();
        var rho = reader.ReadDouble();
        var at = reader.Position;
        var scheme = reader.ReadByte();
        if (scheme > (byte)HestonScheme.FullTruncationEuler)
        {
            CanonicalReader.Fail(at, "scheme 0 (qe) or 1 (euler)");
        }

        return new HestonModel(s, t, r, q, v0, kappa, theta, sigmaV, rho, (HestonScheme)scheme);
    }

    private static void WriteHeston(CanonicalWriter writer, HestonModel heston)
    {
        writer.WriteDouble(heston.Spot);
        writer.WriteDouble(heston.ExpiryYears);
        writer.WriteDouble(heston.Rate);
        writer.WriteDouble(heston.DividendYield);
        writer.WriteDouble(heston.V0);
        writer.WriteDouble(heston.Kappa);
        writer.WriteDouble(heston.Theta);
        writer.WriteDouble(heston.SigmaV);
        writer.WriteDouble(heston.Rho);
        writer.WriteByte((byte)heston.Scheme);
    }

    private static BasketModel ReadBasket(ref CanonicalReader reader)
    {
        var expiry = reader.ReadDouble();
        var rate = reader.ReadDouble();

        // Each asset takes 4 doubles plus its row and column of the matrix: at least 40 bytes.
        var n = reader.ReadCount(BasketModel.MaxAssets, 40);
        if (n == 0)
        {
            CanonicalReader.Fail(reader.Position - 4, $"1 … {BasketModel.MaxAssets} basket assets");
        }

        var spots = new double[n];
        var dividends = new double[n];
        var vols = new double[n];
        var weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            spots[i] = reader.ReadDouble();
            dividends[i] = reader.ReadDouble();
            vols[i] = reader.ReadDouble();
            weights[i] = reader.ReadDouble();
        }

        var correlation = new double[n * n];
        for (var i = 0; i < correlation.Length; i++)
        {
            correlation[i] = reader.ReadDouble();
        }

        return new BasketModel(spots, dividends, vols, weights, correlation, expiry, rate);
    }

    private static void WriteBasket(CanonicalWriter writer, BasketModel basket)
    {
        var n = basket.Count;
        if (n < 1 || n > BasketModel.MaxAssets || basket.DividendYields.Count != n || basket.Volatilities.Count != n
            || basket.Weights.Count != n || basket.Correlation.Count != n * n)
        {
            throw new TaskSpecException("S", $"a basket needs 1 to {BasketModel.MaxAssets} assets with one q, sigma and weight each and an n x n correlation matrix.");
        }

        writer.WriteDouble(basket.ExpiryYears);
        writer.WriteDouble(basket.Rate);
        writer.WriteCount(n, BasketModel.MaxAssets);
        for (var i = 0; i < n; i++)
        {
            writer.WriteDouble(basket.Spots[i]);
            writer.WriteDouble(basket.DividendYields[i]);
            writer.WriteDouble(basket.Volatilities[i]);
            writer.WriteDouble(basket.Weights[i]);
        }

        foreach (var rho in basket.Correlation)
        {
            writer.WriteDouble(rho);
        }
    }
}
