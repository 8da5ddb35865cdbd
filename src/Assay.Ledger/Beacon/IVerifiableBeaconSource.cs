using Assay.Ledger.Blocks;
using Assay.Proofs.Hashing;

namespace Assay.Ledger.Beacon;

/// <summary>A beacon whose output is expensive to compute but comes with a proof that is cheap to check (a VDF).</summary>
/// <remarks><see cref="SettlementLedger"/> evaluates it when producing a block and stores the proof in the block;
/// <see cref="SettlementLedger.Replay"/> verifies the stored proof instead of evaluating, and refuses a block whose proof
/// fails. The genesis beacon uses <see cref="HashChainBeacon"/> (the genesis is agreed, so there is nothing to grind).</remarks>
public interface IVerifiableBeaconSource : IBeaconSource
{
    /// <summary>Computes the output of a block and its proof.</summary>
    /// <param name="parentBeacon">The parent block's beacon output.</param>
    /// <param name="preHash">The block's header hash with the beacon field zero.</param>
    /// <param name="delaySquarings">The delay in force for the block (<see cref="State.ProtocolParameters.BeaconDelaySquarings"/>).</param>
    BeaconEvaluation Evaluate(Hash256 parentBeacon, Hash256 preHash, long delaySquarings);

    /// <summary>Checks a block's proof; on success gives its output, otherwise a reason naming what failed.</summary>
    /// <param name="parentBeacon">The parent block's beacon output.</param>
    /// <param name="preHash">The block's header hash with the beacon field zero.</param>
    /// <param name="delaySquarings">The delay in force for the block; the proof must use exactly this delay.</param>
    /// <param name="proof">The proof bytes the block carries.</param>
    /// <param name="output">The beacon output when the proof verifies.</param>
    /// <param name="reason">Why the proof was refused, when it was.</param>
    bool TryVerify(Hash256 parentBeacon, Hash256 preHash, long delaySquarings, ReadOnlySpan<byte> proof, out Hash256 output, out string reason);
}
