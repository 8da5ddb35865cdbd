using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Transactions;

/// <summary>A signed transaction: the sender's public key, a nonce, a body, and a P-256 signature over the tagged hash of the payload.</summary>
/// <remarks>
/// <para>Payload = public key (33-byte string) ‖ u64 nonce ‖ u8 kind ‖ body. The signature is ECDSA P-256 (low S,
/// r ‖ s) over <see cref="PayloadDigest"/> = DomainHash("assay/ledger-tx-payload/v1", payload). Canonical body (format 1,
/// tag <see cref="LedgerTypeTags.SignedTransaction"/>) = payload ‖ signature (64-byte string); the transaction hash is
/// DomainHash("assay/ledger-tx/v1", header ‖ body).</para>
/// <para>The key travels in every transaction so the signature can be checked without state (in parallel, before
/// execution); the ledger then checks that the key's address is the sender and records the key on the account.</para>
/// </remarks>
public sealed class SignedTransaction : ICanonicalEncodable<SignedTransaction>
{
    /// <summary>Domain tag of the signed payload digest.</summary>
    public const string PayloadTag = "assay/ledger-tx-payload/v1";

    private int _signatureState;
    private Hash256? _hash;

    /// <summary>Creates a transaction from its parts (the signature is checked by <see cref="VerifySignature"/>, not here).</summary>
    public SignedTransaction(PublicKey senderKey, ulong nonce, TransactionBody body, Signature signature)
    {
        ArgumentNullException.ThrowIfNull(senderKey);
        ArgumentNullException.ThrowIfNull(body);
        SenderKey = senderKey;
        Sender = senderKey.Address;
        Nonce = nonce;
        Body = body;
        Signature = signature;
    }

    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => LedgerTypeTags.SignedTransaction;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 1;

    /// <summary>Domain tag of the transaction hash.</summary>
    public static string HashTag => "assay/ledger-tx/v1";

    /// <summary>The sender's public key.</summary>
    public PublicKey SenderKey { get; }

    /// <summary>The sender's address (from the key).</summary>
    public Address Sender { get; }

    /// <summary>The sender's nonce for this transaction (must equal the account's next nonce).</summary>
    public ulong Nonce { get; }

    /// <summary>What the transaction asks for.</summary>
    public TransactionBody Body { get; }

    /// <summary>The signature over <see cref="PayloadDigest"/>.</summary>
    public Signature Signature { get; }

    /// <summary>The transaction hash.</summary>
    public Hash256 Hash => _hash ??= CanonicalEncoding.Hash(this);

    /// <summary>The digest the sender signs.</summary>
    public Hash256 PayloadDigest => ComputePayloadDigest(SenderKey, Nonce, Body);

    /// <summary>Signs a body with <paramref name="key"/>.</summary>
    public static SignedTransaction Sign(SigningKey key, ulong nonce, TransactionBody body)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signature = key.SignDigest(ComputePayloadDigest(key.PublicKey, nonce, body));
        return new SignedTransaction(key.PublicKey, nonce, body, signature);
    }

    /// <summary>The digest of (key, nonce, body) as defined in the remarks.</summary>
    public static Hash256 ComputePayloadDigest(PublicKey key, ulong nonce, TransactionBody body)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(body);
        var writer = new CanonicalWriter();
        WritePayload(writer, key, nonce, body);
        return DomainHash.Compute(PayloadTag, writer.WrittenSpan);
    }

    /// <summary>Whether the signature verifies; computed once and cached (safe to call from several threads).</summary>
    public bool VerifySignature()
    {
        var state = Volatile.Read(ref _signatureState);
        if (state == 0)
        {
            state = Signature.IsCanonical && SenderKey.VerifyDigest(PayloadDigest, Signature) ? 1 : 2;
            Volatile.Write(ref _signatureState, state);
        }

        return state == 1;
    }

    /// <summary>Reads and validates a body.</summary>
    public static SignedTransaction ReadBody(ref CanonicalReader reader)
    {
        var start = reader.Position;
        if (!PublicKey.TryDecode(reader.ReadBytes(PublicKey.EncodedLength), out var key))
        {
            CanonicalReader.Fail(start, "a 33-byte compressed P-256 public key");
        }

        var nonce = reader.ReadUInt64();
        var kind = (TransactionKind)reader.ReadByte();
        var body = TransactionBody.Read(kind, ref reader);
        start = reader.Position;
        if (!Signature.TryDecode(reader.ReadBytes(Signature.Length), out var signature))
        {
            CanonicalReader.Fail(start, "a 64-byte low-S P-256 signature");
        }

        return new SignedTransaction(key!, nonce, body, signature);
    }

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WritePayload(writer, SenderKey, Nonce, Body);
        Span<byte> signature = stackalloc byte[Signature.Length];
        Signature.WriteTo(signature);
        writer.WriteBytes(signature, Signature.Length);
    }

    private static void WritePayload(CanonicalWriter writer, PublicKey key, ulong nonce, TransactionBody body)
    {
        Span<byte> keyBytes = stackalloc byte[PublicKey.EncodedLength];
        key.WriteTo(keyBytes);
        writer.WriteBytes(keyBytes, PublicKey.EncodedLength);
        writer.WriteUInt64(nonce);
        writer.WriteByte((byte)body.Kind);
        body.Write(writer);
    }
}
