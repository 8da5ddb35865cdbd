namespace Assay.Cli.Tasks;

/// <summary>A key, spec or result file that cannot be read or written; the message names the file and the field.</summary>
/// <param name="message">What is wrong, for the user.</param>
public sealed class TaskFileException(string message) : Exception(message);
