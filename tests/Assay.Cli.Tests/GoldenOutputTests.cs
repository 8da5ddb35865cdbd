using System.Security.Cryptography;
using System.Text;

namespace Assay.Cli.Tests;

/// <summary>
/// The CSV each bundled sample prices to is frozen by its SHA-256 (tests/data/golden/price-samples.sha256).
/// </summary>
/// <remarks>
/// These outputs are what nodes will compare bit for bit: a change of any output bit on any machine, thread
/// count or SIMD width fails here. A deliberate change to an engine's arithmetic changes the hashes; regenerate
/// them with tests/data/golden/update-price-samples.sh and say why in the commit (DESIGN.md §3: such a change is
/// a new engine version).
/// </remarks>
public sealed class GoldenOutputTests
{
    public static TheoryData<string, string, string> Samples()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(CliRunner.RepositoryRoot, "tests", "data", "golden", "price-samples.sha256")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            // "<sha256>  <command> <sample>"
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            data.Add(parts[1], parts[2], parts[0]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_output_is_bit_for_bit_the_frozen_one(string model, string sample, string expectedSha256)
    {
        var args = model == "iv"
            ? new[] { "iv", "--input", CliRunner.Sample(sample), "--output", "-" }
            : ["price", "--model", model, "--input", CliRunner.Sample(sample), "--output", "-"];

        var (_, stdout, stderr) = CliRunner.Run(args);

        var actual = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stdout)));
        Assert.True(actual == expectedSha256, $"{model} {sample}: output hash {actual}, frozen {expectedSha256}; stderr: {stderr}\n{stdout}");
    }
}
