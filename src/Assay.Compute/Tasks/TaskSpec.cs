using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.SpotCheck;

namespace Assay.Compute.Tasks;

/// <summary>Everything a task's result is a function of, plus how it is verified and paid: the canonical object whose hash is the task id.</summary>
/// <remarks>
/// <para>Canonical body (format 2, type tag <see cref="ComputeTypeTags.TaskSpec"/>): u16 kind ‖ u32 engine version ‖
/// inputs ‖ u64 item count ‖ u64 seed ‖ policy (u32 replication ‖ u32 quorum ‖ u32 uniform ‖ u32 mass ‖ u32 mass lane ‖
/// f64 tolerance z ‖ u64 challenge window blocks ‖ u64 bond) ‖ u64 fee ‖ i64 deadline (Unix ms). Integers little-endian.
/// The inputs (the canonical encoding of the kind's inputs object) are a tagged union: u8 0 = inline, then a byte string
/// (u32 length ‖ bytes, 1 … <see cref="MaxInputBytes"/>); u8 1 = by content address, then the inputs hash (32 bytes,
/// <see cref="HashInputs"/>) ‖ u32 inputs length (1 … <see cref="MaxReferencedInputBytes"/>) ‖ the address as a string
/// (UTF-8, 1 … <see cref="MaxAddressBytes"/> bytes, no control characters: a file name relative to the spec, or a URL).
/// Format 1 (inline only, no form byte) is no longer read.</para>
/// <para><see cref="TaskId"/> = DomainHash("assay/task-spec/v2", header ‖ body), so a referenced spec's id commits to the
/// inputs through their hash, and to the address. A decoded referenced spec has no content: <see cref="Inputs"/> throws
/// until <see cref="WithInputs"/> attaches bytes whose length and hash match (else a <see cref="TaskSpecException"/> on
/// field <c>inputs</c>); runners and verifiers therefore never use unchecked content.</para>
/// </remarks>
public sealed class TaskSpec : ICanonicalEncodable<TaskSpec>
{
    /// <summary>Largest inline inputs, in bytes.</summary>
    public const int MaxInputBytes = 16 << 20;

    /// <summary>Largest inputs held by content address, in bytes (the canonical decoder's total-size limit).</summary>
    public const int MaxReferencedInputBytes = 64 << 20;

    /// <summary>Longest content address, in UTF-8 bytes.</summary>
    public const int MaxAddressBytes = 1024;

    /// <summary>Domain tag of <see cref="InputsHash"/>.</summary>
    public const string InputsHashTag = "assay/task-inputs/v1";

    private const byte InlineForm = 0;

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private const byte ReferenceForm = 1;

    // The content: always set for an inline spec; null for a referenced spec until WithInputs checks and attaches it.
    private readonly byte[]? _inputs;

    /// <summary>Creates and validates a spec with inline inputs.</summary>
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
        : this(kind, engineVersion, CheckInline(inputs), HashInputs(inputs), inputs.Length, null, itemCount, seed, policy, feeMinorUnits, deadlineUnixMs)
    {
    }

