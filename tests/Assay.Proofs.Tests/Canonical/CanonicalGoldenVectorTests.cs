using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.Merkle;

namespace Assay.Proofs.Tests.Canonical;

/// <summary>The encoding is frozen by golden bytes computed independently in Python (tests/data/proofs/encoding/generate_encoding_vectors.py).</summary>
public class CanonicalGoldenVectorTests
{
    private const int MaxLength = 1024;
    private const int RejectMax = 16;

    public static TheoryData<string, string, string> Primitives() => Rows("primitives.csv", "kind", "value", "hex");

    public static TheoryData<string, string, string> Rejects() => Rows("rejects.csv", "kind", "hex", "offset");

    public static TheoryData<string, string, string> Objects() => Rows("objects.csv", "kind", "value", "hex");

    [Theory]
    [MemberData(nameof(Primitives))]
    public void Primitive_encodes_to_the_golden_bytes_and_decodes_to_the_same_value(string kind, string value, string hex)
    {
        var writer = new CanonicalWriter();
        Write(writer, kind, value);
        var message = $"kind={kind} value={value} expected={hex}";
        Assert.True(hex == Convert.ToHexStringLower(writer.WrittenSpan), $"{message} written={Convert.ToHexStringLower(writer.WrittenSpan)}");

        var reader = new CanonicalReader(Convert.FromHexString(hex));
        var decoded = ReadAsText(ref reader, kind);
        reader.ReadEnd();
        Assert.True(Canonical(kind, value) == decoded, $"{message} decoded={decoded}");
    }

    [Theory]
    [MemberData(nameof(Objects))]
    public void Proof_object_encodes_to_the_golden_bytes_and_hashes_to_the_golden_hash(string kind, string value, string hex)
    {
        var hash = TestVectors.Read("encoding", "objects.csv").Single(r => r["hex"] == hex)["hash"];
        var parts = value.Split(';');
        var first = long.Parse(parts[0], CultureInfo.InvariantCulture);
        var second = long.Parse(parts[1], CultureInfo.InvariantCulture);
        var path = TestVectors.Hashes(parts[2]);
        var message = $"kind={kind} value={value}";
        if (kind == "inclusion_proof")
        {
            var proof = new InclusionProof(first, second, [.. path]);
            Assert.True(hex == Convert.ToHexStringLower(CanonicalEncoding.Encode(proof)), message);
            Assert.True(proof.Equals(CanonicalEncoding.Decode<InclusionProof>(Convert.FromHexString(hex))), message);
            Assert.True(hash == CanonicalEncoding.Hash(proof).ToString(), message);
        }
        else
        {
            var proof = new ConsistencyProof(first, second, [.. path]);
            Assert.True(hex == Convert.ToHexStringLower(CanonicalEncoding.Encode(proof)), message);
            Assert.True(proof.Equals(CanonicalEncoding.Decode<ConsistencyProof>(Convert.FromHexString(hex))), message);
            Assert.True(hash == CanonicalEncoding.Hash(proof).ToString(), message);
        }
    }

    [Theory]
    [MemberData(nameof(Rejects))]
    public void Non_canonical_bytes_are_refused_with_the_offset_of_the_offending_item(string kind, string hex, string offset)
    {
        var bytes = Convert.FromHexString(hex);
        var error = Assert.Throws<CanonicalFormatException>(() =>
        {
            var reader = new CanonicalReader(bytes);
            _ = kind switch
            {
                "inclusion_proof" => CanonicalEncoding.Decode<InclusionProof>(bytes).ToString(),
                "consistency_proof" => CanonicalEncoding.Decode<ConsistencyProof>(bytes).ToString(),
                _ => ReadAsText(ref reader, kind, RejectMax),
            };
        });
        Assert.True(int.Parse(offset, CultureInfo.InvariantCulture) == error.Offset, $"kind={kind} hex={hex}: {error.Message}");
    }

