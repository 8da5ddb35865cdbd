using System.Security.Cryptography;
using System.Text;
using Assay.Compute.Tasks;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Compute.Tests;

public sealed class TaskResultSigningTests
{
    private static readonly byte[] Scalar1 = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private static readonly byte[] Scalar2 = Enumerable.Range(40, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void SignedResultVerifiesAndCarriesTheSignersAddress()
    {
        using var key = SigningKey.FromPrivateScalar(Scalar1);
        var signed = TaskResultSigning.Sign(UnsignedBookResult(), key);
        Assert.Equal(key.Address.ToArray(), signed.NodeAddress.ToArray());
        Assert.Equal(Signature.Length, signed.Signature.Length);
        Assert.True(TaskResultSigning.Verify(signed, key.PublicKey, out var failure), failure);
        Assert.Equal(string.Empty, failure);
    }

    [Fact]
    public void SignedResultSurvivesCanonicalRoundTrip()
    {
        using var key = SigningKey.FromPrivateScalar(Scalar1);
        var signed = TaskResultSigning.Sign(UnsignedBookResult(), key);
        var decoded = CanonicalEncoding.Decode<TaskResult>(CanonicalEncoding.Encode(signed));
        Assert.True(TaskResultSigning.Verify(decoded, key.PublicKey, out var failure), failure);
    }

    [Fact]
    public void SigningMessageIsTheEncodingWithEmptySignature()
    {
        using var key = SigningKey.FromPrivateScalar(Scalar1);
        var signed = TaskResultSigning.Sign(UnsignedBookResult(), key);
        var message = TaskResultSigning.SigningMessage(signed);
        var full = CanonicalEncoding.Encode(signed);

        // The encoding ends with the signature as a byte string: the message is the same bytes with a zero-length string.
        Assert.Equal(full.Length - Signature.Length, message.Length);
        Assert.True(key.PublicKey.Verify("assay/task-result/v1", message, signed.Signature));
    }

    [Fact]
    public void SigningMessageMatchesThePythonGoldenUnsignedResult()
    {
        // golden_objects.csv row task_result (tests/data/compute/generate_golden_objects.py, Python hashlib): a result
        // with an empty signature, so its bytes are the signing message and its hash is the signed digest.
        var row = File.ReadAllLines(TaskFixtures.DataPath("golden_objects.csv")).Skip(1).Select(l => l.Split(',')).Single(r => r[0] == "task_result");
        var golden = CanonicalEncoding.Decode<TaskResult>(Convert.FromHexString(row[1]));
        var withSignature = new TaskResult(golden.TaskId, golden.EngineVersion, golden.ItemCount, golden.Root, golden.Aggregate, golden.NodeAddress, Enumerable.Repeat((byte)0xAB, Signature.Length).ToArray());
        var message = TaskResultSigning.SigningMessage(withSignature);
        Assert.Equal(row[1], Convert.ToHexStringLower(message));
        Assert.Equal(row[2], DomainHash.Compute(TaskResultSigning.Tag, message).ToString());
    }

    [Fact]
    public void SignatureVerifiesWithTheBclOverTheDocumentedDigest()
    {
        using var key = SigningKey.FromPrivateScalar(Scalar2);
        var signed = TaskResultSigning.Sign(UnsignedBookResult(), key);
        var tag = Encoding.ASCII.GetBytes("assay/task-result/v1");
        var digest = SHA256.HashData([(byte)tag.Length, .. tag, .. TaskResultSigning.SigningMessage(signed)]);
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(key.ExportPkcs8Pem());
        Assert.True(ecdsa.VerifyHash(digest, signed.Signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public void OtherKeyFailsOnAddress()
    {
        using var key = SigningKey.FromPrivateScalar(Scalar1);
        using var other = SigningKey.FromPrivateScalar(Scalar2);
        var signed = TaskResultSigning.Sign(UnsignedBookResult(), key);
        Assert.False(TaskResultSigning.Verify(signed, other.PublicKey, out var failure));
        Assert.StartsWith("address:", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ForgedSignatureFails()
    {
        using var key = SigningKey.FromPrivateScalar(Scalar1);
        var signed = TaskResultSigning.Sign(UnsignedBookResult(), key);
        for (var i = 0; i < Signature.Length; i += 7)
        {
            var bytes = signed.Signature.ToArray();
            bytes[i] ^= 0x01;
            var forged = new TaskResult(signed.TaskId, signed.EngineVersion, signed.ItemCount, signed.Root, signed.Aggregate, signed.NodeAddress, bytes);
            Assert.False(TaskResultSigning.Verify(forged, key.PublicKey, out var failure), $"byte {i} flipped still verifies");
            Assert.StartsWith("signature:", failure, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EmptySignatureFails()
    {
        using var key = SigningKey.FromPrivateScalar(Scalar1);
        var signed = TaskResultSigning.Sign(UnsignedBookResult(), key);
        var stripped = new TaskResult(signed.TaskId, signed.EngineVersion, signed.ItemCount, signed.Root, signed.Aggregate, signed.NodeAddress, []);
        Assert.False(TaskResultSigning.Verify(stripped, key.PublicKey, out var failure));
        Assert.StartsWith("signature:", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void SignatureReplayedOnAnotherTaskFails()
    {
        using var key = SigningKey.FromPrivateScalar(Scalar1);
        var first = TaskResultSigning.Sign(UnsignedBookResult(), key);
        var otherSpec = TaskFixtures.PriceBookSpec(uniform: 1);
        Assert.NotEqual(first.TaskId, otherSpec.TaskId);
        var replayed = new TaskResult(otherSpec.TaskId, first.EngineVersion, first.ItemCount, first.Root, first.Aggregate, first.NodeAddress, first.Signature);
        Assert.False(TaskResultSigning.Verify(replayed, key.PublicKey, out var failure));
        Assert.StartsWith("signature:", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AlteredAggregateFails()
    {
        using var key = SigningKey.FromPrivateScalar(Scalar1);
        var signed = TaskResultSigning.Sign(UnsignedBookResult(), key);
        var fields = signed.Aggregate.Names.Select((n, i) => (n, i == 0 ? signed.Aggregate.Values[i] + 0.01 : signed.Aggregate.Values[i])).ToArray();
        var altered = new TaskResult(signed.TaskId, signed.EngineVersion, signed.ItemCount, signed.Root, new TaskAggregate(fields), signed.NodeAddress, signed.Signature);
        Assert.False(TaskResultSigning.Verify(altered, key.PublicKey, out var failure));
        Assert.StartsWith("signature:", failure, StringComparison.Ordinal);
    }

    private static TaskResult UnsignedBookResult() => TaskRunner.Run(TaskFixtures.PriceBookSpec(), TaskFixtures.Node).Result;
}
