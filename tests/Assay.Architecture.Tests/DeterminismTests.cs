using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Assay.Architecture.Tests;

/// <summary>The deterministic core calls no platform transcendental functions (DESIGN.md §3).</summary>
public sealed class DeterminismTests
{
    /// <summary>Members whose results differ between libm builds, CPUs or JIT choices.</summary>
    private static readonly HashSet<string> ForbiddenMathMembers =
    [
        "Exp", "Log", "Log2", "Log10", "Pow", "Sin", "Cos", "Tan", "SinCos", "Asin", "Acos", "Atan", "Atan2",
        "Sinh", "Cosh", "Tanh", "Asinh", "Acosh", "Atanh", "Cbrt", "FusedMultiplyAdd", "ReciprocalEstimate",
        "ReciprocalSqrtEstimate", "ILogB", "Exp2", "Exp10", "ExpM1", "LogP1",
    ];

    public static TheoryData<string> CoreAssemblies()
    {
        var data = new TheoryData<string>();
        foreach (var name in DependencyRules.Core.Where(RepositoryLayout.SourceProjects().ContainsKey))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CoreAssemblies))]
    public void Core_assembly_calls_no_platform_math(string project)
    {
        var offences = ForbiddenReferences(Assembly.Load(project).Location);
        Assert.True(offences.Count == 0, $"{project} calls platform math in a consensus path: {string.Join(", ", offences)}");
    }

    [Fact]
    public void The_scan_finds_a_platform_call_when_there_is_one()
    {
        // This test assembly itself calls Math.Exp below, so the scanner must report it.
        Assert.True(Math.Exp(0.0) == 1.0);
        Assert.Contains("System.Math.Exp", ForbiddenReferences(typeof(DeterminismTests).Assembly.Location));
    }

    private static List<string> ForbiddenReferences(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.MemberReferences)
        {
            var member = md.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var type = md.GetTypeReference((TypeReferenceHandle)member.Parent);
            var ns = md.GetString(type.Namespace);
            var typeName = md.GetString(type.Name);
            var name = md.GetString(member.Name);
            var forbidden = (ns, typeName) switch
            {
                ("System", "Math") => ForbiddenMathMembers.Contains(name),
                ("System", "MathF") => true,
                ("System", "Double") => ForbiddenMathMembers.Contains(name),
                ("System.Numerics", "Complex") => true,
                ("System.Runtime.Intrinsics.X86", "Fma") => true,
                _ => false,
            };
            if (forbidden)
            {
                found.Add($"{ns}.{typeName}.{name}");
            }
        }

        return [.. found];
    }
}
