using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.Signatures;

namespace Assay.Simulation;

/// <summary>One actor's nonces: a batch is signed with consecutive nonces and sent; if the ledger has not consumed it by the next block, the actor starts again from the ledger's nonce.</summary>
/// <remarks>A lost message, a rejection (which does not move the nonce) or a crashed sequencer all leave a gap; the
/// reset after one block re-signs what is still needed, so an honest actor gets one attempt per block.</remarks>
internal sealed class Outbox(DeterministicSigner signer)
{
    private ulong _nextNonce;
    private ulong _sentAtHeight;
    private bool _inFlight;

    public DeterministicSigner Signer { get; } = signer;

    public Address Address => Signer.Address;

    /// <summary>True when the actor may send a new batch (nothing in flight, or the last batch failed to land in a block).</summary>
    public bool Ready(LedgerState state)
    {
        var ledgerNonce = state.GetAccount(Address)?.Nonce ?? 0;
        if (ledgerNonce >= _nextNonce || (_inFlight && state.Chain.Height > _sentAtHeight))
        {
            _nextNonce = ledgerNonce;
            _inFlight = false;
        }

        return !_inFlight;
    }

    /// <summary>Signs <paramref name="body"/> with the next nonce.</summary>
    public SignedTransaction Sign(TransactionBody body) => Signer.Sign(_nextNonce++, body);

    /// <summary>Signs <paramref name="body"/> with the nonce of the previous <see cref="Sign"/> (an equivocation).</summary>
    public SignedTransaction SignSameNonce(TransactionBody body) => Signer.Sign(_nextNonce - 1, body);

    /// <summary>Marks the batch signed since <see cref="Ready"/> as sent at the current height.</summary>
    public void Sent(LedgerState state)
    {
        _sentAtHeight = state.Chain.Height;
        _inFlight = true;
    }
}
