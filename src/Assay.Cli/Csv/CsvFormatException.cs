namespace Assay.Cli.Csv;

/// <summary>A CSV file that cannot be read as a table; the message says where and why.</summary>
public sealed class CsvFormatException(string message) : Exception(message);
