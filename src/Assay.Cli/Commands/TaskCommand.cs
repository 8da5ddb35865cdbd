using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Assay.Cli.Tasks;
using Assay.Compute;
using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Pricing;
using Assay.Pricing.MonteCarlo;
using Assay.Pricing.MonteCarlo.LongstaffSchwartz;
using Assay.Proofs.Canonical;
using Assay.Proofs.SpotCheck;
using Spectre.Console;

namespace Assay.Cli.Commands;

/// <summary><c>assay task</c>: write a task spec (<c>new</c>), compute, sign and prove it as a node (<c>run</c>), and submit, show and watch it on a network.</summary>
public static partial class TaskCommand
{
    /// <summary>Exit code of a successful run.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code of a usage, file or input error; nothing is written.</summary>
    public const int ExitError = 1;

    private static readonly string[] Kinds = ["montecarlo", "pricebook"];

    /// <summary>Builds the <c>task</c> command with <c>new</c>, <c>run</c>, <c>submit</c>, <c>show</c> and <c>watch</c>.</summary>
    public static Command Build(IAnsiConsole console, TextWriter stdout, TextWriter stderr) =>
        new("task", "Compute tasks: write a spec, run it as a node; submit, show and watch it on a network.")
        {
            NewCommand(stdout, stderr), RunCommand(console, stdout, stderr), SubmitCommand(stdout, stderr), ShowCommand(stdout, stderr), WatchCommand(stdout, stderr),
        };

