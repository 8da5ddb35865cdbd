using System.Reflection;
using System.Text.RegularExpressions;
using Assay.Proofs.Canonical;

namespace Assay.Proofs.Tests.Canonical;

/// <summary>Every encodable type in Assay.Proofs has its own type tag and hash tag, and the hash tag names its version.</summary>
public partial class CanonicalTypeRegistryTests
{
    [Fact]
    public void Encodable_types_have_distinct_type_tags_and_versioned_hash_tags()
    {
        var types = typeof(CanonicalEncoding).Assembly.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICanonicalEncodable<>)))
            .ToArray();
        Assert.NotEmpty(types);
        var rows = types.Select(t => (
            Type: t.FullName!,
            Tag: (ushort)Static(t, nameof(ICanonicalEncodable<>.TypeTag)),
            Version: (byte)Static(t, nameof(ICanonicalEncodable<>.FormatVersion)),
            HashTag: (string)Static(t, nameof(ICanonicalEncodable<>.HashTag)))).ToArray();
        var listing = string.Join("; ", rows.Select(r => $"{r.Type} 0x{r.Tag:x4} v{r.Version} {r.HashTag}"));

        Assert.True(rows.Select(r => r.Tag).Distinct().Count() == rows.Length, $"type tags collide: {listing}");
        Assert.True(rows.Select(r => r.HashTag).Distinct().Count() == rows.Length, $"hash tags collide: {listing}");
        foreach (var r in rows)
        {
            Assert.True(r.Tag is >= 0x0100 and < 0xFF00, $"{r.Type}: tag 0x{r.Tag:x4} outside the product ranges");
            Assert.True(r.Version >= 1, $"{r.Type}: version {r.Version}");
            Assert.True(HashTagPattern().IsMatch(r.HashTag) && r.HashTag.EndsWith($"/v{r.Version}", StringComparison.Ordinal), $"{r.Type}: hash tag '{r.HashTag}' is not assay/<object>/v{r.Version}");
        }
    }

    private static object Static(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
        ?? throw new InvalidOperationException($"{type} has no public static {name}");

    [GeneratedRegex("^assay/[a-z0-9-]+(/[a-z0-9-]+)*/v[0-9]+$")]
    private static partial Regex HashTagPattern();
}
