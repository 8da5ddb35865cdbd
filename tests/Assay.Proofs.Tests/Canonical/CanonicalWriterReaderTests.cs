using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.Tests.Canonical;

/// <summary>Laws of the writer and reader: values without a canonical encoding are refused, limits hold on both sides.</summary>
public class CanonicalWriterReaderTests
{
    [Fact]
    public void Nan_is_refused_and_negative_zero_is_written_as_positive_zero()
    {
        var writer = new CanonicalWriter();
        Assert.Throws<ArgumentException>(() => writer.WriteDouble(double.NaN));
        Assert.Throws<ArgumentException>(() => writer.WriteDouble(BitConverter.UInt64BitsToDouble(0xFFF8000000000001)));
        Assert.Equal(0, writer.Length);
        writer.WriteDouble(-0.0);
        writer.WriteDouble(0.0);
        Assert.Equal(new byte[16], writer.ToArray());
        var reader = new CanonicalReader(writer.WrittenSpan);
        Assert.True(double.IsPositive(reader.ReadDouble()) && reader.ReadDouble() == 0.0);
    }

    [Fact]
    public void Lone_surrogates_are_refused_and_leave_nothing_written()
    {
        var writer = new CanonicalWriter();
        writer.WriteByte(7);
        Assert.Throws<ArgumentException>(() => writer.WriteString("a\uD800b", 100));
        Assert.Throws<ArgumentException>(() => writer.WriteString("\uDC00", 100));
        Assert.Equal(new byte[] { 7 }, writer.ToArray());
    }

    [Fact]
    public void Per_call_and_global_length_limits_bind_the_writer_and_the_reader_alike()
    {
        var limits = new CanonicalLimits(MaxTotalBytes: 64, MaxByteStringLength: 8, MaxSequenceCount: 2, MaxDepth: 2);
        var writer = new CanonicalWriter(limits);
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteBytes(new byte[9], 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteBytes(new byte[5], 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteString("123456789", 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteCount(3, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteCount(-1, 100));
        writer.WriteBytes(new byte[8], 8);
        var full = new CanonicalWriter(limits);
        Assert.Throws<InvalidOperationException>(() =>
        {
            for (var i = 0; i < 6; i++)
            {
                full.WriteBytes(new byte[8], 8);
            }
        });
        Assert.True(full.Length <= limits.MaxTotalBytes);

        // The same bytes under the same limits read back; a smaller per-call maximum refuses them.
        var bytes = writer.ToArray();
        var ok = new CanonicalReader(bytes, limits);
        Assert.Equal(8, ok.ReadBytes(8).Length);
        ok.ReadEnd();
        var error = Assert.Throws<CanonicalFormatException>(() => new CanonicalReader(bytes, limits).ReadBytes(7).Length);
        Assert.Equal(0, error.Offset);
        Assert.Throws<CanonicalFormatException>(() => new CanonicalReader(new byte[65], limits).Remaining);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_on_both_sides()
    {
        var deep = Chain(depth: 5);
        var writer = new CanonicalWriter(CanonicalLimits.Default with { MaxDepth = 4 });
        Assert.Throws<InvalidOperationException>(() => writer.WriteObject(deep));

        var bytes = CanonicalEncoding.Encode(deep);
        Assert.Equal(bytes, CanonicalEncoding.Encode(CanonicalEncoding.Decode<FuzzRecord>(bytes, CanonicalLimits.Default with { MaxDepth = 5 })));
        var error = Assert.Throws<CanonicalFormatException>(() => CanonicalEncoding.Decode<FuzzRecord>(bytes, CanonicalLimits.Default with { MaxDepth = 4 }));
        Assert.Contains("nested at most 4", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_whose_elements_cannot_fit_is_refused_before_anything_is_allocated()
    {
        // Count 2^20 (the global maximum) of 3-byte objects in a 10-byte input: refused at the count's offset.
        var writer = new CanonicalWriter();
        writer.WriteHeader(FuzzRecord.TypeTag, FuzzRecord.FormatVersion);
        writer.WriteUInt32(1 << 20);
        writer.WriteBytes([1, 2], 8);
        var error = Assert.Throws<CanonicalFormatException>(() => new CanonicalReader(writer.WrittenSpan).ReadSequence<FuzzRecord>(1 << 20).Length);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void Trailing_bytes_after_a_top_level_object_are_refused()
    {
        var bytes = CanonicalEncoding.Encode(Chain(1)).Append((byte)0).ToArray();
        var error = Assert.Throws<CanonicalFormatException>(() => CanonicalEncoding.Decode<FuzzRecord>(bytes));
        Assert.Equal(bytes.Length - 1, error.Offset);
    }

    [Fact]
    public void Object_hash_is_the_domain_hash_of_its_encoding_with_its_tag()
    {
        var value = Chain(2);
        Assert.Equal(DomainHash.Compute(FuzzRecord.HashTag, CanonicalEncoding.Encode(value)), CanonicalEncoding.Hash(value));
    }

    [Fact]
    public void Clear_reuses_the_writer_and_a_reader_reports_its_position()
    {
        var writer = new CanonicalWriter(CanonicalLimits.Default, initialCapacity: 1);
        writer.WriteUInt64(1);
        writer.Clear();
        writer.WriteUInt32(0xDEADBEEF);
        writer.WriteInt128(Int128.MinValue);
        Assert.Equal(20, writer.Length);
        var reader = new CanonicalReader(writer.WrittenSpan);
        Assert.Equal(0xDEADBEEFu, reader.ReadUInt32());
        Assert.Equal(4, reader.Position);
        Assert.Equal(16, reader.Remaining);
        Assert.Equal(Int128.MinValue, reader.ReadInt128());
        reader.ReadEnd();
    }

    private static FuzzRecord Chain(int depth) =>
        new() { Text = $"depth {depth}", Children = depth <= 1 ? [] : [Chain(depth - 1)] };
}
