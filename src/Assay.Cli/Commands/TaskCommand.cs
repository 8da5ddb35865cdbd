using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Assay.Cli.Pricing;
using Assay.Cli.Tasks;
using Assay.Compute;
using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Pricing;
using Assay.Pricing.MonteCarlo;
using Assay.Proofs.Canonical;
using Assay.Proofs.SpotCheck;
using Spectre.Console;

namespace Assay.Cli.Commands;

/// <summary><c>assay task</c>: write a task spec (<c>new</c>) and compute, sign and prove it as a node (<c>run</c>).</summary>
public static class TaskCommand
{
    /// <summary>Exit code of a successful run.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code of a usage, file or input error; nothing is written.</summary>
    public const int ExitError = 1;

    private static readonly string[] Kinds = ["montecarlo", "pricebook"];
    private static readonly string[] Payoffs = ["european", "digital", "asian", "barrier"];

    /// <summary>Builds the <c>task</c> command with <c>new</c> and <c>run</c>.</summary>
    public static Command Build(IAnsiConsole console, TextWriter stdout, TextWriter stderr) =>
        new("task", "Compute tasks: write a spec, run it as a node.") { NewCommand(stdout, stderr), RunCommand(console, stdout, stderr) };

    private static Command NewCommand(TextWriter stdout, TextWriter stderr)
    {
        var kind = new Option<string>("--kind") { Description = "montecarlo|pricebook.", Required = true };
        kind.AcceptOnlyFromAmong(Kinds);
        var output = new Option<string>("--out") { Description = "Spec JSON file to write.", Required = true };
        var payoff = new Option<string>("--payoff") { Description = "montecarlo: european|digital|asian|barrier (gbm).", DefaultValueFactory = _ => "european" };
        payoff.AcceptOnlyFromAmong(Payoffs);
        var type = new Option<string>("--type") { Description = "call|put.", DefaultValueFactory = _ => "call" };
        type.AcceptOnlyFromAmong("call", "put");
        var spot = new Option<double?>("--S") { Description = "Spot price S." };
        var strike = new Option<double?>("--K") { Description = "Strike K." };
        var expiry = new Option<double?>("--T") { Description = "Years to expiry T." };
        var rate = new Option<double>("--r") { Description = "Risk-free rate r (default 0)." };
        var dividend = new Option<double>("--q") { Description = "Dividend yield q (default 0)." };
        var sigma = new Option<double?>("--sigma") { Description = "Volatility sigma per year." };
        var paths = new Option<long>("--paths") { Description = "Number of paths.", DefaultValueFactory = _ => 100_000 };
        var steps = new Option<int?>("--steps") { Description = "Time steps per path (default 1 for european/digital, the fixings for asian, 252 otherwise)." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of every random variate.", DefaultValueFactory = _ => 1 };
        var antithetic = new Option<bool>("--antithetic") { Description = "Pair every path with its mirror image (paths must be even)." };
        var fixings = new Option<int?>("--fixings") { Description = "Asian averaging fixings (default: every step)." };
        var average = new Option<string>("--average") { Description = "Asian average: arithmetic|geometric.", DefaultValueFactory = _ => "arithmetic" };
        average.AcceptOnlyFromAmong("arithmetic", "geometric");
        var barrierType = new Option<string?>("--barrier-type") { Description = "DownOut|DownIn|UpOut|UpIn (barrier)." };
        var barrier = new Option<double?>("--H") { Description = "Barrier level H (barrier)." };
        var rebate = new Option<double>("--rebate") { Description = "Barrier rebate (default 0)." };
        var monitoring = new Option<string>("--monitoring") { Description = "Barrier monitoring continuous|discrete.", DefaultValueFactory = _ => "continuous" };
        monitoring.AcceptOnlyFromAmong("continuous", "discrete");
        var book = new Option<string?>("--book") { Description = "pricebook: CSV with columns type,S,K,T,r,q,sigma,quantity." };
        var detection = new Option<double>("--detection") { Description = "Spot checks: required detection probability.", DefaultValueFactory = _ => 0.99 };
        var epsilon = new Option<double>("--epsilon") { Description = "Spot checks: fraction of leaves falsified (or relative change of the total) to detect.", DefaultValueFactory = _ => 0.05 };
        var fee = new Option<ulong>("--fee") { Description = "Fee in minor units (recorded in the spec)." };
        var deadline = new Option<long>("--deadline-unix-ms") { Description = "Deadline, Unix milliseconds (recorded in the spec; 0 = none)." };
        var command = new Command(
            "new",
            """
            Write a task spec as JSON: the canonical spec bytes as hex, the task id (their hash) and readable fields.

            montecarlo: a GBM option (--payoff european|digital|asian|barrier, flags as 'assay mc'); one leaf per batch of paths.
            pricebook:  --book BOOK.csv with the 'assay price --model bsm' columns plus quantity; one leaf per position.
            The spot-check policy is sized for --detection and --epsilon.
            Example: assay task new --kind montecarlo --S 100 --K 100 --T 1 --r 0.05 --sigma 0.2 --paths 100000 --out spec.json
            """)
        {
            kind, output, payoff, type, spot, strike, expiry, rate, dividend, sigma, paths, steps, seed, antithetic, fixings, average,
            barrierType, barrier, rebate, monitoring, book, detection, epsilon, fee, deadline,
        };
        command.SetAction(parse =>
        {
            try
            {
                TaskSpec spec;
                JsonObject readable;
                string kindName = parse.GetValue(kind)!;
                if (kindName == "montecarlo")
                {
                    var payoffName = parse.GetValue(payoff)!;
                    var optionType = Choices.OptionTypes[parse.GetValue(type)!];
                    var stepCount = parse.GetValue(steps) ?? McCommand.DefaultSteps("gbm", payoffName, parse.GetValue(fixings));
                    var k = Required(parse.GetValue(strike), "K");
                    var payoffSpec = payoffName switch
                    {
                        "european" => new PayoffSpec(PayoffKind.European, optionType, k),
                        "digital" => new PayoffSpec(PayoffKind.Digital, optionType, k),
                        "asian" => new PayoffSpec(
                            parse.GetValue(average) == "geometric" ? PayoffKind.GeometricAsian : PayoffKind.ArithmeticAsian,
                            optionType,
                            k,
                            FixingCount: parse.GetValue(fixings) ?? stepCount),
                        _ => new PayoffSpec(
                            PayoffKind.Barrier,
                            optionType,
                            k,
                            BarrierType: Choices.BarrierTypes.TryGetValue(parse.GetValue(barrierType) ?? string.Empty, out var bt)
                                ? bt
                                : throw new TaskFileException("--barrier-type: DownOut|DownIn|UpOut|UpIn is required for a barrier."),
                            Barrier: Required(parse.GetValue(barrier), "H"),
                            Rebate: parse.GetValue(rebate),
                            Monitoring: parse.GetValue(monitoring) == "discrete" ? PathMonitoring.Discrete : PathMonitoring.Continuous),
                    };
                    var model = new GbmModel(Required(parse.GetValue(spot), "S"), Required(parse.GetValue(expiry), "T"), parse.GetValue(rate), parse.GetValue(dividend), Required(parse.GetValue(sigma), "sigma"));
                    var inputs = new MonteCarloInputs(model, payoffSpec, parse.GetValue(paths), stepCount, parse.GetValue(antithetic));
                    inputs.Validate();
                    var items = inputs.ToSpec(parse.GetValue(seed)).BatchCount;
                    var policy = Policy(items, parse.GetValue(detection), parse.GetValue(epsilon), MonteCarloKind.PayoffSquaredLane);
                    spec = new TaskSpec(TaskKindIds.MonteCarlo, EngineVersion.Current, CanonicalEncoding.Encode(inputs), items, parse.GetValue(seed), policy, parse.GetValue(fee), parse.GetValue(deadline));
                    readable = new JsonObject
                    {
                        ["model"] = "gbm",
                        ["payoff"] = payoffSpec.Kind.ToString(),
                        ["type"] = optionType.ToString(),
                        ["S"] = model.Spot,
                        ["K"] = k,
                        ["T"] = model.ExpiryYears,
                        ["r"] = model.Rate,
                        ["q"] = model.DividendYield,
                        ["sigma"] = model.Volatility,
                        ["paths"] = inputs.Paths,
                        ["steps"] = inputs.Steps,
                        ["antithetic"] = inputs.Antithetic,
                    };
                    if (payoffSpec.Kind == PayoffKind.Barrier)
                    {
                        readable["barrier_type"] = payoffSpec.BarrierType.ToString();
                        readable["H"] = payoffSpec.Barrier;
                        readable["rebate"] = payoffSpec.Rebate;
                        readable["monitoring"] = payoffSpec.Monitoring.ToString();
                    }
                    else if (payoffSpec.Kind is PayoffKind.ArithmeticAsian or PayoffKind.GeometricAsian)
                    {
                        readable["n_fixings"] = payoffSpec.FixingCount;
                    }
                }
                else
                {
                    var bookPath = parse.GetValue(book) ?? throw new TaskFileException("--book: required for --kind pricebook.");
                    var inputs = PriceBookCsv.Read(bookPath);
                    var items = inputs.Positions.Count;
                    var policy = Policy(items, parse.GetValue(detection), parse.GetValue(epsilon), PriceBookKind.GrossValueLane);
                    spec = new TaskSpec(TaskKindIds.PriceBook, EngineVersion.Current, CanonicalEncoding.Encode(inputs), items, 0, policy, parse.GetValue(fee), parse.GetValue(deadline));
                    readable = new JsonObject { ["book"] = Path.GetFileName(bookPath), ["positions"] = items };
                }

                AtomicFile.WriteAllText(parse.GetValue(output)!, TaskSpecFile.Write(spec, kindName, readable));
                stdout.WriteLine($"task_id: {spec.TaskId}");
                stdout.WriteLine($"kind: {kindName}, items: {spec.ItemCount}, spot checks: {spec.Policy.SpotChecks.UniformCount} uniform + {spec.Policy.SpotChecks.MassCount} mass");
                stdout.WriteLine($"spec file: {parse.GetValue(output)}");
                return ExitOk;
            }
            catch (Exception e) when (e is TaskFileException or TaskSpecException or PricingInputException or IOException)
            {
                stderr.WriteLine($"error: {e.Message}");
                return ExitError;
            }
        });
        return command;
    }

    private static Command RunCommand(IAnsiConsole console, TextWriter stdout, TextWriter stderr)
    {
        var specPath = new Option<string>("--spec") { Description = "Spec JSON from 'assay task new'.", Required = true };
        var keyPath = new Option<string>("--key") { Description = "Node key file from 'assay keys new'.", Required = true };
        var passwordEnv = new Option<string?>("--password-env") { Description = "Environment variable holding the key file's password." };
        var output = new Option<string>("--out") { Description = "Result JSON file to write.", Required = true };
        var challenge = new Option<string>("--challenge-seed")
        {
            Description = "Hex seed (16 … 512 bytes) standing in for the network's later challenge; the openings are for DomainHash(\"assay/cli-challenge/v1\", seed, task id).",
            Required = true,
        };
        var threads = new Option<int>("--threads") { Description = "Worker threads, or -1 for all cores; the result does not depend on it.", DefaultValueFactory = _ => -1 };
        var command = new Command(
            "run",
            """
            Compute a task as a node: every leaf, the Merkle-sum tree, the aggregate; sign the result with the node key
            and write it with the spot-check openings for the challenge derived from --challenge-seed.

            The challenge seed is a stand-in: on a network the challenge is drawn after the result is committed.
            Example: assay task run --spec spec.json --key node.pem --challenge-seed 00112233445566778899aabbccddeeff --out result.json
            """)
        {
            specPath, keyPath, passwordEnv, output, challenge, threads,
        };
        command.SetAction(parse =>
        {
            try
            {
                var spec = TaskSpecFile.Read(parse.GetValue(specPath)!);
                var seed = ChallengeSeed(parse.GetValue(challenge)!);
                using var key = NodeKeyFile.Read(parse.GetValue(keyPath)!, parse.GetValue(passwordEnv));
                var clock = Stopwatch.StartNew();
                TaskRun? run = null;
                if (console.Profile.Capabilities.Interactive)
                {
                    console.Progress().Start(context =>
                    {
                        var task = context.AddTask($"computing {spec.ItemCount} leaves", maxValue: spec.ItemCount);
                        run = TaskRunner.Run(
                            spec, key.Address.ToArray(), maxDegreeOfParallelism: parse.GetValue(threads), progress: (done, _) => task.Value = done);
                        task.Value = spec.ItemCount;
                    });
                }
                else
                {
                    run = TaskRunner.Run(spec, key.Address.ToArray(), maxDegreeOfParallelism: parse.GetValue(threads));
                }

                var seconds = clock.Elapsed.TotalSeconds;
                var signed = TaskResultSigning.Sign(run!.Result, key);
                var proof = TaskRunner.Prove(spec, run.Tree, TaskSpecFile.DeriveChallenge(seed, spec.TaskId));
                var document = new ResultDocument(signed, key.PublicKey, seed, proof.Encode(), seconds);
                AtomicFile.WriteAllText(parse.GetValue(output)!, TaskResultFile.Write(document));
                stdout.WriteLine($"task_id: {spec.TaskId}");
                stdout.WriteLine($"node: {key.Address}");
                stdout.WriteLine($"root: {signed.Root.Hash}");
                stdout.WriteLine($"aggregate: {signed.Aggregate}");
                stdout.WriteLine($"openings: {proof.Openings.Count}, compute: {seconds:F3} s");
                stdout.WriteLine($"result file: {parse.GetValue(output)}");
                return ExitOk;
            }
            catch (Exception e) when (e is TaskFileException or TaskSpecException or PricingInputException or IOException)
            {
                stderr.WriteLine($"error: {e.Message}");
                return ExitError;
            }
        });
        return command;
    }

    /// <summary>The bytes of a hex challenge seed given on the command line.</summary>
    /// <exception cref="TaskFileException">Not hex, or outside 16 … 512 bytes.</exception>
    internal static byte[] ChallengeSeed(string hex)
    {
        byte[] seed;
        try
        {
            seed = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new TaskFileException("--challenge-seed: not hex.");
        }

        return seed.Length is < 16 or > 512 ? throw new TaskFileException($"--challenge-seed: 16 … 512 bytes expected; got {seed.Length}.") : seed;
    }

    private static VerificationPolicy Policy(long items, double detection, double epsilon, int massLane)
    {
        SpotCheckPolicy checks;
        try
        {
            checks = SpotCheckPolicy.For(items, detection, epsilon, massLane);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new TaskFileException($"--detection/--epsilon: {e.Message}");
        }

        return new VerificationPolicy(1, 1, checks, 3.0, 100, 0);
    }

    private static double Required(double? value, string field) =>
        value ?? throw new TaskFileException($"--{field}: required.");
}
