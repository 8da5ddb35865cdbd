using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;

namespace Assay.Proofs.SpotCheck;

/// <summary>The leaves a spot check demands, derived from the committed root and a challenge seed that did not exist at commit time.</summary>
/// <remarks>
/// <para>Key = DomainHash(<see cref="ChallengeTag"/>, root digest (32 bytes, <see cref="MerkleSumRoot.Digest"/>) ‖ seed).
/// Draw c of stream s = DomainHash(<see cref="DrawTag"/>, key ‖ s (u8) ‖ c (u64 LE)), c = 0, 1, 2, … counted per
/// stream; stream 0 feeds uniform indices, stream 1 mass targets.</para>
/// <para>An integer uniform in [0, b) takes the first 8 bytes of a draw as a u64 x (little-endian), or the first 16 as a
/// u128 for mass targets, rejects x ≥ 2^w − (2^w mod b) (w = 64 or 128) and returns x mod b: exactly uniform, and a
/// rejected draw just moves on to the next counter.</para>
/// <para>Uniform indices: k = min(UniformCount, n) distinct leaves by Floyd's algorithm (Bentley and Floyd, "A sample of
/// brilliance", CACM 30(9), 1987): for j = n − k … n − 1, t = uniform in [0, j]; take t, or j if t is already taken.
/// Every k-subset is equally likely. Mass targets: MassCount values uniform in [0, T), T the root's total of the mass
/// lane (none when T = 0); the prover opens the leaf whose interval contains each (<see cref="MerkleSumTree.FindByMass"/>).</para>
/// </remarks>
public sealed class SpotCheckChallenge
{
    /// <summary>Domain tag of the challenge key.</summary>
    public const string ChallengeTag = "assay/spot-check-challenge/v1";

    /// <summary>Domain tag of each draw.</summary>
    public const string DrawTag = "assay/spot-check-draw/v1";

    /// <summary>Shortest challenge seed in bytes (128 bits).</summary>
    public const int MinSeedLength = 16;

    /// <summary>Longest challenge seed in bytes.</summary>
    public const int MaxSeedLength = 1024;

    // A draw is rejected with probability below 2^−32 (b ≤ 2^32 for indices) or 1/4 (mass targets, b ≤ 2^126), so 128 rejections in
    // a row do not happen; the limit only keeps the loop bounded.
    private const int MaxAttemptsPerValue = 128;

    private readonly long[] _uniformIndices;
    private readonly UInt128[] _massTargets;

    private SpotCheckChallenge(Hash256 key, long[] uniformIndices, UInt128[] massTargets, long drawsHashed)
    {
        Key = key;
        _uniformIndices = uniformIndices;
        _massTargets = massTargets;
        DrawsHashed = drawsHashed;
    }

    /// <summary>The challenge key (see remarks).</summary>
    public Hash256 Key { get; }

    /// <summary>The uniformly drawn leaf indices, distinct, in ascending order.</summary>
    public IReadOnlyList<long> UniformIndices => _uniformIndices;

    /// <summary>The mass targets in draw order, each in [0, total of the mass lane).</summary>
    public IReadOnlyList<UInt128> MassTargets => _massTargets;

    /// <summary>Number of draw hashes computed, rejected ones included (plus two: the root digest and the key).</summary>
    public long DrawsHashed { get; }

