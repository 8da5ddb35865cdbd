namespace Assay.Ledger.Views;

/// <summary>What a node says it can run: capability names (task kinds), cores and memory.</summary>
/// <param name="Kinds">Capability names, ascending (e.g. <c>analytic</c>, <c>montecarlo</c>).</param>
/// <param name="Cores">Cores.</param>
/// <param name="MemoryMib">Memory in MiB.</param>
public sealed record NodeCapabilitiesView(IReadOnlyList<string> Kinds, uint Cores, uint MemoryMib);
