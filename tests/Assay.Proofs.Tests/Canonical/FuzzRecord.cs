using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.Tests.Canonical;

/// <summary>A test-only object that uses every primitive, a nested sequence of itself and therefore nesting depth.</summary>
internal sealed class FuzzRecord : ICanonicalEncodable<FuzzRecord>
{
    public const int MaxChildren = 4;
    public const int MaxText = 64;

    public byte Small { get; init; }
    public ushort Short { get; init; }
    public uint Word { get; init; }
    public ulong Long { get; init; }
    public long Signed { get; init; }
    public Int128 Wide { get; init; }
    public double Real { get; init; }
    public bool Flag { get; init; }
    public byte[] Blob { get; init; } = [];
    public string Text { get; init; } = string.Empty;
    public Hash256 Digest { get; init; }
    public FuzzRecord[] Children { get; init; } = [];

    public static ushort TypeTag => 0xFF01;

    public static byte FormatVersion => 1;

    public static string HashTag => "assay/test-fuzz-record/v1";

    public static FuzzRecord ReadBody(ref CanonicalReader reader) => new()
    {
        Small = reader.ReadByte(),
        Short = reader.ReadUInt16(),
        Word = reader.ReadUInt32(),
        Long = reader.ReadUInt64(),
        Signed = reader.ReadInt64(),
        Wide = reader.ReadInt128(),
        Real = reader.ReadDouble(),
        Flag = reader.ReadBoolean(),
        Blob = reader.ReadBytes(MaxText).ToArray(),
        Text = reader.ReadString(MaxText),
        Digest = reader.ReadHash(),
        Children = reader.ReadSequence<FuzzRecord>(MaxChildren),
    };

    public void WriteBody(CanonicalWriter writer)
    {
        writer.WriteByte(Small);
        writer.WriteUInt16(Short);
        writer.WriteUInt32(Word);
        writer.WriteUInt64(Long);
        writer.WriteInt64(Signed);
        writer.WriteInt128(Wide);
        writer.WriteDouble(Real);
        writer.WriteBoolean(Flag);
        writer.WriteBytes(Blob, MaxText);
        writer.WriteString(Text, MaxText);
        writer.WriteHash(Digest);
        writer.WriteSequence<FuzzRecord>(Children, MaxChildren);
    }

    /// <summary>A random record with up to <paramref name="depth"/> levels of children.</summary>
    public static FuzzRecord Random(Random random, int depth)
    {
        Span<byte> digest = stackalloc byte[Hash256.Length];
        random.NextBytes(digest);
        var texts = new[] { string.Empty, "a", "café", "€", "😀", "mixed é€😀", "\uFEFF", "\0" };
        var doubles = new[] { 0.0, -0.0, 1.0, -2.5, double.Epsilon, double.MaxValue, double.PositiveInfinity, double.NegativeInfinity, random.NextDouble() };
        var blob = new byte[random.Next(0, 9)];
        random.NextBytes(blob);
        return new FuzzRecord
        {
            Small = (byte)random.Next(256),
            Short = (ushort)random.Next(65536),
            Word = (uint)random.NextInt64(),
            Long = (ulong)random.NextInt64() * 3,
            Signed = random.NextInt64(long.MinValue, long.MaxValue),
            Wide = new Int128((ulong)random.NextInt64(), (ulong)random.NextInt64()),
            Real = doubles[random.Next(doubles.Length)],
            Flag = random.Next(2) == 1,
            Blob = blob,
            Text = texts[random.Next(texts.Length)],
            Digest = new Hash256(digest),
            Children = depth <= 1 ? [] : [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => Random(random, depth - 1))],
        };
    }
}
