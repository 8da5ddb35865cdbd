namespace Assay.Ledger.Views;

/// <summary>The answer of <c>/healthz</c>: <c>ok</c> with the head height, or the reason the sequencer is unhealthy.</summary>
/// <param name="Status"><c>ok</c>, <c>starting</c>, <c>stopping</c> or <c>faulted</c>.</param>
/// <param name="Height">Head height.</param>
/// <param name="Detail">Why the sequencer is not healthy, or null.</param>
public sealed record HealthView(string Status, long Height, string? Detail);
