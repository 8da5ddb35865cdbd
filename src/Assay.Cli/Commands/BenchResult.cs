namespace Assay.Cli.Commands;

/// <summary>One benchmark figure: nanoseconds per item with a given number of threads.</summary>
public sealed record BenchResult(string Name, int Threads, double NsPerItem);
