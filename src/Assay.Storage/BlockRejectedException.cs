namespace Assay.Storage;

/// <summary>A write the store refused because it breaks the chain rules; nothing was written.</summary>
public sealed class BlockRejectedException : BlockStoreException
{
    /// <summary>Creates the error for a refused write.</summary>
    /// <param name="rejection">Why the write was refused.</param>
    /// <param name="field">The offending field as the schema spells it: <c>height</c>, <c>parent_hash</c>, <c>state_root</c> or <c>encoded</c>.</param>
    /// <param name="height">Height of the offending block or snapshot.</param>
    /// <param name="message">What was expected and what was given.</param>
    public BlockRejectedException(BlockRejection rejection, string field, long height, string message)
        : base(message)
    {
        Rejection = rejection;
        Field = field;
        Height = height;
    }

    /// <summary>Why the write was refused.</summary>
    public BlockRejection Rejection { get; }

    /// <summary>The offending field as the schema spells it: <c>height</c>, <c>parent_hash</c>, <c>state_root</c> or <c>encoded</c>.</summary>
    public string Field { get; }

    /// <summary>Height of the offending block or snapshot.</summary>
    public long Height { get; }
}
