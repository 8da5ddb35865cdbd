using Assay.Proofs.Hashing;

namespace Assay.Proofs.Tests.Canonical;

/// <summary>Reads the committed golden CSVs under data/proofs (comment lines start with '#', the first other line is the header).</summary>
internal static class TestVectors
{
    public static IReadOnlyList<Dictionary<string, string>> Read(string area, string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "proofs", area, file);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            Assert.True(cells.Length == header.Length, $"{file}: '{line}' has {cells.Length} cells, expected {header.Length}");
            return header.Zip(cells).ToDictionary(p => p.First, p => p.Second);
        })];
    }

    /// <summary>Hex hashes joined by ':' (empty text = no hashes).</summary>
    public static Hash256[] Hashes(string joined) =>
        joined.Length == 0 ? [] : [.. joined.Split(':').Select(Hash256.Parse)];
}
