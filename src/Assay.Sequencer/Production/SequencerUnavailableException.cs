namespace Assay.Sequencer.Production;

/// <summary>The sequencer is starting, stopping or faulted and cannot acknowledge the transaction (HTTP 503).</summary>
internal sealed class SequencerUnavailableException(string message) : Exception(message);