    /// <summary>Derives the challenge for a root, a seed and a policy.</summary>
    /// <exception cref="ArgumentException">The seed is shorter than <see cref="MinSeedLength"/> or longer than
    /// <see cref="MaxSeedLength"/> bytes, the root has no sums or a leaf count outside 1 … MaxLeafCount, or the mass lane's
    /// total is negative or the lane does not exist.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SpotCheckChallenge Derive(MerkleSumRoot root, ReadOnlySpan<byte> challengeSeed, SpotCheckPolicy policy)
    {
        if (challengeSeed.Length is < MinSeedLength or > MaxSeedLength)
        {
            throw new ArgumentException($"The challenge seed must be {MinSeedLength} to {MaxSeedLength} bytes; got {challengeSeed.Length}.", nameof(challengeSeed));
        }

        if (root.Sums is null || root.LeafCount is < 1 or > MerkleSumTree.MaxLeafCount)
        {
            throw new ArgumentException($"The root needs sums and a leaf count in 1 … {MerkleSumTree.MaxLeafCount}; got {root.LeafCount}.", nameof(root));
        }

        if ((uint)policy.MassLane >= (uint)root.Sums.LaneCount || root.Sums[policy.MassLane] < Int128.Zero)
        {
            throw new ArgumentException($"MassLane = {policy.MassLane} must be a lane of the root with a non-negative total.", nameof(policy));
        }

        if (policy.UniformCount < 0 || policy.MassCount < 0 || (long)policy.UniformCount + policy.MassCount > SpotCheckPolicy.MaxOpenings)
        {
            throw new ArgumentException($"UniformCount = {policy.UniformCount} and MassCount = {policy.MassCount} must be ≥ 0 and add up to at most {SpotCheckPolicy.MaxOpenings}.", nameof(policy));
        }

        Span<byte> digest = stackalloc byte[Hash256.Length];
        root.Digest().WriteTo(digest);
        var key = DomainHash.Compute(ChallengeTag, digest, challengeSeed);
        var uniform = new DrawStream(key, 0);
        var n = root.LeafCount;
        var k = Math.Min(policy.UniformCount, n);
        var chosen = new HashSet<long>();
        for (var j = n - k; j < n; j++)
        {
            var t = (long)uniform.Below((ulong)j + 1);
            chosen.Add(chosen.Contains(t) ? j : t);
        }

        var indices = chosen.ToArray();
        Array.Sort(indices);
        var total = (UInt128)root.Sums[policy.MassLane];
        var mass = new DrawStream(key, 1);
        var targets = total == UInt128.Zero ? [] : new UInt128[policy.MassCount];
        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = mass.Below(total);
        }

        return new SpotCheckChallenge(key, indices, targets, 2 + uniform.Counter + mass.Counter);
    }

    /// <summary>One counter-mode stream of draws.</summary>
    private struct DrawStream(Hash256 key, byte id)
    {
        public long Counter { get; private set; }

        public ulong Below(ulong bound)
        {
            var rejectFrom = ulong.MaxValue - ((0UL - bound) % bound);
            Span<byte> block = stackalloc byte[Hash256.Length];
            for (var attempt = 0; attempt < MaxAttemptsPerValue; attempt++)
            {
                Next(block);
                var x = BinaryPrimitives.ReadUInt64LittleEndian(block);
                if (x <= rejectFrom)
                {
                    return x % bound;
                }
            }

            throw new InvalidOperationException("Unreachable: 128 consecutive rejected draws.");
        }

        public UInt128 Below(UInt128 bound)
        {
            var rejectFrom = UInt128.MaxValue - ((UInt128.Zero - bound) % bound);
            Span<byte> block = stackalloc byte[Hash256.Length];
            for (var attempt = 0; attempt < MaxAttemptsPerValue; attempt++)
            {
                Next(block);
                var x = BinaryPrimitives.ReadUInt128LittleEndian(block);
                if (x <= rejectFrom)
                {
                    return x % bound;
                }
            }

            throw new InvalidOperationException("Unreachable: 128 consecutive rejected draws.");
        }

        private void Next(Span<byte> block)
        {
            Span<byte> preimage = stackalloc byte[Hash256.Length + 1 + 8];
            key.WriteTo(preimage);
            preimage[Hash256.Length] = id;
            BinaryPrimitives.WriteUInt64LittleEndian(preimage[(Hash256.Length + 1)..], (ulong)Counter);
            Counter++;
            DomainHash.Compute(DrawTag, preimage).WriteTo(block);
        }
    }
}
