using Assay.Compute.Tasks;
using Assay.Proofs.Signatures;

namespace Assay.Cli.Tasks;

/// <summary>Everything a result file carries: the signed result, the node's public key, the stand-in challenge and the spot-check proof bytes.</summary>
/// <param name="Result">The signed task result.</param>
/// <param name="PublicKey">The node's public key (its address must equal the result's node).</param>
/// <param name="ChallengeSeed">The seed given to <c>assay task run --challenge-seed</c>.</param>
/// <param name="Proof">The encoded spot-check proof for the challenge derived from that seed.</param>
/// <param name="ComputeSeconds">Wall-clock seconds the node reports for computing every leaf and the tree.</param>
public sealed record ResultDocument(TaskResult Result, PublicKey PublicKey, byte[] ChallengeSeed, byte[] Proof, double ComputeSeconds);
