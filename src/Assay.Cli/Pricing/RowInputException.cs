namespace Assay.Cli.Pricing;

/// <summary>A field of an input row that cannot be read; the message names the field.</summary>
public sealed class RowInputException(string field, string message) : Exception(message)
{
    /// <summary>The column name as the input format spells it.</summary>
    public string Field { get; } = field;
}
