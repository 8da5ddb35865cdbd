using System.Buffers.Binary;
using System.Security.Cryptography;
using Assay.Proofs.Hashing;

namespace Assay.Storage.Tests;

/// <summary>Synthetic blocks whose bytes and hashes are a pure function of (seed, height), so a reader can regenerate and compare them.</summary>
internal static class TestChain
{
    /// <summary>About one block of 100 transactions of ~300 bytes.</summary>
    public const int TypicalBlockBytes = 30_000;

    public static byte[] Body(ulong seed, long height, int length)
    {
        var bytes = new byte[length];
        var rng = new Random(unchecked((int)(seed * 0x9E3779B97F4A7C15UL ^ (ulong)height)));
        rng.NextBytes(bytes);
        return bytes;
    }

    public static Hash256 StateRoot(ulong seed, long height) => Digest("root", seed, height, Hash256.Zero, []);

    public static StoredBlock Block(ulong seed, long height, Hash256 parent, int length)
    {
        var body = Body(seed, height, length);
        return new StoredBlock(height, Digest("block", seed, height, parent, body), parent, StateRoot(seed, height), body);
    }

    /// <summary>Blocks <paramref name="fromHeight"/> .. <paramref name="fromHeight"/> + <paramref name="count"/> − 1 on top of <paramref name="parent"/>.</summary>
    public static List<StoredBlock> Chain(ulong seed, long fromHeight, int count, Hash256 parent, int length = 200)
    {
        var blocks = new List<StoredBlock>(count);
        for (var i = 0; i < count; i++)
        {
            var block = Block(seed, fromHeight + i, parent, length + (int)((fromHeight + i) % 7));
            blocks.Add(block);
            parent = block.Hash;
        }

        return blocks;
    }

    public static StoredSnapshot Snapshot(ulong seed, long height, int length = 500) =>
        new(height, StateRoot(seed, height), Body(seed ^ 0x5A5A, height, length));

    public static void AssertSame(StoredBlock expected, StoredBlock? actual, string context)
    {
        Assert.True(actual.HasValue, $"{context}: block {expected.Height} missing");
        var a = actual.Value;
        Assert.True(
            expected.Height == a.Height && expected.Hash == a.Hash && expected.ParentHash == a.ParentHash && expected.StateRoot == a.StateRoot
                && expected.Encoded.Span.SequenceEqual(a.Encoded.Span),
            $"{context}: block {expected.Height} differs: got height {a.Height}, hash {a.Hash}, parent {a.ParentHash}, root {a.StateRoot}, {a.Encoded.Length} bytes");
    }

    public static void AssertSame(StoredSnapshot expected, StoredSnapshot? actual, string context)
    {
        Assert.True(actual.HasValue, $"{context}: snapshot {expected.Height} missing");
        var a = actual.Value;
        Assert.True(
            expected.Height == a.Height && expected.StateRoot == a.StateRoot && expected.Encoded.Span.SequenceEqual(a.Encoded.Span),
            $"{context}: snapshot {expected.Height} differs: got height {a.Height}, root {a.StateRoot}, {a.Encoded.Length} bytes");
    }

    private static Hash256 Digest(string tag, ulong seed, long height, Hash256 parent, ReadOnlySpan<byte> body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.ASCII.GetBytes(tag));
        Span<byte> header = stackalloc byte[16 + Hash256.Length];
        BinaryPrimitives.WriteUInt64BigEndian(header, seed);
        BinaryPrimitives.WriteInt64BigEndian(header[8..], height);
        parent.WriteTo(header[16..]);
        sha.AppendData(header);
        sha.AppendData(body);
        return new Hash256(sha.GetHashAndReset());
    }
}
