namespace Assay.Sequencer.Admission;

/// <summary>What the mempool did with a submitted transaction.</summary>
internal enum AdmissionStatus
{
    /// <summary>Queued for a block.</summary>
    Added,

    /// <summary>The same bytes are already queued: the caller waits for the same receipt.</summary>
    Known,

    /// <summary>Another transaction with the same sender and nonce is queued.</summary>
    NonceTaken,

    /// <summary>The mempool is full.</summary>
    Full,
}
