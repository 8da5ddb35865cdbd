using System.CommandLine;
using Assay.Cli.Commands;
using Assay.Cli.Pricing;
using Spectre.Console;

namespace Assay.Cli;

/// <summary>The root of the <c>assay</c> command line.</summary>
public static class AssayCommand
{
    /// <summary>Columns used for tables when standard output is not a terminal.</summary>
    private const int RedirectedWidth = 160;

    /// <summary>Parses <paramref name="args"/>, runs the chosen command and returns its exit code.</summary>
    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with explicit output streams (used by tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var terminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        var console = terminal
            ? AnsiConsole.Console
            : AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(stdout),
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
        if (!terminal)
        {
            // Spectre assumes 80 columns when it cannot ask a terminal; a priced book needs more.
            console.Profile.Width = RedirectedWidth;
        }

        var root = Build(console, stdout, stderr);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return root.Parse(args).Invoke(config);
    }

    private static RootCommand Build(IAnsiConsole console, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            """
            assay: verifiable derivatives computation.

            Commands:
              price     price every row of a CSV book with one model, with Greeks
              iv        implied volatilities from prices
              mc        Monte Carlo prices and Greeks with standard errors (GBM, Heston, baskets)
              var       portfolio value-at-risk and expected shortfall
              surface   fit, query and plot SVI/SSVI volatility surfaces
              bench     measure the engines
              keys      create a node signing key
              task      write a compute task spec; run it as a node; submit, show and watch it on a network
              verify    verify a node's signed task result and spot-check openings
              sim       deterministic simulation of the network with invariant checks
              ledger    write a demo chain; replay, show and prove accounts of a stored chain
              devnet    run a local network in one command: sequencer, nodes, a demo requester, a live view
              node      run a compute node daemon against a sequencer
              account   show an account on a running sequencer
              sequencer run the sequencer service (REST API, blocks, events, metrics, dashboard)
            Every number is computed with deterministic kernels: the same bits on every machine, thread
            count and SIMD width.

            Example:
              assay price --model bsm --input samples/book-bsm.csv
            """);
        root.Add(PriceCommand(console, stdout, stderr));
        root.Add(IvCommand(console, stdout, stderr));
        root.Add(BenchCommand.Build(stdout));
        root.Add(McCommand.Build(console, stdout, stderr));
        root.Add(VarCommand.Build(stdout, stderr));
        root.Add(SurfaceCommand.Build(stdout, stderr));
        root.Add(KeysCommand.Build(stdout, stderr));
        root.Add(TaskCommand.Build(console, stdout, stderr));
        root.Add(VerifyCommand.Build(stdout, stderr));
        root.Add(SimCommand.Build(console, stdout, stderr));
        root.Add(LedgerCommand.Build(console, stdout, stderr));
        root.Add(DevnetCommand.Build(console, stdout, stderr));
        root.Add(NodeCommand.Build(stdout, stderr));
        root.Add(AccountCommand.Build(stdout, stderr));
        root.Add(SequencerCommand.Build(stdout, stderr));
        root.SetAction(parse =>
        {
            // No subcommand: explain ourselves rather than fail.
            return parse.RootCommandResult.Command.Parse("--help").Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        });
        return root;
    }

    private static Command PriceCommand(IAnsiConsole console, TextWriter stdout, TextWriter stderr)
    {
        var names = RowModels.Pricing.Select(m => m.Name).ToArray();
        var model = new Option<string>("--model", "-m")
        {
            Description = "Pricing model: " + string.Join("|", names),
            Required = true,
        };
        model.AcceptOnlyFromAmong(names);
        var input = InputOption();
        var output = OutputOption();
        var command = new Command(
            "price",
            """
            Price every row of a CSV file with one model.

            Columns are matched by name (case-insensitive); extra columns are copied through. Inputs by model:
              bsm              type,S,K,T,r,q,sigma
              black76          type,F,K,T,r,sigma            (delta and gamma with respect to F)
              american         type,S,K,T,r,q,sigma
              barrier          type,barrierType,S,K,H,rebate,T,r,q,sigma   barrierType DownOut|DownIn|UpOut|UpIn
              asian-geometric  averaging,type,S,K,T,r,q,sigma,n_fixings    averaging continuous|discrete
              lookback         type,S,minmax,T,r,q,sigma    (floating strike; minmax = running min for a call, max for a put)
              heston           type,S,K,T,r,q,v0,kappa,theta,sigma_v,rho
            type is call|put; T in years; r, q continuously compounded; sigma per year.
            Output adds price (and delta,gamma,vega,theta,rho for bsm, black76, american; error_estimate, the
            integrator's absolute error bound, for heston) and an error column.
            Units: vega per 1.00 of vol, rho per 1.00 of rate, theta = -dV/dT per year.
            Exit code: 0 all rows priced, 2 some rows rejected (the others are still priced), 1 usage or file error.
            """)
        {
            model, input, output,
        };
        command.SetAction(parse => CsvJob.Run(
            RowModels.Find(parse.GetValue(model)!)!, parse.GetValue(input)!, parse.GetValue(output), console, stdout, stderr));
        return command;
    }

    private static Command IvCommand(IAnsiConsole console, TextWriter stdout, TextWriter stderr)
    {
        var input = InputOption();
        var output = OutputOption();
        var command = new Command(
            "iv",
            """
            Solve the Black-Scholes-Merton implied volatility of every row of a CSV file.

            Input columns type,S,K,T,r,q,price; the output adds iv and error. A price outside the no-arbitrage
            bounds is rejected with the bound it breaks. Exit codes as for 'assay price'.
            """)
        {
            input, output,
        };
        command.SetAction(parse => CsvJob.Run(RowModels.ImpliedVolatility, parse.GetValue(input)!, parse.GetValue(output), console, stdout, stderr));
        return command;
    }

    private static Option<string> InputOption() => new("--input", "-i") { Description = "Input CSV file with a header row.", Required = true };

    private static Option<string?> OutputOption() => new("--output", "-o")
    {
        Description = "Output CSV file (written whole or not at all); '-' for CSV on standard output. Without it, a table is drawn.",
    };
}
