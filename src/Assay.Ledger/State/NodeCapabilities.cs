using System.Collections.Immutable;
using Assay.Proofs.Canonical;

namespace Assay.Ledger.State;

/// <summary>What a node offers: capability names (e.g. <c>analytic</c>, <c>montecarlo</c>), cores and memory.</summary>
/// <remarks>Encoding: u32 n ‖ n × string (ascending ordinal, distinct, 1 … 32 bytes of a–z, 0–9, '-') ‖ u32 cores ‖ u32 memory MiB.</remarks>
public sealed record NodeCapabilities
{
    /// <summary>Most capability names.</summary>
    public const int MaxNames = 16;

    /// <summary>Longest capability name.</summary>
    public const int MaxNameLength = 32;

    private NodeCapabilities(ImmutableArray<string> names, uint cores, uint memoryMiB)
    {
        Names = names;
        Cores = cores;
        MemoryMiB = memoryMiB;
    }

    /// <summary>Capability names, ascending ordinal, distinct.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>CPU cores offered.</summary>
    public uint Cores { get; }

    /// <summary>Memory offered, MiB.</summary>
    public uint MemoryMiB { get; }

    /// <summary>Sorts and validates the names; returns null and a message naming the field when invalid.</summary>
    public static NodeCapabilities? TryCreate(IEnumerable<string> names, uint cores, uint memoryMiB, out string error)
    {
        ArgumentNullException.ThrowIfNull(names);
        var sorted = names.Order(StringComparer.Ordinal).ToImmutableArray();
        if (sorted.Length is 0 or > MaxNames)
        {
            error = $"capabilities: 1 … {MaxNames} names; got {sorted.Length}.";
            return null;
        }

        for (var i = 0; i < sorted.Length; i++)
        {
            if (!IsValidName(sorted[i]) || (i > 0 && sorted[i] == sorted[i - 1]))
            {
                error = $"capabilities: '{sorted[i]}' must be distinct, 1 … {MaxNameLength} characters a–z, 0–9, '-'.";
                return null;
            }
        }

        if (cores == 0)
        {
            error = "cores: must be ≥ 1.";
            return null;
        }

        error = string.Empty;
        return new NodeCapabilities(sorted, cores, memoryMiB);
    }

    /// <summary>Whether <paramref name="name"/> is among the capabilities.</summary>
    public bool Has(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>Reads and validates.</summary>
    public static NodeCapabilities Read(ref CanonicalReader reader)
    {
        var start = reader.Position;
        var count = reader.ReadCount(MaxNames, 5);
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = reader.ReadString(MaxNameLength);
            if (i > 0 && string.CompareOrdinal(names[i - 1], names[i]) >= 0)
            {
                CanonicalReader.Fail(start, "capability names in strictly ascending order");
            }
        }

        var cores = reader.ReadUInt32();
        var memory = reader.ReadUInt32();
        var caps = TryCreate(names, cores, memory, out var error);
        if (caps is null)
        {
            CanonicalReader.Fail(start, error);
        }

        return caps!;
    }

    /// <summary>Writes the encoding (see type remarks).</summary>
    public void Write(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteCount(Names.Length, MaxNames);
        foreach (var name in Names)
        {
            writer.WriteString(name, MaxNameLength);
        }

        writer.WriteUInt32(Cores);
        writer.WriteUInt32(MemoryMiB);
    }

    /// <inheritdoc/>
    public bool Equals(NodeCapabilities? other) =>
        other is not null && Cores == other.Cores && MemoryMiB == other.MemoryMiB && Names.SequenceEqual(other.Names);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Cores, MemoryMiB, Names.Length);

    private static bool IsValidName(string name)
    {
        if (name.Length is 0 or > MaxNameLength)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
