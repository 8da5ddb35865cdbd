namespace Assay.Architecture.Tests;

/// <summary>Finds the repository's projects from the test's output directory.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every project under src/, by name, with its project file.</summary>
    public static IReadOnlyDictionary<string, string> SourceProjects() =>
        Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), p => p, StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Assay.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Assay.slnx not found above {AppContext.BaseDirectory}");
    }
}
