using System.CommandLine;
using Assay.Cli.Pricing;
using Assay.Pricing;
using Assay.Pricing.MonteCarlo;

namespace Assay.Cli.Commands;

/// <summary>The model, payoff, contract and simulation flags shared by <c>assay mc</c> and <c>assay task new --kind montecarlo</c>, and their one parser.</summary>
/// <remarks>Both commands add these options and call <see cref="Parse"/> and <see cref="Map"/>, so the flags, defaults and
/// error messages cannot drift apart. Errors are <see cref="PricingInputException"/>s naming the field (flag: the field
/// with <c>_</c> spelled <c>-</c>).</remarks>
internal sealed class McOptions
{
    /// <summary>Values of <c>--model</c>.</summary>
    public static readonly string[] Models = ["gbm", "heston", "basket"];

    /// <summary>Values of <c>--payoff</c>.</summary>
    public static readonly string[] Payoffs = ["european", "digital", "asian", "geometric-asian", "barrier", "lookback", "basket", "american"];

    /// <summary>Default of <c>--paths</c>.</summary>
    public const long DefaultPaths = 1_000_000;

    public McOptions()
    {
        Model = Choice("--model", "Dynamics: gbm|heston|basket (basket: correlated GBM assets from --basket and --correlation; implies --payoff basket).", Models, "gbm");
        Payoff = Choice("--payoff", "Contract: " + string.Join("|", Payoffs) + " (default european; basket with --model basket).", Payoffs, null);
        Type = Choice("--type", "call|put.", ["call", "put"], "call");
        Spot = Number("--S", "Spot price S.");
        Strike = Number("--K", "Strike K.");
        Expiry = Number("--T", "Years to expiry T.");
        Rate = Number("--r", "Risk-free rate r, continuously compounded (default 0).");
        Dividend = Number("--q", "Dividend yield q, continuously compounded (default 0).");
        Sigma = Number("--sigma", "Volatility sigma per year (gbm).");
        V0 = Number("--v0", "Initial variance v0 (heston).");
        Kappa = Number("--kappa", "Mean-reversion speed kappa (heston).");
        Theta = Number("--theta", "Long-run variance theta (heston).");
        SigmaV = Number("--sigma-v", "Volatility of variance sigma_v (heston).");
        Rho = Number("--rho", "Correlation rho of spot and variance (heston).");
        Fixings = new Option<int?>("--fixings") { Description = "Number of averaging fixings (asian); default: every step." };
        BarrierType = Choice("--barrier-type", "DownOut|DownIn|UpOut|UpIn (barrier).", [.. Choices.BarrierTypes.Keys], null);
        Barrier = Number("--H", "Barrier level H (barrier).");
        Rebate = Number("--rebate", "Rebate paid when knocked out, or at expiry if never knocked in (barrier; default 0).");
        Scheme = Choice("--scheme", "Heston discretisation: qe (Andersen's quadratic-exponential, default) or euler (full truncation).", ["qe", "euler"], "qe");
        Average = Choice("--average", "Asian average: arithmetic (default; geometric control variate) or geometric.", ["arithmetic", "geometric"], "arithmetic");
        Monitoring = Choice("--monitoring", "Barrier and lookback monitoring: continuous (Brownian bridge, default) or discrete (grid dates).", ["continuous", "discrete"], "continuous");
        StrikeType = Choice("--strike-type", "Lookback: floating (default; pays S_T - min or max - S_T) or fixed (max(M - K, 0), max(K - m, 0)).", ["floating", "fixed"], "floating");
        Basket = new Option<string?>("--basket") { Description = "Basket assets CSV: underlying,S,q,sigma,weight (basket; r and T from the flags)." };
        Correlation = new Option<string?>("--correlation") { Description = "Correlation CSV: header underlying,A,B,..., one row per underlying (basket; default: independent assets)." };
        Paths = new Option<long>("--paths") { Description = "Number of paths.", DefaultValueFactory = _ => DefaultPaths };
        Steps = new Option<int?>("--steps")
        {
            Description = "Time steps per path (uniform grid). Default: 1 for a GBM European, digital or basket (exact), the --fixings count for an Asian, 50 for an American (its exercise dates), 252 otherwise (Heston, barriers, lookbacks).",
        };
        Seed = new Option<ulong>("--seed") { Description = "Seed of every random variate.", DefaultValueFactory = _ => 1 };
        Antithetic = new Option<bool>("--antithetic") { Description = "Pair every path with its mirror image (paths must be even)." };
    }

    public Option<string> Model { get; }

