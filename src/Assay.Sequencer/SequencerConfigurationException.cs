namespace Assay.Sequencer;

/// <summary>The sequencer cannot start with the given settings or store; <see cref="Field"/> names the setting (as the CLI spells it, e.g. <c>genesis</c>, <c>store</c>).</summary>
public sealed class SequencerConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SequencerConfigurationException(string field, string message)
        : base($"--{field}: {message}") => Field = field;

    /// <summary>Creates the exception with its cause.</summary>
    public SequencerConfigurationException(string field, string message, Exception inner)
        : base($"--{field}: {message}", inner) => Field = field;

    /// <summary>The setting at fault.</summary>
    public string Field { get; }
}
