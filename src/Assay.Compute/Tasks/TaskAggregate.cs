using Assay.Proofs.Canonical;

namespace Assay.Compute.Tasks;

/// <summary>A task's answer as an ordered list of named double fields (e.g. price, stderr, delta).</summary>
/// <remarks>
/// Names are lowercase snake_case as the JSON form spells them. Canonical layout (inside <see cref="TaskResult"/>):
/// u32 field count ‖ per field: string name (u32 length ‖ UTF-8) ‖ f64 value. Two aggregates are equal when names and
/// value bits are equal, in order.
/// </remarks>
public sealed class TaskAggregate : IEquatable<TaskAggregate>
{
    /// <summary>Largest number of fields.</summary>
    public const int MaxFields = 64;

    /// <summary>Largest field name, in UTF-8 bytes.</summary>
    public const int MaxNameLength = 64;

    private readonly string[] _names;
    private readonly double[] _values;

    /// <summary>Creates an aggregate from (name, value) pairs in order.</summary>
    /// <exception cref="TaskSpecException">Too many fields, an empty, long or repeated name, or a NaN value.</exception>
    public TaskAggregate(params ReadOnlySpan<(string Name, double Value)> fields)
    {
        if (fields.Length > MaxFields)
        {
            throw new TaskSpecException("aggregate", $"an aggregate has at most {MaxFields} fields; got {fields.Length}.");
        }

        _names = new string[fields.Length];
        _values = new double[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var (name, value) = fields[i];
            if (string.IsNullOrEmpty(name) || System.Text.Encoding.UTF8.GetByteCount(name) > MaxNameLength || Array.IndexOf(_names, name, 0, i) >= 0)
            {
                throw new TaskSpecException("aggregate", $"field {i} needs a unique name of 1 … {MaxNameLength} bytes; got '{name}'.");
            }

            if (double.IsNaN(value))
            {
                throw new TaskSpecException(name, $"aggregate field '{name}' is NaN.");
            }

            _names[i] = name;
            _values[i] = value == 0.0 ? 0.0 : value;
        }
    }

    /// <summary>Number of fields.</summary>
    public int Count => _names.Length;

    /// <summary>Field names in order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Field values in order.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>The value of the field named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such field.</exception>
    public double this[string name]
    {
        get
        {
            var i = Array.IndexOf(_names, name);
            return i >= 0 ? _values[i] : throw new KeyNotFoundException($"The aggregate has no field '{name}'.");
        }
    }

    /// <inheritdoc/>
    public bool Equals(TaskAggregate? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        for (var i = 0; i < _names.Length; i++)
        {
            if (_names[i] != other._names[i] || BitConverter.DoubleToInt64Bits(_values[i]) != BitConverter.DoubleToInt64Bits(other._values[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TaskAggregate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var i = 0; i < _names.Length; i++)
        {
            hash.Add(_names[i]);
            hash.Add(BitConverter.DoubleToInt64Bits(_values[i]));
        }

        return hash.ToHashCode();
    }

    /// <summary>"name=value, …" with round-trip doubles.</summary>
    public override string ToString() =>
        string.Join(", ", _names.Select((n, i) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n}={_values[i]:R}")));

    internal static TaskAggregate Read(ref CanonicalReader reader)
    {
        var start = reader.Position;
        var count = reader.ReadCount(MaxFields, 12);
        var fields = new (string, double)[count];
        for (var i = 0; i < count; i++)
        {
            fields[i] = (reader.ReadString(MaxNameLength), reader.ReadDouble());
        }

        try
        {
            return new TaskAggregate(fields);
        }
        catch (TaskSpecException e)
        {
            CanonicalReader.Fail(start, $"a valid aggregate ({e.Message})");
            throw;
        }
    }

    internal void Write(CanonicalWriter writer)
    {
        writer.WriteCount(_names.Length, MaxFields);
        for (var i = 0; i < _names.Length; i++)
        {
            writer.WriteString(_names[i], MaxNameLength);
            writer.WriteDouble(_values[i]);
        }
    }
}
