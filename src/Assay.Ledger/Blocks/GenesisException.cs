namespace Assay.Ledger.Blocks;

/// <summary>A genesis file is invalid; <see cref="Field"/> is the JSON path of the bad field (e.g. <c>accounts[2].balances.ASY</c>).</summary>
public sealed class GenesisException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public GenesisException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
    }

    /// <summary>Creates the exception with no field.</summary>
    public GenesisException()
        : this("genesis", "invalid genesis")
    {
    }

    /// <summary>Creates the exception with no field.</summary>
    public GenesisException(string message)
        : this("genesis", message)
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public GenesisException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "genesis";
    }

    /// <summary>The JSON path of the bad field.</summary>
    public string Field { get; } = "genesis";
}
