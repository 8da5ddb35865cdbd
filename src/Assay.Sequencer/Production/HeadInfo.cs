using Assay.Ledger.Blocks;
using Assay.Ledger.Views;

namespace Assay.Sequencer.Production;

/// <summary>What the status and health routes need about the head, published after every block so they read it without the ledger lock.</summary>
internal sealed record HeadInfo(BlockHeader Header, BlockHeader Genesis, IReadOnlyDictionary<string, int> TasksByPhase, int OpenTaskCount, int NodeCount, ProtocolParametersView Parameters)
{
    public long Height => (long)Header.Height;
}
