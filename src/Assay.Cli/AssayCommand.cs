using System.CommandLine;

namespace Assay.Cli;

/// <summary>The root of the <c>assay</c> command line.</summary>
public static class AssayCommand
{
    /// <summary>Parses <paramref name="args"/>, runs the chosen command and returns its exit code.</summary>
    public static int Run(string[] args)
    {
        var root = new RootCommand("assay: verifiable derivatives computation.");
        return root.Parse(args).Invoke();
    }
}