    private static Command NewCommand(TextWriter stdout, TextWriter stderr)
    {
        var kind = new Option<string>("--kind") { Description = "montecarlo|pricebook.", Required = true };
        kind.AcceptOnlyFromAmong(Kinds);
        var output = new Option<string>("--out") { Description = "Spec JSON file to write.", Required = true };
        var mc = new McOptions();
        var book = new Option<string?>("--book") { Description = "pricebook: CSV with columns type,S,K,T,r,q,sigma,quantity." };
        var inputsOut = new Option<string?>("--inputs-out")
        {
            Description = "Write the canonical inputs to this file and put only their hash and address (the path relative to the spec) in the spec.",
        };
        var detection = new Option<double>("--detection") { Description = "Spot checks: required detection probability.", DefaultValueFactory = _ => 0.99 };
        var epsilon = new Option<double>("--epsilon") { Description = "Spot checks: fraction of leaves falsified (or relative change of the total) to detect.", DefaultValueFactory = _ => 0.05 };
        var pathsPerLeaf = new Option<int?>("--paths-per-leaf")
        {
            Description = "montecarlo: paths per task leaf, a multiple of 8 in [8, 4096] (American: 4096). Default: the leaf-size rule for the payoff and steps (docs/compute-tasks.md).",
        };
        var fee = new Option<ulong>("--fee") { Description = "Fee in minor units (recorded in the spec)." };
        var deadline = new Option<long>("--deadline-unix-ms") { Description = "Deadline, Unix milliseconds (recorded in the spec; 0 = none)." };
        var command = new Command(
            "new",
            """
            Write a task spec as JSON: the canonical spec bytes as hex, the task id (their hash) and readable fields.

            montecarlo: every model, payoff and contract flag of 'assay mc' (--model gbm|heston|basket, --payoff ...,
                        --paths, --steps, --seed, --antithetic); one leaf per --paths-per-leaf paths
                        (default: small leaves for long paths, so spot checks recompute little; 4096 for
                        one-step payoffs and American options).
            pricebook:  --book BOOK.csv with the 'assay price --model bsm' columns plus quantity; one leaf per position.
            --inputs-out FILE keeps the inputs out of the spec (content-addressed by their hash); 'task run' and
            'verify' read them from --inputs, by default from FILE next to the spec.
            The spot-check policy is sized for --detection and --epsilon.
            Examples:
              assay task new --kind montecarlo --S 100 --K 100 --T 1 --r 0.05 --sigma 0.2 --paths 100000 --out spec.json
              assay task new --kind montecarlo --model heston --v0 0.04 --kappa 1.5 --theta 0.04 --sigma-v 0.5 --rho -0.7 --S 100 --K 100 --T 1 --steps 50 --out spec.json
              assay task new --kind pricebook --book book.csv --inputs-out book.bin --out spec.json
            """)
        {
            kind, output, book, inputsOut, pathsPerLeaf, detection, epsilon, fee, deadline,
        };
        mc.AddTo(command);
        command.SetAction(parse =>
        {
            try
            {
                ushort kindId;
                long items;
                ulong seed;
                int massLane;
                byte[] inputBytes;
                JsonObject readable;
                string kindName = parse.GetValue(kind)!;
                var specPath = parse.GetValue(output)!;
                if (kindName == "montecarlo")
                {
                    var arguments = mc.Parse(parse, threads: 1);
                    var mcSpec = McOptions.Map(arguments);

                    // Validated as 'assay mc' validates, so that both commands print the same error for the same flags.
                    mcSpec.Validate();
                    var leaf = parse.GetValue(pathsPerLeaf) ?? MonteCarloKind.DefaultPathsPerLeaf(mcSpec.Payoff, mcSpec.Settings.Steps);
                    var inputs = new MonteCarloInputs(mcSpec.Model, mcSpec.Payoff, mcSpec.Settings.Paths, mcSpec.Settings.Steps, mcSpec.Settings.Antithetic, leaf);
                    inputs.Validate();
                    (kindId, items, seed, massLane) = (TaskKindIds.MonteCarlo, inputs.LeafCount, mcSpec.Settings.Seed, MonteCarloKind.PayoffSquaredLane);
                    inputBytes = CanonicalEncoding.Encode(inputs);
                    readable = MonteCarloReadable(arguments, inputs);
                }
                else
                {
                    var bookPath = parse.GetValue(book) ?? throw new TaskFileException("--book: required for --kind pricebook.");
                    var inputs = PriceBookCsv.Read(bookPath);
                    (kindId, items, seed, massLane) = (TaskKindIds.PriceBook, inputs.Positions.Count, 0, PriceBookKind.GrossValueLane);
                    inputBytes = CanonicalEncoding.Encode(inputs);
                    readable = new JsonObject { ["book"] = Path.GetFileName(bookPath), ["positions"] = items };
                }

                var policy = Policy(items, parse.GetValue(detection), parse.GetValue(epsilon), massLane);
                var inputsPath = parse.GetValue(inputsOut);
                var spec = inputsPath is null
                    ? new TaskSpec(kindId, EngineVersion.Current, inputBytes, items, seed, policy, parse.GetValue(fee), parse.GetValue(deadline))
                    : TaskSpec.Referencing(
                        kindId, EngineVersion.Current, inputBytes, TaskInputsFile.AddressFor(specPath, inputsPath), items, seed, policy, parse.GetValue(fee), parse.GetValue(deadline));
                if (inputsPath is not null)
                {
                    TaskInputsFile.Write(inputsPath, inputBytes);
                }

                AtomicFile.WriteAllText(specPath, TaskSpecFile.Write(spec, kindName, readable));
                stdout.WriteLine($"task_id: {spec.TaskId}");
                stdout.WriteLine($"kind: {kindName}, items: {spec.ItemCount}, spot checks: {spec.Policy.SpotChecks.UniformCount} uniform + {spec.Policy.SpotChecks.MassCount} mass");
                if (inputsPath is not null)
                {
                    stdout.WriteLine($"inputs file: {inputsPath} ({spec.InputsLength} bytes, hash {spec.InputsHash}, address '{spec.InputsAddress}')");
                }

                stdout.WriteLine($"spec file: {specPath}");
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

    /// <summary>The readable form of Monte Carlo inputs for the spec file (the canonical bytes are authoritative).</summary>
    private static JsonObject MonteCarloReadable(McOptions.Arguments arguments, MonteCarloInputs inputs)
    {
        var p = inputs.Payoff;
        var json = new JsonObject { ["model"] = arguments.Model, ["payoff"] = p.Kind.ToString(), ["type"] = p.Type.ToString() };
        switch (inputs.Model)
        {
            case GbmModel gbm:
                (json["S"], json["T"], json["r"], json["q"], json["sigma"]) = (gbm.Spot, gbm.ExpiryYears, gbm.Rate, gbm.DividendYield, gbm.Volatility);
                break;
            case HestonModel h:
                (json["S"], json["T"], json["r"], json["q"]) = (h.Spot, h.ExpiryYears, h.Rate, h.DividendYield);
                (json["v0"], json["kappa"], json["theta"], json["sigma_v"], json["rho"]) = (h.V0, h.Kappa, h.Theta, h.SigmaV, h.Rho);
                json["scheme"] = h.Scheme.ToString();
                break;
            case BasketModel b:
                (json["T"], json["r"]) = (b.ExpiryYears, b.Rate);
                json["assets"] = new JsonArray([.. Enumerable.Range(0, b.Count).Select(i => (JsonNode)new JsonObject
                {
                    ["S"] = b.Spots[i], ["q"] = b.DividendYields[i], ["sigma"] = b.Volatilities[i], ["weight"] = b.Weights[i],
                })]);
                json["correlation"] = new JsonArray([.. b.Correlation.Select(x => (JsonNode)JsonValue.Create(x))]);
                break;
        }

        if (p.Kind != PayoffKind.FloatingLookback)
        {
            json["K"] = p.Strike;
        }

        switch (p.Kind)
        {
            case PayoffKind.Barrier:
                (json["barrier_type"], json["H"], json["rebate"], json["monitoring"]) = (p.BarrierType.ToString(), p.Barrier, p.Rebate, p.Monitoring.ToString());
                break;
            case PayoffKind.ArithmeticAsian or PayoffKind.GeometricAsian:
                json["n_fixings"] = p.FixingCount;
                break;
            case PayoffKind.FixedLookback or PayoffKind.FloatingLookback:
                json["monitoring"] = p.Monitoring.ToString();
                break;
            case PayoffKind.American:
                (json["exercise_dates"], json["basis_size"], json["pilot_paths"]) =
                    (inputs.Steps, LongstaffSchwartzEngine.BasisSize, LongstaffSchwartzEngine.PolicyPathsFor(inputs.Paths));
                break;
        }

        (json["paths"], json["steps"], json["antithetic"], json["paths_per_leaf"]) = (inputs.Paths, inputs.Steps, inputs.Antithetic, inputs.PathsPerLeaf);
        return json;
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
        var inputs = new Option<string?>("--inputs") { Description = "Inputs file of a spec that holds only their hash (default: its address next to the spec); checked against the hash first." };
        var command = new Command(
            "run",
            """
            Compute a task as a node: every leaf, the Merkle-sum tree, the aggregate; sign the result with the node key
            and write it with the spot-check openings for the challenge derived from --challenge-seed.

            The challenge seed is a stand-in: on a network the challenge is drawn after the result is committed.
            Example: assay task run --spec spec.json --key node.pem --challenge-seed 00112233445566778899aabbccddeeff --out result.json
            """)
        {
            specPath, keyPath, passwordEnv, output, challenge, threads, inputs,
        };
        command.SetAction(parse =>
        {
            try
            {
                var spec = TaskSpecFile.Read(parse.GetValue(specPath)!, parse.GetValue(inputs));
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

}
