using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.SpotCheck;

namespace Assay.Compute.Tasks;

/// <summary>Everything a task's result is a function of, plus how it is verified and paid: the canonical object whose hash is the task id.</summary>
/// <remarks>
/// <para>Canonical body (format 1, type tag <see cref="ComputeTypeTags.TaskSpec"/>): u16 kind ‖ u32 engine version ‖
/// inputs as a byte string (u32 length ‖ bytes; the canonical encoding of the kind's inputs object) ‖ u64 item count ‖
/// u64 seed ‖ policy (u32 replication ‖ u32 quorum ‖ u32 uniform ‖ u32 mass ‖ u32 mass lane ‖ f64 tolerance z ‖
/// u64 challenge window blocks ‖ u64 bond) ‖ u64 fee ‖ i64 deadline (Unix ms). Integers little-endian.</para>
/// <para><see cref="TaskId"/> = DomainHash("assay/task-spec/v1", header ‖ body). Inputs travel inline for now; a
/// content-hash form would be a new format version.</para>
/// </remarks>
public sealed class TaskSpec : ICanonicalEncodable<TaskSpec>
{
    /// <summary>Largest inline inputs, in bytes.</summary>
    public const int MaxInputBytes = 16 << 20;

    private readonly byte[] _inputs;

    /// <summary>Creates and validates a spec.</summary>
    /// <param name="kind">Task kind id (<see cref="TaskKindIds"/>), not 0.</param>
    /// <param name="engineVersion">Engine version the result must be computed with, not 0.</param>
    /// <param name="inputs">Canonical bytes of the kind's inputs (copied), 1 … <see cref="MaxInputBytes"/> bytes.</param>
    /// <param name="itemCount">Number of leaves, 1 … <see cref="MerkleSumTree.MaxLeafCount"/>.</param>
    /// <param name="seed">Task seed (Monte Carlo: the Philox key); 0 where the kind draws nothing.</param>
    /// <param name="policy">Verification policy.</param>
    /// <param name="feeMinorUnits">Fee in the smallest currency unit.</param>
    /// <param name="deadlineUnixMs">Deadline in Unix milliseconds, ≥ 0.</param>
    /// <exception cref="TaskSpecException">A field is out of range; the message names it.</exception>
    public TaskSpec(
        ushort kind,
        uint engineVersion,
        ReadOnlySpan<byte> inputs,
        long itemCount,
        ulong seed,
        VerificationPolicy policy,
        ulong feeMinorUnits,
        long deadlineUnixMs)
    {
        if (kind == 0)
        {
            throw new TaskSpecException("kind", "kind must be a registered task kind id (not 0).");
        }

        if (engineVersion == 0)
        {
            throw new TaskSpecException("engine_version", "engine_version must be ≥ 1.");
        }

        if (inputs.Length is 0 or > MaxInputBytes)
        {
            throw new TaskSpecException("inputs", $"inputs must be 1 … {MaxInputBytes} bytes; got {inputs.Length}.");
        }

        if (itemCount < 1 || itemCount > MerkleSumTree.MaxLeafCount)
        {
            throw new TaskSpecException("item_count", $"item_count must be 1 … {MerkleSumTree.MaxLeafCount}; got {itemCount}.");
        }

        policy.Validate();
        if (deadlineUnixMs < 0)
        {
            throw new TaskSpecException("deadline", $"deadline (Unix ms) must be ≥ 0; got {deadlineUnixMs}.");
        }

        Kind = kind;
        EngineVersion = engineVersion;
        _inputs = inputs.ToArray();
        ItemCount = itemCount;
        Seed = seed;
        Policy = policy;
        FeeMinorUnits = feeMinorUnits;
        DeadlineUnixMs = deadlineUnixMs;
    }

    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => ComputeTypeTags.TaskSpec;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 1;

    /// <summary>Domain tag of the task id.</summary>
    public static string HashTag => "assay/task-spec/v1";

    /// <summary>Task kind id.</summary>
    public ushort Kind { get; }

    /// <summary>Engine version the result must be computed with.</summary>
    public uint EngineVersion { get; }

    /// <summary>Canonical bytes of the kind's inputs.</summary>
    public ReadOnlySpan<byte> Inputs => _inputs;

    /// <summary>Number of leaves.</summary>
    public long ItemCount { get; }

    /// <summary>Task seed.</summary>
    public ulong Seed { get; }

    /// <summary>Verification policy.</summary>
    public VerificationPolicy Policy { get; }

    /// <summary>Fee in minor units.</summary>
    public ulong FeeMinorUnits { get; }

    /// <summary>Deadline, Unix milliseconds.</summary>
    public long DeadlineUnixMs { get; }

    /// <summary>The task id: the domain-separated hash of the canonical encoding.</summary>
    public Hash256 TaskId => CanonicalEncoding.Hash(this);

    /// <summary>Reads and validates a body; any invalid field is a <see cref="CanonicalFormatException"/>.</summary>
    public static TaskSpec ReadBody(ref CanonicalReader reader)
    {
        var start = reader.Position;
        var kind = reader.ReadUInt16();
        var engineVersion = reader.ReadUInt32();
        var inputs = reader.ReadBytes(MaxInputBytes);
        var itemCount = reader.ReadUInt64((ulong)MerkleSumTree.MaxLeafCount);
        var seed = reader.ReadUInt64();
        var replication = reader.ReadUInt32();
        var quorum = reader.ReadUInt32();
        var uniform = reader.ReadUInt32();
        var mass = reader.ReadUInt32();
        var massLane = reader.ReadUInt32();
        var z = reader.ReadDouble();
        var window = reader.ReadUInt64();
        var bond = reader.ReadUInt64();
        var fee = reader.ReadUInt64();
        var deadline = reader.ReadInt64();
        if (replication > VerificationPolicy.MaxReplication || quorum > VerificationPolicy.MaxReplication
            || uniform > SpotCheckPolicy.MaxOpenings || mass > SpotCheckPolicy.MaxOpenings || massLane >= MerkleSumLayout.MaxLanes)
        {
            CanonicalReader.Fail(start, "a task spec with policy counts in range");
        }

        try
        {
            var policy = new VerificationPolicy((int)replication, (int)quorum, new SpotCheckPolicy((int)uniform, (int)mass, (int)massLane), z, window, bond);
            return new TaskSpec(kind, engineVersion, inputs, (long)itemCount, seed, policy, fee, deadline);
        }
        catch (TaskSpecException e)
        {
            CanonicalReader.Fail(start, $"a valid task spec ({e.Field}: {e.Message})");
            throw;
        }
    }

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt16(Kind);
        writer.WriteUInt32(EngineVersion);
        writer.WriteBytes(_inputs, MaxInputBytes);
        writer.WriteUInt64((ulong)ItemCount);
        writer.WriteUInt64(Seed);
        writer.WriteUInt32((uint)Policy.Replication);
        writer.WriteUInt32((uint)Policy.Quorum);
        writer.WriteUInt32((uint)Policy.SpotChecks.UniformCount);
        writer.WriteUInt32((uint)Policy.SpotChecks.MassCount);
        writer.WriteUInt32((uint)Policy.SpotChecks.MassLane);
        writer.WriteDouble(Policy.ToleranceZ);
        writer.WriteUInt64(Policy.ChallengeWindowBlocks);
        writer.WriteUInt64(Policy.BondMinorUnits);
        writer.WriteUInt64(FeeMinorUnits);
        writer.WriteInt64(DeadlineUnixMs);
    }
}
