namespace Assay.Storage;

/// <summary>The store cannot be opened: it is not an Assay block store or its schema version is not one this build knows.</summary>
public sealed class BlockStoreSchemaException : BlockStoreException
{
    /// <summary>Creates the error with a message naming the found and the supported schema version.</summary>
    public BlockStoreSchemaException(string message)
        : base(message)
    {
    }
}
