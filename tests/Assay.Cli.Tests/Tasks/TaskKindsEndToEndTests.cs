using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assay.Cli.Tests.Tasks;

/// <summary>
/// <c>assay task new → task run → verify</c> for Heston, basket and American Monte Carlo tasks (flags shared with
/// <c>assay mc</c>), and price books whose inputs are held beside the spec by hash and address.
/// </summary>
public sealed class TaskKindsEndToEndTests : IDisposable
{
    private const string ChallengeSeed = "00112233445566778899aabbccddeeff";

    private static readonly string[] HestonFlags =
    [
        "--model", "heston", "--v0", "0.04", "--kappa", "1.5", "--theta", "0.05", "--sigma-v", "0.5", "--rho", "-0.7",
        "--type", "put", "--S", "100", "--K", "95", "--T", "1", "--r", "0.03", "--q", "0.01", "--steps", "8", "--paths", "8192", "--seed", "3",
    ];

    private static readonly string[] AmericanFlags =
    [
        "--payoff", "american", "--type", "put", "--S", "36", "--K", "40", "--T", "1", "--r", "0.06", "--sigma", "0.2",
        "--steps", "10", "--paths", "8192", "--seed", "5",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("assay-task-kinds-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Models => new() { "heston", "basket", "american" };

    [Theory]
    [MemberData(nameof(Models))]
    public void New_run_verify_is_accepted_and_the_price_equals_assay_mc(string model)
    {
        var flags = FlagsFor(model);
        var (spec, result) = NewAndRun("spec.json", flags);
        var verify = CliRunner.Run("verify", "--spec", spec, "--result", result);
        Assert.True(verify.ExitCode == 0, $"{model}: {string.Join(' ', flags)}\n{verify.Stdout}{verify.Stderr}");
        Assert.Contains("verdict: accepted", verify.Stdout, StringComparison.Ordinal);

        // One option set and one parser: the task's aggregate is the bits 'assay mc' prints for the same flags.
        var mc = CliRunner.Run(["mc", .. flags, "--json"]);
        Assert.True(mc.ExitCode == 0, mc.Stderr);
        using var direct = JsonDocument.Parse(mc.Stdout);
        var aggregate = JsonNode.Parse(File.ReadAllText(result))!["aggregate"]!;
        foreach (var field in new[] { "price", "stderr", "uncontrolled_price" })
        {
            Assert.True(
                direct.RootElement.GetProperty(field).GetDouble() == aggregate[field]!.GetValue<double>(),
                $"{model} {field}: mc {direct.RootElement.GetProperty(field).GetDouble():R}, task {aggregate[field]!.GetValue<double>():R}; flags {string.Join(' ', flags)}");
        }

        var readable = JsonNode.Parse(File.ReadAllText(spec))!["inputs"]!;
        Assert.Equal(model == "basket" ? "basket" : model == "heston" ? "heston" : "gbm", readable["model"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_tampered_aggregate_is_rejected(string model)
    {
        var (spec, result) = NewAndRun("spec.json", FlagsFor(model));
        var json = (JsonObject)JsonNode.Parse(File.ReadAllText(result))!;
        json["aggregate"]!["price"] = json["aggregate"]!["price"]!.GetValue<double>() * 1.01;
        File.WriteAllText(result, json.ToJsonString());
        var verify = CliRunner.Run("verify", "--spec", spec, "--result", result);
        Assert.True(verify.ExitCode == 2, $"{model}\n{verify.Stdout}{verify.Stderr}");
        Assert.Contains("first failing check: aggregate", verify.Stdout, StringComparison.Ordinal);
    }

    public static TheoryData<string[]> BadFlags => new()
    {
        new[] { "--model", "heston", "--v0", "0.04", "--theta", "0.05", "--sigma-v", "0.5", "--rho", "-0.7", "--S", "100", "--K", "95", "--T", "1" },
        new[] { "--model", "heston", "--v0", "0.04", "--kappa", "1.5", "--theta", "0.05", "--sigma-v", "0.5", "--rho", "-1.5", "--S", "100", "--K", "95", "--T", "1", "--paths", "1000" },
        new[] { "--payoff", "american", "--model", "heston", "--v0", "0.04", "--kappa", "1.5", "--theta", "0.05", "--sigma-v", "0.5", "--rho", "-0.7", "--S", "100", "--K", "95", "--T", "1" },
        new[] { "--payoff", "barrier", "--S", "100", "--K", "100", "--T", "1", "--sigma", "0.2", "--H", "90" },
        new[] { "--S", "100", "--K", "100", "--T", "1", "--sigma", "0.2", "--paths", "1001", "--antithetic" },
        new[] { "--model", "basket", "--K", "100", "--T", "1" },
    };

    [Theory]
    [MemberData(nameof(BadFlags))]
    public void Task_new_and_mc_give_the_same_error_for_the_same_flags(string[] flags)
    {
        var mc = CliRunner.Run(["mc", .. flags]);
        var spec = Path.Combine(_dir, "bad.json");
        var task = CliRunner.Run(["task", "new", "--kind", "montecarlo", "--out", spec, .. flags]);
        Assert.Equal(1, mc.ExitCode);
        Assert.Equal(1, task.ExitCode);
        Assert.StartsWith("error: ", mc.Stderr, StringComparison.Ordinal);
        Assert.Equal(mc.Stderr, task.Stderr);
        Assert.False(File.Exists(spec));
    }

    [Fact]
    public void Price_book_inputs_beside_the_spec_are_found_hash_checked_and_refused_when_changed()
    {
        var key = NewKey();
        var book = Path.Combine(_dir, "book.csv");
        File.WriteAllText(book, "type,S,K,T,r,q,sigma,quantity\ncall,100,95,0.5,0.03,0.01,0.25,10\nput,42,40,0.75,0.1,0,0.35,-5\ncall,100,110,1,0.05,0,0.2,3\n");
        var specDir = Directory.CreateDirectory(Path.Combine(_dir, "specs")).FullName;
        var spec = Path.Combine(specDir, "spec.json");
        var inputs = Path.Combine(specDir, "book.bin");
        var created = CliRunner.Run("task", "new", "--kind", "pricebook", "--book", book, "--inputs-out", inputs, "--out", spec);
        Assert.True(created.ExitCode == 0, created.Stdout + created.Stderr);
        var specJson = JsonNode.Parse(File.ReadAllText(spec))!;
        Assert.Equal("book.bin", specJson["inputs_address"]!.GetValue<string>());
        Assert.True(new FileInfo(inputs).Length > 3 * 57);
        Assert.DoesNotContain(Convert.ToHexStringLower(File.ReadAllBytes(inputs)), specJson["spec"]!.GetValue<string>(), StringComparison.Ordinal);

        // Default: the address next to the spec, whatever the working directory.
        var result = Path.Combine(_dir, "result.json");
        var run = CliRunner.Run("task", "run", "--spec", spec, "--key", key, "--challenge-seed", ChallengeSeed, "--out", result);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var verify = CliRunner.Run("verify", "--spec", spec, "--result", result);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);

        // An explicit copy elsewhere is accepted; a changed copy is refused naming inputs, before any check runs.
        var copy = Path.Combine(_dir, "copy.bin");
        File.Copy(inputs, copy);
        Assert.Equal(0, CliRunner.Run("verify", "--spec", spec, "--result", result, "--inputs", copy).ExitCode);
        var bytes = File.ReadAllBytes(copy);
        bytes[^1] ^= 1;
        File.WriteAllBytes(copy, bytes);
        foreach (var args in new[]
        {
            new[] { "verify", "--spec", spec, "--result", result, "--inputs", copy },
            new[] { "task", "run", "--spec", spec, "--key", key, "--challenge-seed", ChallengeSeed, "--out", Path.Combine(_dir, "r2.json"), "--inputs", copy },
        })
        {
            var refused = CliRunner.Run(args);
            Assert.True(refused.ExitCode == 1, $"{args[0]}: {refused.Stdout}{refused.Stderr}");
            Assert.StartsWith("error: inputs: ", refused.Stderr, StringComparison.Ordinal);
            Assert.Contains("hash", refused.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("verdict", refused.Stdout, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Path.Combine(_dir, "r2.json")));

        // Inputs moved away from their address: refused naming inputs.
        File.Delete(inputs);
        var missing = CliRunner.Run("verify", "--spec", spec, "--result", result);
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("error: inputs: ", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Monte_carlo_inputs_can_be_held_by_address_too()
    {
        var key = NewKey();
        var spec = Path.Combine(_dir, "american.json");
        var created = CliRunner.Run(["task", "new", "--kind", "montecarlo", "--out", spec, "--inputs-out", Path.Combine(_dir, "american.bin"), .. AmericanFlags]);
        Assert.True(created.ExitCode == 0, created.Stdout + created.Stderr);
        var result = Path.Combine(_dir, "american-result.json");
        var run = CliRunner.Run("task", "run", "--spec", spec, "--key", key, "--challenge-seed", ChallengeSeed, "--out", result);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal(0, CliRunner.Run("verify", "--spec", spec, "--result", result).ExitCode);
        var readable = JsonNode.Parse(File.ReadAllText(spec))!["inputs"]!;
        Assert.Equal(10, readable["exercise_dates"]!.GetValue<int>());
        Assert.Equal(8192, readable["pilot_paths"]!.GetValue<int>());
    }

    private string[] FlagsFor(string model) => model switch
    {
        "heston" => HestonFlags,
        "american" => AmericanFlags,
        _ => BasketFlags(),
    };

    private string[] BasketFlags()
    {
        var basket = Path.Combine(_dir, "basket.csv");
        var correlation = Path.Combine(_dir, "correlation.csv");
        File.WriteAllText(basket, "underlying,S,q,sigma,weight\nA,100,0.01,0.2,0.5\nB,50,0,0.3,1\nC,20,0.02,0.25,2\n");
        File.WriteAllText(correlation, "underlying,A,B,C\nA,1,0.5,0.2\nB,0.5,1,0.3\nC,0.2,0.3,1\n");
        return ["--model", "basket", "--basket", basket, "--correlation", correlation, "--K", "140", "--T", "1", "--r", "0.03", "--paths", "8192", "--antithetic", "--seed", "9"];
    }

    private (string Spec, string Result) NewAndRun(string name, string[] flags)
    {
        var key = NewKey();
        var spec = Path.Combine(_dir, name);
        var created = CliRunner.Run(["task", "new", "--kind", "montecarlo", "--out", spec, .. flags]);
        Assert.True(created.ExitCode == 0, created.Stdout + created.Stderr);
        var result = Path.Combine(_dir, "result-" + name);
        var run = CliRunner.Run("task", "run", "--spec", spec, "--key", key, "--challenge-seed", ChallengeSeed, "--out", result);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        return (spec, result);
    }

    private string NewKey()
    {
        var key = Path.Combine(_dir, "node.pem");
        if (!File.Exists(key))
        {
            var created = CliRunner.Run("keys", "new", "--out", key);
            Assert.True(created.ExitCode == 0, created.Stdout + created.Stderr);
        }

        return key;
    }
}
