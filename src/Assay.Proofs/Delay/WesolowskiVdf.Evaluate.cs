using System.Numerics;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.Delay;

/// <content>Evaluation (T sequential squarings) and proof generation.</content>
public sealed partial class WesolowskiVdf
{
    /// <summary>Default bound on the intermediate group elements kept for the proof (≈ 256 bytes each for RSA-2048).</summary>
    public const int DefaultMaxCheckpoints = 1 << 16;

    private const int MaxWindowBits = 16;
    private const int CancellationCheckInterval = 1 << 12;
    private const int ProgressInterval = 1 << 16;

    /// <summary>Evaluates y = x^(2^T) for x = HashToGroup(seed) and proves it.</summary>
    /// <param name="seed">The seed of the input element.</param>
    /// <param name="delaySquarings">The delay T in sequential squarings.</param>
    /// <param name="progress">Optional: receives the squarings done, every 65 536 squarings and at the end.</param>
    /// <param name="maxCheckpoints">Bound on the stored intermediate elements (memory ≈ 256 B each); a smaller bound costs more proof time.</param>
    /// <param name="cancellationToken">Checked every 4096 squarings.</param>
    /// <remarks>
    /// Proof: with blocks of κ bits, ⌊2^T/ℓ⌋ = Σ_j d_j 2^(κj) where d_j = ⌊2^κ (2^(T−κ(j+1)) mod ℓ) / ℓ⌋, so
    /// π = Π_j (x^(2^(κj)))^(d_j); the powers x^(2^(κγi)) are kept during evaluation and the product is formed by
    /// grouping equal digits (Wesolowski 2019 §4.1, with the memory parameter γ), about T/κ + γ·2^(κ+1) + κγ
    /// multiplications instead of T. κ and γ are chosen from T and <paramref name="maxCheckpoints"/>; the proof bits do
    /// not depend on them.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The delay or the checkpoint bound is out of range.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public VdfProof Evaluate(
        Hash256 seed,
        long delaySquarings,
        IProgress<VdfProgress>? progress = null,
        int maxCheckpoints = DefaultMaxCheckpoints,
        CancellationToken cancellationToken = default)
    {
        if (!IsValidDelay(delaySquarings))
        {
            ThrowDelayOutOfRange(delaySquarings);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxCheckpoints, 1);
        var (window, groups) = ChooseWindow(delaySquarings, maxCheckpoints);
        var blockCount = delaySquarings / window;
        var stride = (long)window * groups;
        var checkpoints = new ulong[(int)((blockCount + groups - 1) / groups)][];

        // Squarings run in Montgomery form on 64-bit limbs, in place: no allocation per squaring.
        var x = HashToGroup(seed);
        var v = _domain.NewElement();
        _domain.ToMontgomery(x, v);
        var stored = 0;
        for (long t = 0; t < delaySquarings; t++)
        {
            if (t % stride == 0 && stored < checkpoints.Length)
            {
                checkpoints[stored++] = (ulong[])v.Clone();
            }

            _domain.Multiply(v, v, v);
            if ((t & (CancellationCheckInterval - 1)) == CancellationCheckInterval - 1)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (progress is not null && ((t + 1) & (ProgressInterval - 1)) == 0)
                {
                    progress.Report(new VdfProgress(t + 1, delaySquarings));
                }
            }
        }

        var y = Canonical(_domain.FromMontgomery(v));
        progress?.Report(new VdfProgress(delaySquarings, delaySquarings));
        var ell = DeriveChallengePrime(delaySquarings, x, y);
        var pi = Prove(checkpoints, delaySquarings, ell, window, groups, blockCount, cancellationToken);
        return new VdfProof(seed, delaySquarings, y, Canonical(pi));
    }

    /// <summary>Picks the digit width κ and the number of digit groups γ minimising T/κ + γ·2^(κ+1) + κγ under the memory bound.</summary>
    internal static (int Window, int Groups) ChooseWindow(long delaySquarings, int maxCheckpoints)
    {
        var best = (Window: 1, Groups: 1);
        var bestCost = double.MaxValue;
        for (var window = 1; window <= MaxWindowBits; window++)
        {
            var blocks = delaySquarings / window;
            var groups = Math.Max(1, (blocks + maxCheckpoints - 1) / maxCheckpoints);
            var cost = blocks + (groups * (double)(2L << window)) + ((double)window * groups);
            if (cost < bestCost)
            {
                bestCost = cost;
                best = (window, (int)Math.Min(groups, int.MaxValue));
            }
        }

        return best;
    }

    private BigInteger Prove(ulong[][] checkpoints, long delaySquarings, BigInteger ell, int window, int groups, long blockCount, CancellationToken cancellationToken)
    {
        // All products in Montgomery form; a bucket is empty while its flag is false.
        var buckets = new ulong[1 << window][];
        var filled = new bool[buckets.Length];
        var stepFactor = BigInteger.ModPow(2, (long)window * groups, ell);
        var result = _domain.NewElement();
        _domain.ToMontgomery(BigInteger.One, result);
        var suffix = _domain.NewElement();
        var groupProduct = _domain.NewElement();
        for (var m = groups - 1; m >= 0; m--)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Horner step over the groups: result ← result^(2^κ) · P_m.
            if (m < groups - 1)
            {
                for (var k = 0; k < window; k++)
                {
                    _domain.Multiply(result, result, result);
                }
            }

            if (m >= blockCount)
            {
                continue;
            }

            Array.Clear(filled);
            var iMax = (blockCount - 1 - m) / groups;

            // r = 2^(T − κ(γi + m + 1)) mod ℓ, walked from the largest i down so each step multiplies by 2^(κγ).
            var r = BigInteger.ModPow(2, delaySquarings - ((long)window * ((groups * iMax) + m + 1)), ell);
            for (var i = iMax; i >= 0; i--)
            {
                var digit = (int)((r << window) / ell);
                if (digit != 0)
                {
                    var c = checkpoints[i];
                    if (filled[digit])
                    {
                        _domain.Multiply(buckets[digit], c, buckets[digit]);
                    }
                    else
                    {
                        buckets[digit] ??= _domain.NewElement();
                        c.CopyTo(buckets[digit], 0);
                        filled[digit] = true;
                    }
                }

                r = r * stepFactor % ell;
                if ((i & (CancellationCheckInterval - 1)) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            // Π_d B_d^d as a running product of suffix products: Σ_d d·B_d = Σ_d Σ_{e ≥ d} B_e.
            var started = false;
            _domain.ToMontgomery(BigInteger.One, groupProduct);
            for (var d = buckets.Length - 1; d >= 1; d--)
            {
                if (filled[d])
                {
                    if (started)
                    {
                        _domain.Multiply(suffix, buckets[d], suffix);
                    }
                    else
                    {
                        buckets[d].CopyTo(suffix, 0);
                        started = true;
                    }
                }

                if (started)
                {
                    _domain.Multiply(groupProduct, suffix, groupProduct);
                }
            }

            _domain.Multiply(result, groupProduct, result);
        }

        return _domain.FromMontgomery(result);
    }
}
