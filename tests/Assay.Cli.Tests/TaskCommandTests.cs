using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assay.Cli.Tests;

public sealed class TaskCommandTests : IDisposable
{
    private const string Seed = "00112233445566778899aabbccddeeff";

    private readonly string _dir = Directory.CreateTempSubdirectory("assay-task-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void MonteCarloEndToEndIsAccepted()
    {
        var (spec, result) = MonteCarloRun();
        var verify = CliRunner.Run("verify", "--spec", spec, "--result", result);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        Assert.Contains("verdict: accepted", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("ok   address, signature", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("P(detect 1 falsified leaves)", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("time: verify", verify.Stdout, StringComparison.Ordinal);

        // The same challenge seed given explicitly is accepted too.
        var explicitSeed = CliRunner.Run("verify", "--spec", spec, "--result", result, "--challenge-seed", Seed, "--k", "2");
        Assert.True(explicitSeed.ExitCode == 0, explicitSeed.Stdout + explicitSeed.Stderr);
    }

    [Fact]
    public void PriceBookEndToEndIsAccepted()
    {
        var key = NewKey();
        var book = Path.Combine(_dir, "book.csv");
        File.WriteAllText(book, "type,S,K,T,r,q,sigma,quantity\ncall,100,95,0.5,0.03,0.01,0.25,10\nput,42,40,0.75,0.1,0,0.35,-5\ncall,100,110,1,0.05,0,0.2,3\n");
        var spec = Path.Combine(_dir, "book-spec.json");
        var created = CliRunner.Run("task", "new", "--kind", "pricebook", "--book", book, "--out", spec);
        Assert.True(created.ExitCode == 0, created.Stdout + created.Stderr);
        var result = Path.Combine(_dir, "book-result.json");
        var run = CliRunner.Run("task", "run", "--spec", spec, "--key", key, "--challenge-seed", Seed, "--out", result);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var verify = CliRunner.Run("verify", "--spec", spec, "--result", result);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        Assert.Equal(3L, JsonNode.Parse(File.ReadAllText(result))!["item_count"]!.GetValue<long>());
    }

    [Fact]
    public void TamperedAggregatePriceFailsTheAggregateCheck()
    {
        var (spec, result) = MonteCarloRun();
        Tamper(result, json => json["aggregate"]!["price"] = json["aggregate"]!["price"]!.GetValue<double>() + 0.01);
        AssertRejected(spec, result, "aggregate");
    }

    [Fact]
    public void TamperedRootByteFailsTheSpotCheck()
    {
        var (spec, result) = MonteCarloRun();
        Tamper(result, json =>
        {
            var hash = json["root"]!["hash"]!.GetValue<string>();
            json["root"]!["hash"] = (hash[0] == '0' ? "1" : "0") + hash[1..];
        });
        AssertRejected(spec, result, "spot_check");
    }

    [Fact]
    public void TamperedSignatureFailsTheSignatureCheck()
    {
        var (spec, result) = MonteCarloRun();
        Tamper(result, json =>
        {
            var signature = json["signature"]!.GetValue<string>();
            json["signature"] = signature[..^1] + (signature[^1] == '0' ? "1" : "0");
        });
        AssertRejected(spec, result, "signature");
    }

    [Fact]
    public void OtherNodesPublicKeyFailsTheAddressCheck()
    {
        var (spec, result) = MonteCarloRun();
        var otherKey = CliRunner.Run("keys", "new", "--out", Path.Combine(_dir, "other.pem")).Stdout;
        var publicKey = otherKey.Split('\n').Single(l => l.StartsWith("public_key: ", StringComparison.Ordinal))["public_key: ".Length..].Trim();
        Tamper(result, json => json["public_key"] = publicKey);
        AssertRejected(spec, result, "address");
    }

    [Fact]
    public void OtherChallengeSeedFailsTheSpotCheck()
    {
        // 49 leaves and 1 + 2 openings: another seed opens other leaves than the proof holds.
        var (spec, result) = MonteCarloRun("--paths", "200000", "--detection", "0.5", "--epsilon", "0.5");
        var verify = CliRunner.Run("verify", "--spec", spec, "--result", result, "--challenge-seed", "ffeeddccbbaa99887766554433221100");
        Assert.True(verify.ExitCode == 2, verify.Stdout + verify.Stderr);
        Assert.Contains("first failing check: spot_check", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedResultFailsTheResultFileCheck()
    {
        var (spec, result) = MonteCarloRun();
        File.WriteAllText(result, File.ReadAllText(result)[..100]);
        AssertRejected(spec, result, "result_file");
    }

    [Fact]
    public void RandomEditsOfTheResultFileNeverCrashTheVerifier()
    {
        const int seed = 20261121;
        var (spec, result) = MonteCarloRun();
        var original = File.ReadAllText(result);
        var random = new Random(seed);
        const string alphabet = "0123456789abcdef\"{}[],:-.eE x";
        var rejected = 0;
        for (var i = 0; i < 30; i++)
        {
            var chars = original.ToCharArray();
            var at = random.Next(chars.Length);
            chars[at] = alphabet[random.Next(alphabet.Length)];
            var edited = new string(chars);
            File.WriteAllText(result, edited);
            var verify = CliRunner.Run("verify", "--spec", spec, "--result", result);
            var context = $"seed {seed}, iteration {i}, offset {at}: '{original[at]}' -> '{chars[at]}'\n{verify.Stdout}{verify.Stderr}";
            Assert.True(verify.ExitCode is 0 or 2, context);
            Assert.True(verify.Stderr.Length == 0, context);
            if (verify.ExitCode == 2)
            {
                rejected++;
                Assert.Contains("first failing check: ", verify.Stdout, StringComparison.Ordinal);
            }
        }

        // Most single-character edits land in checked bytes (hex fields dominate the file).
        Assert.True(rejected > 10, $"seed {seed}: only {rejected} of 30 edits rejected");
    }

    [Fact]
    public void DuplicateFieldInResultIsAFileError()
    {
        var (spec, result) = MonteCarloRun();
        File.WriteAllText(result, File.ReadAllText(result).Replace("\"node\":", "\"task_id\": \"00\", \"node\":", StringComparison.Ordinal));
        AssertRejected(spec, result, "result_file");
    }

    [Fact]
    public void SpecWithForeignTaskIdIsAnError()
    {
        var (spec, result) = MonteCarloRun();
        Tamper(spec, json => json["task_id"] = new string('0', 64));
        var verify = CliRunner.Run("verify", "--spec", spec, "--result", result);
        Assert.True(verify.ExitCode == 1, verify.Stdout + verify.Stderr);
        Assert.Contains("task_id", verify.Stderr, StringComparison.Ordinal);

        var missing = CliRunner.Run("verify", "--spec", NewMonteCarloSpec(), "--result", Path.Combine(_dir, "missing.json"));
        Assert.True(missing.ExitCode == 1, missing.Stdout + missing.Stderr);
        Assert.Contains("no such file", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void KeysNewRefusesToOverwrite()
    {
        var key = NewKey();
        var before = File.ReadAllText(key);
        var again = CliRunner.Run("keys", "new", "--out", key);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(key));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }
    }

    [Fact]
    public void EncryptedKeyNeedsItsPassword()
    {
        const string variable = "ASSAY_TEST_TASKCMD_PASSWORD";
        Environment.SetEnvironmentVariable(variable, "correct horse battery staple");
        var key = Path.Combine(_dir, "enc.pem");
        var created = CliRunner.Run("keys", "new", "--out", key, "--password-env", variable);
        Assert.True(created.ExitCode == 0, created.Stdout + created.Stderr);
        Assert.Contains("ENCRYPTED PRIVATE KEY", File.ReadAllText(key), StringComparison.Ordinal);
        var spec = NewMonteCarloSpec();

        var withoutPassword = CliRunner.Run("task", "run", "--spec", spec, "--key", key, "--challenge-seed", Seed, "--out", Path.Combine(_dir, "r0.json"));
        Assert.Equal(1, withoutPassword.ExitCode);
        Assert.Contains("encrypted", withoutPassword.Stderr, StringComparison.Ordinal);

        var result = Path.Combine(_dir, "r1.json");
        var run = CliRunner.Run("task", "run", "--spec", spec, "--key", key, "--password-env", variable, "--challenge-seed", Seed, "--out", result);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var address = created.Stdout.Split('\n')[0]["address: ".Length..].Trim();
        Assert.Contains("ok   address, signature: node " + address, CliRunner.Run("verify", "--spec", spec, "--result", result).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TaskNewNamesMissingFlag()
    {
        var missing = CliRunner.Run("task", "new", "--kind", "montecarlo", "--S", "100", "--T", "1", "--sigma", "0.2", "--out", Path.Combine(_dir, "s.json"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("--K", missing.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "s.json")));
    }

    private static void AssertRejected(string spec, string result, string check)
    {
        var verify = CliRunner.Run("verify", "--spec", spec, "--result", result);
        Assert.True(verify.ExitCode == 2, $"expected rejection by {check}; exit {verify.ExitCode}\n{verify.Stdout}{verify.Stderr}");
        Assert.Contains($"FAIL {check}:", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains($"first failing check: {check})", verify.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("verdict: accepted", verify.Stdout, StringComparison.Ordinal);
    }

    private static void Tamper(string path, Action<JsonObject> edit)
    {
        var json = (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
        edit(json);
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private string NewKey()
    {
        var key = Path.Combine(_dir, "node.pem");
        var created = CliRunner.Run("keys", "new", "--out", key);
        Assert.True(created.ExitCode == 0, created.Stdout + created.Stderr);
        Assert.StartsWith("address: asy", created.Stdout, StringComparison.Ordinal);
        return key;
    }

    private string NewMonteCarloSpec(params string[] extra)
    {
        var spec = Path.Combine(_dir, "spec.json");
        string[] args = ["task", "new", "--kind", "montecarlo", "--S", "100", "--K", "100", "--T", "1", "--r", "0.05", "--sigma", "0.2", "--seed", "7", "--out", spec];
        var created = CliRunner.Run([.. args, .. extra.Length == 0 ? ["--paths", "20000"] : extra]);
        Assert.True(created.ExitCode == 0, created.Stdout + created.Stderr);
        return spec;
    }

    private (string Spec, string Result) MonteCarloRun(params string[] extra)
    {
        var key = NewKey();
        var spec = NewMonteCarloSpec(extra);
        var result = Path.Combine(_dir, "result.json");
        var run = CliRunner.Run("task", "run", "--spec", spec, "--key", key, "--challenge-seed", Seed, "--out", result);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        return (spec, result);
    }
}