    private static TheoryData<string, string, string> Rows(string file, string a, string b, string c)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in TestVectors.Read("encoding", file))
        {
            data.Add(row[a], row[b], row[c]);
        }

        return data;
    }

    private static void Write(CanonicalWriter writer, string kind, string value)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (kind)
        {
            case "u8": writer.WriteByte(byte.Parse(value, inv)); break;
            case "u16": writer.WriteUInt16(ushort.Parse(value, inv)); break;
            case "u32": writer.WriteUInt32(uint.Parse(value, inv)); break;
            case "u64": writer.WriteUInt64(ulong.Parse(value, inv)); break;
            case "i64": writer.WriteInt64(long.Parse(value, inv)); break;
            case "i128": writer.WriteInt128(Int128.Parse(value, inv)); break;
            case "f64": writer.WriteDouble(BitConverter.UInt64BitsToDouble(ulong.Parse(value, NumberStyles.HexNumber, inv))); break;
            case "bool": writer.WriteBoolean(value == "true"); break;
            case "bytes": writer.WriteBytes(Convert.FromHexString(value), MaxLength); break;
            case "string": writer.WriteString(Encoding.UTF8.GetString(Convert.FromHexString(value)), MaxLength); break;
            case "hash": writer.WriteHash(Hash256.Parse(value)); break;
            case "count": writer.WriteCount(int.Parse(value, inv), MaxLength); break;
            case "header":
                var parts = value.Split(':');
                writer.WriteHeader(ushort.Parse(parts[0], NumberStyles.HexNumber, inv), byte.Parse(parts[1], inv));
                break;
            case "hashes": writer.WriteHashes(TestVectors.Hashes(value), MaxLength); break;
            default: throw new InvalidOperationException($"unknown kind {kind}");
        }
    }

    // The decoded value in the text form of the CSV's value column (canonicalised: −0.0 reads back as +0.0).
    private static string ReadAsText(ref CanonicalReader reader, string kind, int max = MaxLength)
    {
        var inv = CultureInfo.InvariantCulture;
        return kind switch
        {
            "u8" => reader.ReadByte().ToString(inv),
            "u16" => reader.ReadUInt16().ToString(inv),
            "u32" => reader.ReadUInt32().ToString(inv),
            "u64" => reader.ReadUInt64().ToString(inv),
            "i64" => reader.ReadInt64().ToString(inv),
            "i128" => reader.ReadInt128().ToString(inv),
            "f64" => BitConverter.DoubleToUInt64Bits(reader.ReadDouble()).ToString("x16", inv),
            "bool" => reader.ReadBoolean() ? "true" : "false",
            "bytes" => Convert.ToHexStringLower(reader.ReadBytes(max)),
            "string" => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(reader.ReadString(max))),
            "hash" => reader.ReadHash().ToString(),
            "count" => reader.ReadUInt32().ToString(inv),
            "header" => ReadHeaderText(ref reader),
            "hashes" => string.Join(':', reader.ReadHashes(max).Select(h => h.ToString())),
            _ => throw new InvalidOperationException($"unknown kind {kind}"),
        };
    }

    private static string ReadHeaderText(ref CanonicalReader reader)
    {
        var tag = reader.ReadUInt16();
        var version = reader.ReadByte();
        return $"{tag:x4}:{version}";
    }

    private static string Canonical(string kind, string value) =>
        kind == "f64" && value == "8000000000000000" ? "0000000000000000" : value;

    [Fact]
    public void Double_golden_bytes_are_the_little_endian_ieee_bits()
    {
        // A spot check of the convention itself, independent of the CSV: 1.0 = 0x3FF0000000000000.
        var writer = new CanonicalWriter();
        writer.WriteDouble(1.0);
        Assert.Equal(0x3FF0000000000000UL, BinaryPrimitives.ReadUInt64LittleEndian(writer.WrittenSpan));
        Assert.Equal("000000000000f03f", Convert.ToHexStringLower(writer.WrittenSpan));
    }
}
