using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;

namespace Assay.Compute.Tasks;

/// <summary>A node's answer to a task: the committed Merkle-sum root, the aggregate it implies, and who computed it.</summary>
/// <remarks>
/// <para>Canonical body (format 1, tag <see cref="ComputeTypeTags.TaskResult"/>): task id (32) ‖ u32 engine version ‖
/// u64 item count ‖ root hash (32) ‖ u64 root leaf count ‖ u64 sums count ‖ u32 lane count L ‖ L × i128 lanes ‖
/// aggregate (see <see cref="TaskAggregate"/>) ‖ node address as a byte string of exactly <see cref="NodeAddressLength"/>
/// bytes ‖ signature as a byte string of 0 … <see cref="MaxSignatureLength"/> bytes.</para>
/// <para><see cref="TaskResultSigning"/> fills the node address with the signer's address and the signature with a P-256
/// signature over this encoding taken with an empty signature field; an unsigned result has an empty signature.</para>
/// </remarks>
public sealed class TaskResult : ICanonicalEncodable<TaskResult>
{
    /// <summary>Length of a node address.</summary>
    public const int NodeAddressLength = 20;

    /// <summary>Largest signature.</summary>
    public const int MaxSignatureLength = 256;

    private readonly byte[] _nodeAddress;
    private readonly byte[] _signature;

    /// <summary>Creates a result.</summary>
    /// <exception cref="TaskSpecException">The address is not 20 bytes, the signature is too long, or counts disagree with the root.</exception>
    public TaskResult(Hash256 taskId, uint engineVersion, long itemCount, MerkleSumRoot root, TaskAggregate aggregate, ReadOnlySpan<byte> nodeAddress, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(root.Sums);
        ArgumentNullException.ThrowIfNull(aggregate);
        if (nodeAddress.Length != NodeAddressLength)
        {
            throw new TaskSpecException("node", $"node address must be {NodeAddressLength} bytes; got {nodeAddress.Length}.");
        }

        if (signature.Length > MaxSignatureLength)
        {
            throw new TaskSpecException("signature", $"signature must be at most {MaxSignatureLength} bytes; got {signature.Length}.");
        }

        if (itemCount < 1 || itemCount > MerkleSumTree.MaxLeafCount)
        {
            throw new TaskSpecException("item_count", $"item_count must be 1 … {MerkleSumTree.MaxLeafCount}; got {itemCount}.");
        }

        TaskId = taskId;
        EngineVersion = engineVersion;
        ItemCount = itemCount;
        Root = root;
        Aggregate = aggregate;
        _nodeAddress = nodeAddress.ToArray();
        _signature = signature.ToArray();
    }

    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => ComputeTypeTags.TaskResult;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 1;

    /// <summary>Domain tag of the result's hash.</summary>
    public static string HashTag => "assay/task-result/v1";

    /// <summary>The id of the task answered.</summary>
    public Hash256 TaskId { get; }

    /// <summary>Engine version the result was computed with.</summary>
    public uint EngineVersion { get; }

    /// <summary>Number of leaves computed.</summary>
    public long ItemCount { get; }

    /// <summary>Root of the Merkle-sum tree over the leaves.</summary>
    public MerkleSumRoot Root { get; }

    /// <summary>The answer implied by the root sums.</summary>
    public TaskAggregate Aggregate { get; }

    /// <summary>The computing node's address (placeholder 20 bytes until keys land).</summary>
    public ReadOnlySpan<byte> NodeAddress => _nodeAddress;

    /// <summary>The node's signature; empty until signatures land.</summary>
    public ReadOnlySpan<byte> Signature => _signature;

    /// <summary>Reads and validates a body.</summary>
    public static TaskResult ReadBody(ref CanonicalReader reader)
    {
        var start = reader.Position;
        var taskId = reader.ReadHash();
        var engineVersion = reader.ReadUInt32();
        var itemCount = reader.ReadUInt64((ulong)MerkleSumTree.MaxLeafCount);
        var rootHash = reader.ReadHash();
        var leafCount = reader.ReadUInt64((ulong)MerkleSumTree.MaxLeafCount);
        var count = reader.ReadUInt64();
        var laneCount = reader.ReadCount(MerkleSumLayout.MaxLanes, 16);
        if (laneCount == 0)
        {
            CanonicalReader.Fail(start, "at least one lane");
        }

        var lanes = new Int128[laneCount];
        for (var i = 0; i < laneCount; i++)
        {
            lanes[i] = reader.ReadInt128();
        }

        var aggregate = TaskAggregate.Read(ref reader);
        var node = reader.ReadBytes(NodeAddressLength);
        var signature = reader.ReadBytes(MaxSignatureLength);
        try
        {
            return new TaskResult(taskId, engineVersion, (long)itemCount, new MerkleSumRoot(rootHash, (long)leafCount, new LaneSums(count, lanes)), aggregate, node, signature);
        }
        catch (TaskSpecException e)
        {
            CanonicalReader.Fail(start, $"a valid task result ({e.Field}: {e.Message})");
            throw;
        }
    }

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHash(TaskId);
        writer.WriteUInt32(EngineVersion);
        writer.WriteUInt64((ulong)ItemCount);
        writer.WriteHash(Root.Hash);
        writer.WriteUInt64((ulong)Root.LeafCount);
        writer.WriteUInt64(Root.Sums.Count);
        writer.WriteCount(Root.Sums.LaneCount, MerkleSumLayout.MaxLanes);
        foreach (var lane in Root.Sums.Lanes)
        {
            writer.WriteInt128(lane);
        }

        Aggregate.Write(writer);
        writer.WriteBytes(_nodeAddress, NodeAddressLength);
        writer.WriteBytes(_signature, MaxSignatureLength);
    }
}
