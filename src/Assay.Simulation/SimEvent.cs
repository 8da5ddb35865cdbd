using Assay.Ledger.Transactions;

namespace Assay.Simulation;

/// <summary>One scheduled event: ordered by time, then by the order it was scheduled in (so ties never depend on a hash).</summary>
/// <param name="TimeMs">Simulated time, milliseconds since the Unix epoch.</param>
/// <param name="Sequence">Scheduling order, the tie breaker.</param>
/// <param name="Kind">What happens.</param>
/// <param name="Actor">The actor index for <see cref="SimEventKind.Wake"/>; −1 otherwise.</param>
/// <param name="Transaction">The message for <see cref="SimEventKind.Deliver"/>.</param>
internal readonly record struct SimEvent(long TimeMs, long Sequence, SimEventKind Kind, int Actor, SignedTransaction? Transaction);