    public Option<string> Payoff { get; }

    public Option<string> Type { get; }

    public Option<double?> Spot { get; }

    public Option<double?> Strike { get; }

    public Option<double?> Expiry { get; }

    public Option<double?> Rate { get; }

    public Option<double?> Dividend { get; }

    public Option<double?> Sigma { get; }

    public Option<double?> V0 { get; }

    public Option<double?> Kappa { get; }

    public Option<double?> Theta { get; }

    public Option<double?> SigmaV { get; }

    public Option<double?> Rho { get; }

    public Option<int?> Fixings { get; }

    public Option<string> BarrierType { get; }

    public Option<double?> Barrier { get; }

    public Option<double?> Rebate { get; }

    public Option<string> Scheme { get; }

    public Option<string> Average { get; }

    public Option<string> Monitoring { get; }

    public Option<string> StrikeType { get; }

    public Option<string?> Basket { get; }

    public Option<string?> Correlation { get; }

    public Option<long> Paths { get; }

    public Option<int?> Steps { get; }

    public Option<ulong> Seed { get; }

    public Option<bool> Antithetic { get; }

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        Option[] all =
        [
            Model, Payoff, Type, Spot, Strike, Expiry, Rate, Dividend, Sigma, V0, Kappa, Theta, SigmaV, Rho, Fixings,
            BarrierType, Barrier, Rebate, Scheme, Average, Monitoring, StrikeType, Basket, Correlation, Paths, Steps, Seed, Antithetic,
        ];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The parsed flags; <paramref name="threads"/> is the engine's thread count (the result does not depend on it).</summary>
    public Arguments Parse(ParseResult parse, int threads = -1)
    {
        var model = parse.GetValue(Model)!;
        var payoff = parse.GetValue(Payoff) ?? (model == "basket" ? "basket" : "european");
        return new Arguments(
            model,
            payoff,
            parse.GetValue(Type)!,
            parse.GetValue(Spot),
            parse.GetValue(Strike),
            parse.GetValue(Expiry),
            parse.GetValue(Rate) ?? 0.0,
            parse.GetValue(Dividend) ?? 0.0,
            parse.GetValue(Sigma),
            new HestonTerms(parse.GetValue(V0), parse.GetValue(Kappa), parse.GetValue(Theta), parse.GetValue(SigmaV), parse.GetValue(Rho)),
            parse.GetValue(Fixings),
            parse.GetValue(BarrierType),
            parse.GetValue(Barrier),
            parse.GetValue(Rebate) ?? 0.0,
            new ContractStyle(parse.GetValue(Scheme)!, parse.GetValue(Average)!, parse.GetValue(Monitoring)!, parse.GetValue(StrikeType)!),
            parse.GetValue(Basket),
            parse.GetValue(Correlation),
            new MonteCarloSettings(
                parse.GetValue(Paths),
                parse.GetValue(Steps) ?? DefaultSteps(model, payoff, parse.GetValue(Fixings)),
                parse.GetValue(Seed),
                parse.GetValue(Antithetic),
                threads));
    }

