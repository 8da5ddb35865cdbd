using Assay.Compute.Tasks;
using Assay.Proofs.Canonical;
using Assay.Proofs.Signatures;

namespace Assay.Compute;

/// <summary>Signs a <see cref="TaskResult"/> with a node's key and checks such a signature.</summary>
/// <remarks>
/// <para>The signed message is the canonical encoding of the result with the node address set to the signer's
/// <see cref="Address"/> and the signature field empty; the signature is ECDSA P-256 (low S, 64 bytes r ‖ s) over
/// DomainHash(<see cref="TaskResult.HashTag"/> = "assay/task-result/v1", that encoding). The message includes the task
/// id, the root and the aggregate, so a signature cannot be moved to another task's result or to altered numbers.</para>
/// <para>The public key travels alongside the result (the result holds only the 20-byte address); verification checks
/// that the key's address equals the result's node address and that the signature verifies under that key.</para>
/// </remarks>
public static class TaskResultSigning
{
    /// <summary>The domain tag of the signed digest.</summary>
    public static string Tag => TaskResult.HashTag;

    /// <summary>The bytes a node signs: the canonical encoding of <paramref name="result"/> with an empty signature.</summary>
    public static byte[] SigningMessage(TaskResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return CanonicalEncoding.Encode(WithSignature(result, result.NodeAddress, []));
    }

    /// <summary>A copy of <paramref name="result"/> carrying <paramref name="key"/>'s address and its signature.</summary>
    public static TaskResult Sign(TaskResult result, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(key);
        var address = key.Address.ToArray();
        var unsigned = WithSignature(result, address, []);
        var signature = key.Sign(Tag, CanonicalEncoding.Encode(unsigned));
        return WithSignature(result, address, signature.Encode());
    }

    /// <summary>Whether <paramref name="result"/> is signed by <paramref name="publicKey"/>; on failure, <paramref name="failure"/> says which check failed.</summary>
    /// <remarks>Checks, in order: the key's address equals the result's node address ("address"), the signature is a
    /// canonical 64-byte low-S signature ("signature"), and it verifies over <see cref="SigningMessage"/> ("signature"). Never throws on untrusted input.</remarks>
    public static bool Verify(TaskResult result, PublicKey publicKey, out string failure)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(publicKey);
        var address = publicKey.Address.ToArray();
        if (!result.NodeAddress.SequenceEqual(address))
        {
            failure = $"address: the public key's address is {publicKey.Address}; the result's node is asy{Convert.ToHexStringLower(result.NodeAddress)}.";
            return false;
        }

        if (!Signature.TryDecode(result.Signature, out var signature))
        {
            failure = $"signature: not a canonical 64-byte low-S P-256 signature ({result.Signature.Length} bytes).";
            return false;
        }

        if (!publicKey.Verify(Tag, SigningMessage(result), signature))
        {
            failure = "signature: does not verify over the result under the node's public key.";
            return false;
        }

        failure = string.Empty;
        return true;
    }

    private static TaskResult WithSignature(TaskResult result, ReadOnlySpan<byte> address, ReadOnlySpan<byte> signature) =>
        new(result.TaskId, result.EngineVersion, result.ItemCount, result.Root, result.Aggregate, address, signature);
}
