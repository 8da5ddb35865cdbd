using System.Collections.Concurrent;

namespace Assay.Proofs.Signatures;

/// <summary>A bounded process-wide cache of decoded public keys keyed by their 33-byte compressed encoding, so that a key seen again skips the square root and keeps its imported verifier.</summary>
/// <remarks>A <see cref="PublicKey"/> is immutable and equal keys behave identically, so sharing one instance changes no
/// result; only the cost. The cache is emptied when it reaches <see cref="Capacity"/> entries (no eviction order to
/// depend on). Keys sharing an instance also share its verifier lock, so verifications under one key are serialised.</remarks>
internal static class PublicKeyCache
{
    /// <summary>Most keys held.</summary>
    public const int Capacity = 4096;

    private static readonly ConcurrentDictionary<string, PublicKey> Keys = new(StringComparer.Ordinal);

    /// <summary>The cached key with this encoding, if any.</summary>
    public static bool TryGet(ReadOnlySpan<byte> encoded, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PublicKey? key) =>
        Keys.TryGetValue(Convert.ToBase64String(encoded), out key);

    /// <summary>Remembers a decoded key (empties the cache first when it is full).</summary>
    public static void Add(ReadOnlySpan<byte> encoded, PublicKey key)
    {
        if (Keys.Count >= Capacity)
        {
            Keys.Clear();
        }

        Keys.TryAdd(Convert.ToBase64String(encoded), key);
    }
}
