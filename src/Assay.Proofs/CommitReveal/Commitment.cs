using System.Diagnostics.CodeAnalysis;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Proofs.CommitReveal;

/// <summary>A hiding, binding commitment to a node's result for a task: H(domain ‖ taskId ‖ node ‖ resultRoot ‖ salt).</summary>
/// <remarks>
/// Value = DomainHash("assay/commit/v1", <see cref="Reveal"/> encoding), i.e. SHA-256 over the length-prefixed tag
/// then taskId (32) ‖ node (20) ‖ resultRoot (32) ‖ salt (32). The node's address is inside, so a node cannot copy
/// another's commitment; the salt hides the root until the reveal (it must be 32 unpredictable bytes, never reused).
/// </remarks>
public readonly struct Commitment : IEquatable<Commitment>
{
    /// <summary>The domain tag of the commitment hash.</summary>
    public const string Tag = "assay/commit/v1";

    /// <summary>Wraps a commitment value, e.g. one read from the ledger.</summary>
    public Commitment(Hash256 value) => Value = value;

    /// <summary>The 32-byte commitment.</summary>
    public Hash256 Value { get; }

    /// <summary>Whether two commitments are equal.</summary>
    public static bool operator ==(Commitment left, Commitment right) => left.Equals(right);

    /// <summary>Whether two commitments differ.</summary>
    public static bool operator !=(Commitment left, Commitment right) => !left.Equals(right);

    /// <summary>The commitment to a result root for a task by a node, blinded by a salt.</summary>
    public static Commitment Create(Hash256 taskId, Address node, Hash256 resultRoot, CommitSalt salt)
        => Create(new Reveal(taskId, node, resultRoot, salt));

    /// <summary>The commitment whose opening is <paramref name="reveal"/>.</summary>
    public static Commitment Create(Reveal reveal)
    {
        Span<byte> preimage = stackalloc byte[Reveal.EncodedLength];
        reveal.WriteTo(preimage);
        return new Commitment(DomainHash.Compute(Tag, preimage));
    }

    /// <summary>Whether <paramref name="reveal"/> opens <paramref name="commitment"/>.</summary>
    public static bool Verify(Commitment commitment, Reveal reveal) => Create(reveal) == commitment;

    /// <inheritdoc/>
    public bool Equals(Commitment other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Commitment other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>64 lowercase hex digits.</summary>
    public override string ToString() => Value.ToString();
}
