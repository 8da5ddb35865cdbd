namespace Assay.Proofs.Tests.Signatures;

/// <summary>Reads the golden files written by tests/data/proofs/signatures/generate_signature_vectors.py.</summary>
internal static class SignatureVectors
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "data", "proofs", "signatures");

    /// <summary>The rows of a "name,hex" CSV as a dictionary of byte arrays.</summary>
    public static Dictionary<string, byte[]> Read(string file)
    {
        var rows = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(Directory, file)).Skip(1))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            rows.Add(line[..comma], Convert.FromHexString(line[(comma + 1)..]));
        }

        return rows;
    }

    public static string Pem(string file) => File.ReadAllText(Path.Combine(Directory, file));
}
