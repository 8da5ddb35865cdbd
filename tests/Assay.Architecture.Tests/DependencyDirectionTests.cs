using System.Reflection;
using System.Xml.Linq;

namespace Assay.Architecture.Tests;

/// <summary>A wrong arrow between projects (DESIGN.md §2) fails the build's tests.</summary>
public sealed class DependencyDirectionTests
{
    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var name in RepositoryLayout.SourceProjects().Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Every_source_project_has_a_rule()
    {
        var unknown = RepositoryLayout.SourceProjects().Keys.Where(p => !DependencyRules.Direct.ContainsKey(p)).ToList();
        Assert.True(unknown.Count == 0, $"projects without a dependency rule in DESIGN.md §2: {string.Join(", ", unknown)}");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_references_follow_the_design(string project)
    {
        var declared = XDocument.Load(RepositoryLayout.SourceProjects()[project])
            .Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension((string?)e.Attribute("Include") ?? string.Empty))
            .ToList();

        var violations = declared.Where(r => !IsAllowed(project, r)).ToList();
        Assert.True(violations.Count == 0, $"{project} references {string.Join(", ", violations)}, which DESIGN.md §2 does not allow");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Compiled_assembly_references_follow_the_design(string project)
    {
        var assembly = Assembly.Load(project == "Assay.Cli" ? "assay" : project);
        var references = assembly.GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .Where(n => n.StartsWith("Assay.", StringComparison.Ordinal))
            .ToList();

        var violations = references.Where(r => !IsAllowed(project, r)).ToList();
        Assert.True(violations.Count == 0, $"{project}.dll references {string.Join(", ", violations)}, which DESIGN.md §2 does not allow");
    }

    [Theory]
    [InlineData("Assay.Pricing", "Assay.Cli")]
    [InlineData("Assay.Numerics", "Assay.Pricing")]
    [InlineData("Assay.Proofs", "Assay.Pricing")]
    [InlineData("Assay.Ledger", "Assay.Client")]
    [InlineData("Assay.Client", "Assay.Sequencer")]
    [InlineData("Assay.Client", "Assay.Storage")]
    [InlineData("Assay.Sequencer", "Assay.Client")]
    public void Rules_forbid_arrows_that_point_the_wrong_way(string from, string to) =>
        Assert.False(IsAllowed(from, to), $"{from} -> {to} should be forbidden");

    private static bool IsAllowed(string from, string to) =>
        DependencyRules.Direct.TryGetValue(from, out var direct) && (direct.Contains("*") || DependencyRules.Closure(from).Contains(to));
}