    /// <summary>From the parsed flags to the engine's spec: the one place that knows which model and payoff exist.</summary>
    /// <exception cref="PricingInputException">A term needed by the chosen model or payoff is missing, or the pair is not available.</exception>
    public static MonteCarloSpec Map(Arguments a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var optionType = Choices.OptionTypes[a.Type];
        if (a.Model == "basket" || a.Payoff == "basket" || a.BasketFile is not null)
        {
            if (a.Payoff != "basket" || a.Model is not ("gbm" or "basket"))
            {
                throw new PricingInputException("basket", "--basket goes with --model basket (or --model gbm --payoff basket)");
            }

            var assets = BasketInputs.Read(Required(a.BasketFile, "basket"), a.CorrelationFile, Required(a.ExpiryYears, "T"), a.Rate);
            return new MonteCarloSpec(assets, new PayoffSpec(PayoffKind.Basket, optionType, Required(a.Strike, "K")), a.Settings);
        }

        PathModel model = a.Model switch
        {
            "gbm" => new GbmModel(Required(a.Spot, "S"), Required(a.ExpiryYears, "T"), a.Rate, a.DividendYield, Required(a.Volatility, "sigma")),
            "heston" => new HestonModel(
                Required(a.Spot, "S"),
                Required(a.ExpiryYears, "T"),
                a.Rate,
                a.DividendYield,
                Required(a.Heston.V0, "v0"),
                Required(a.Heston.Kappa, "kappa"),
                Required(a.Heston.Theta, "theta"),
                Required(a.Heston.SigmaV, "sigma_v"),
                Required(a.Heston.Rho, "rho"),
                a.Style.Scheme == "euler" ? HestonScheme.FullTruncationEuler : HestonScheme.QuadraticExponential),
            _ => throw NotAvailable("--model", a.Model, Models),
        };
        var monitoring = a.Style.Monitoring == "discrete" ? PathMonitoring.Discrete : PathMonitoring.Continuous;
        var payoff = a.Payoff switch
        {
            "european" => new PayoffSpec(PayoffKind.European, optionType, Required(a.Strike, "K")),
            "digital" => new PayoffSpec(PayoffKind.Digital, optionType, Required(a.Strike, "K")),
            "asian" or "geometric-asian" => new PayoffSpec(
                a.Payoff == "geometric-asian" || a.Style.Average == "geometric" ? PayoffKind.GeometricAsian : PayoffKind.ArithmeticAsian,
                optionType,
                Required(a.Strike, "K"),
                FixingCount: a.Fixings ?? a.Settings.Steps),
            "barrier" => new PayoffSpec(
                PayoffKind.Barrier,
                optionType,
                Required(a.Strike, "K"),
                BarrierType: Choices.BarrierTypes[a.BarrierType ?? throw new PricingInputException("barrier_type", "barrier_type is required (flag --barrier-type DownOut|DownIn|UpOut|UpIn)")],
                Barrier: Required(a.Barrier, "H"),
                Rebate: a.Rebate,
                Monitoring: monitoring),
            "lookback" when a.Style.StrikeType == "fixed" => new PayoffSpec(PayoffKind.FixedLookback, optionType, Required(a.Strike, "K"), Monitoring: monitoring),
            "lookback" => new PayoffSpec(PayoffKind.FloatingLookback, optionType, a.Strike ?? 0.0, Monitoring: monitoring),
            "american" when a.Model == "gbm" => new PayoffSpec(PayoffKind.American, optionType, Required(a.Strike, "K")),
            "american" => throw new PricingInputException("payoff", "--payoff american goes with --model gbm (Longstaff-Schwartz on GBM only)"),
            _ => throw NotAvailable("--payoff", a.Payoff, Payoffs),
        };
        return new MonteCarloSpec(model, payoff, a.Settings);
    }

    /// <summary>Steps when --steps is not given: exact one-step GBM where the payoff sees S_T only, else a grid fine enough for the payoff.</summary>
    public static int DefaultSteps(string model, string payoff, int? fixings) => (model, payoff) switch
    {
        ("gbm" or "basket", "european" or "digital" or "basket") => 1,
        (_, "asian" or "geometric-asian") when fixings is > 0 => fixings.Value,
        ("gbm", "american") => 50,
        _ => 252,
    };

    private static double Required(double? value, string field) =>
        value ?? throw new PricingInputException(field, $"{field} is required (flag --{field.Replace('_', '-')})");

    private static string Required(string? value, string field) =>
        value ?? throw new PricingInputException(field, $"{field} is required (flag --{field})");

    private static PricingInputException NotAvailable(string flag, string value, string[] available) =>
        new(flag.TrimStart('-'), $"{flag} {value} is not available in this build (available: {string.Join(", ", available)})");

    private static Option<string> Choice(string name, string description, string[] values, string? defaultValue)
    {
        var option = new Option<string>(name) { Description = description };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        option.AcceptOnlyFromAmong(values);
        return option;
    }

    private static Option<double?> Number(string name, string description) => new(name) { Description = description };

    /// <summary>The style choices: Heston scheme, Asian average, monitoring, lookback strike type.</summary>
    internal sealed record ContractStyle(string Scheme, string Average, string Monitoring, string StrikeType);

    /// <summary>The Heston terms as given on the command line (null when absent).</summary>
    internal sealed record HestonTerms(double? V0, double? Kappa, double? Theta, double? SigmaV, double? Rho);

    /// <summary>Every model, payoff, contract and simulation flag after parsing; <see cref="Map"/> picks what the chosen model and payoff need.</summary>
    internal sealed record Arguments(
        string Model,
        string Payoff,
        string Type,
        double? Spot,
        double? Strike,
        double? ExpiryYears,
        double Rate,
        double DividendYield,
        double? Volatility,
        HestonTerms Heston,
        int? Fixings,
        string? BarrierType,
        double? Barrier,
        double Rebate,
        ContractStyle Style,
        string? BasketFile,
        string? CorrelationFile,
        MonteCarloSettings Settings);
}
