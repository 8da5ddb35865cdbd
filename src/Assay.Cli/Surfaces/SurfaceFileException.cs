namespace Assay.Cli.Surfaces;

/// <summary>A quotes or parameters file that cannot be used; the message names the line and the field.</summary>
public sealed class SurfaceFileException(string message) : Exception(message);