    private TaskSpec(
        ushort kind,
        uint engineVersion,
        byte[]? inputs,
        Hash256 inputsHash,
        int inputsLength,
        string? inputsAddress,
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

        if (inputsAddress is not null)
        {
            CheckAddress(inputsAddress);
            if (inputsLength < 1 || inputsLength > MaxReferencedInputBytes)
            {
                throw new TaskSpecException("inputs", $"referenced inputs must be 1 … {MaxReferencedInputBytes} bytes; got {inputsLength}.");
            }
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
        _inputs = inputs;
        InputsHash = inputsHash;
        InputsLength = inputsLength;
        InputsAddress = inputsAddress;
        ItemCount = itemCount;
        Seed = seed;
        Policy = policy;
        FeeMinorUnits = feeMinorUnits;
        DeadlineUnixMs = deadlineUnixMs;
    }

    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => ComputeTypeTags.TaskSpec;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 2;

    /// <summary>Domain tag of the task id.</summary>
    public static string HashTag => "assay/task-spec/v2";

    /// <summary>Task kind id.</summary>
    public ushort Kind { get; }

    /// <summary>Engine version the result must be computed with.</summary>
    public uint EngineVersion { get; }

    /// <summary>Canonical bytes of the kind's inputs: inline, or attached by <see cref="WithInputs"/> after their hash was checked.</summary>
    /// <exception cref="TaskSpecException">The spec references its inputs and none were attached (field <c>inputs</c>).</exception>
    public ReadOnlySpan<byte> Inputs => _inputs ?? throw new TaskSpecException(
        "inputs", $"the inputs are held at '{InputsAddress}' (hash {InputsHash}); supply their content (e.g. --inputs FILE) before computing or verifying.");

    /// <summary>Whether the inputs travel inside the spec (else they are referenced by hash and address).</summary>
    public bool InputsInline => InputsAddress is null;

    /// <summary>Whether <see cref="Inputs"/> can be read: inline, or attached and checked.</summary>
    public bool HasInputs => _inputs is not null;

    /// <summary>DomainHash(<see cref="InputsHashTag"/>, inputs bytes), for either form.</summary>
    public Hash256 InputsHash { get; }

    /// <summary>Length of the inputs in bytes, for either form.</summary>
    public int InputsLength { get; }

    /// <summary>Where referenced inputs are held (a file name relative to the spec, or a URL); null when inline.</summary>
    public string? InputsAddress { get; }

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

    /// <summary>Creates a spec that holds only the hash, length and <paramref name="inputsAddress"/> of <paramref name="inputs"/>, with the content attached.</summary>
    /// <param name="kind">Task kind id.</param>
    /// <param name="engineVersion">Engine version.</param>
    /// <param name="inputs">Canonical bytes of the kind's inputs (copied), 1 … <see cref="MaxReferencedInputBytes"/> bytes.</param>
    /// <param name="inputsAddress">Where the bytes are held: 1 … <see cref="MaxAddressBytes"/> UTF-8 bytes, no control characters.</param>
    /// <param name="itemCount">Number of leaves.</param>
    /// <param name="seed">Task seed.</param>
    /// <param name="policy">Verification policy.</param>
    /// <param name="feeMinorUnits">Fee in minor units.</param>
    /// <param name="deadlineUnixMs">Deadline, Unix ms.</param>
    /// <exception cref="TaskSpecException">A field is out of range; the message names it.</exception>
    public static TaskSpec Referencing(
        ushort kind,
        uint engineVersion,
        ReadOnlySpan<byte> inputs,
        string inputsAddress,
        long itemCount,
        ulong seed,
        VerificationPolicy policy,
        ulong feeMinorUnits,
        long deadlineUnixMs)
    {
        ArgumentNullException.ThrowIfNull(inputsAddress);
        if (inputs.Length is 0 or > MaxReferencedInputBytes)
        {
            throw new TaskSpecException("inputs", $"referenced inputs must be 1 … {MaxReferencedInputBytes} bytes; got {inputs.Length}.");
        }

        return new TaskSpec(kind, engineVersion, inputs.ToArray(), HashInputs(inputs), inputs.Length, inputsAddress, itemCount, seed, policy, feeMinorUnits, deadlineUnixMs);
    }

    /// <summary>DomainHash(<see cref="InputsHashTag"/>, <paramref name="inputs"/>): the content hash a referenced spec holds.</summary>
    public static Hash256 HashInputs(ReadOnlySpan<byte> inputs) => DomainHash.Compute(InputsHashTag, inputs);

    /// <summary>This spec with <paramref name="content"/> as its inputs, after checking its length and hash against the spec.</summary>
    /// <remarks>The task id is unchanged (the encoding never holds referenced content). For an inline spec the content must
    /// equal the inline bytes.</remarks>
    /// <exception cref="TaskSpecException">The length or hash does not match (field <c>inputs</c>).</exception>
    public TaskSpec WithInputs(ReadOnlySpan<byte> content)
    {
        if (content.Length != InputsLength)
        {
            throw new TaskSpecException("inputs", $"the inputs given are {content.Length} bytes; the spec's inputs ({Where}) are {InputsLength} bytes with hash {InputsHash}.");
        }

        var hash = HashInputs(content);
        if (hash != InputsHash)
        {
            throw new TaskSpecException("inputs", $"the inputs given hash to {hash}; the spec's inputs ({Where}) hash to {InputsHash}.");
        }

        return InputsInline
            ? this
            : new TaskSpec(Kind, EngineVersion, content.ToArray(), InputsHash, InputsLength, InputsAddress, ItemCount, Seed, Policy, FeeMinorUnits, DeadlineUnixMs);
    }

    /// <summary>Reads and validates a body; any invalid field is a <see cref="CanonicalFormatException"/>.</summary>
    public static TaskSpec ReadBody(ref CanonicalReader reader)
    {
        var start = reader.Position;
        var kind = reader.ReadUInt16();
        var engineVersion = reader.ReadUInt32();
        var formAt = reader.Position;
        var form = reader.ReadByte();
        byte[]? inline = null;
        var inputsHash = default(Hash256);
        var inputsLength = 0u;
        string? address = null;
        switch (form)
        {
            case InlineForm:
                inline = reader.ReadBytes(MaxInputBytes).ToArray();
                break;
            case ReferenceForm:
                inputsHash = reader.ReadHash();
                inputsLength = reader.ReadUInt32();
                address = reader.ReadString(MaxAddressBytes);
                break;
            default:
                CanonicalReader.Fail(formAt, "inputs form 0 (inline) or 1 (hash and address)");
                break;
        }

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
            return inline is not null
                ? new TaskSpec(kind, engineVersion, inline, (long)itemCount, seed, policy, fee, deadline)
                : new TaskSpec(kind, engineVersion, null, inputsHash, (int)Math.Min(inputsLength, int.MaxValue), address, (long)itemCount, seed, policy, fee, deadline);
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
        if (InputsAddress is null)
        {
            writer.WriteByte(InlineForm);
            writer.WriteBytes(Inputs, MaxInputBytes);
        }
        else
        {
            writer.WriteByte(ReferenceForm);
            writer.WriteHash(InputsHash);
            writer.WriteUInt32((uint)InputsLength);
            writer.WriteString(InputsAddress, MaxAddressBytes);
        }

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

    private static byte[] CheckInline(ReadOnlySpan<byte> inputs) =>
        inputs.Length is 0 or > MaxInputBytes
            ? throw new TaskSpecException("inputs", $"inputs must be 1 … {MaxInputBytes} bytes; got {inputs.Length}.")
            : inputs.ToArray();

    private static void CheckAddress(string address)
    {
        int bytes;
        try
        {
            bytes = StrictUtf8.GetByteCount(address);
        }
        catch (ArgumentException)
        {
            bytes = 0;
        }

        if (bytes is 0 or > MaxAddressBytes || address.Any(char.IsControl))
        {
            throw new TaskSpecException("inputs", $"the inputs address must be 1 … {MaxAddressBytes} bytes of well-formed UTF-8 without control characters; got '{address}'.");
        }
    }

    private string Where => InputsAddress is null ? "inline" : $"at '{InputsAddress}'";
}
