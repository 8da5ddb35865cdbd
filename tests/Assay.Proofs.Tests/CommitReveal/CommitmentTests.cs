using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;
using Assay.Proofs.Tests.Signatures;

namespace Assay.Proofs.Tests.CommitReveal;

/// <summary>Commit–reveal: the golden preimage and hash, and that changing any field of the reveal fails verification.</summary>
public class CommitmentTests
{
    [Fact]
    public void Golden_commitment_from_python_matches()
    {
        // tests/data/proofs/signatures/generate_signature_vectors.py: SHA-256(0x0f ‖ "assay/commit/v1" ‖ preimage) with hashlib.
        var v = SignatureVectors.Read("commit_vectors.csv");
        var reveal = new Reveal(new Hash256(v["task_id"]), new Address(v["node"]), new Hash256(v["result_root"]), new CommitSalt(v["salt"]));
        Assert.Equal(v["preimage"], reveal.Encode());
        var commitment = Commitment.Create(reveal.TaskId, reveal.Node, reveal.ResultRoot, reveal.Salt);
        Assert.Equal(Convert.ToHexStringLower(v["commitment"]), commitment.ToString());
        Assert.True(Commitment.Verify(new Commitment(Hash256.Parse(Convert.ToHexStringLower(v["commitment"]))), reveal));
        Assert.Equal(reveal, Reveal.Decode(v["preimage"]));
    }

    [Fact]
    public void Any_changed_bit_of_any_field_fails_verification()
    {
        var reveal = Sample();
        var commitment = Commitment.Create(reveal);
        Assert.True(Commitment.Verify(commitment, reveal));
        var bytes = reveal.Encode();
        for (var bit = 0; bit < 8 * Reveal.EncodedLength; bit++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(Commitment.Verify(commitment, Reveal.Decode(tampered)), $"bit {bit} (field {Field(bit / 8)}) changed but verified");
        }

        var commitmentBytes = commitment.Value.ToArray();
        commitmentBytes[31] ^= 1;
        Assert.False(Commitment.Verify(new Commitment(new Hash256(commitmentBytes)), reveal));
    }

    [Fact]
    public void Swapping_fields_or_nodes_fails_and_the_salt_hides_the_root()
    {
        var reveal = Sample();
        var commitment = Commitment.Create(reveal);
        Assert.False(Commitment.Verify(commitment, reveal with { TaskId = reveal.ResultRoot, ResultRoot = reveal.TaskId }));
        using var other = SignatureTests.KeyFromSeed(32);
        Assert.False(Commitment.Verify(commitment, reveal with { Node = other.Address }));
        Assert.NotEqual(commitment, Commitment.Create(reveal with { Salt = new CommitSalt(new byte[32]) }));
        Assert.Throws<FormatException>(() => Reveal.Decode(new byte[Reveal.EncodedLength - 1]));
        Assert.Throws<FormatException>(() => Reveal.Decode(new byte[Reveal.EncodedLength + 1]));
    }

    private static string Field(int offset) => offset switch
    {
        < 32 => "taskId",
        < 52 => "node",
        < 84 => "resultRoot",
        _ => "salt",
    };

    private static Reveal Sample()
    {
        using var key = SignatureTests.KeyFromSeed(31);
        return new Reveal(
            DomainHash.Compute("assay/test/v1", "task"u8),
            key.Address,
            DomainHash.Compute("assay/test/v1", "root"u8),
            new CommitSalt(DomainHash.Compute("assay/test/v1", "salt"u8).ToArray()));
    }
}
