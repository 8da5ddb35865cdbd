namespace Assay.Cli.Tests;

/// <summary>Runs the <c>assay</c> command in-process and captures its output.</summary>
internal static class CliRunner
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Sample(string name) => Path.Combine(RepositoryRoot, "samples", name);

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = AssayCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

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
