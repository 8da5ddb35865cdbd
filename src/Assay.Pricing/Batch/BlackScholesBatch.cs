using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Batch;

/// <summary>Black–Scholes–Merton prices and Greeks for arrays of options, vectorised and spread over cores.</summary>
/// <remarks>
/// <para>
/// The arrays are cut into chunks of <see cref="ChunkLength"/> options whatever the thread count; each chunk
/// runs the SIMD kernel (<c>Vector512</c> where accelerated, else <c>Vector256</c>) over whole vectors and the
/// scalar kernel over its tail. The kernels are one generic code path with the same IEEE-754 operation
/// sequence in every lane, so item i gets exactly the bits of <see cref="BlackScholesMerton.Greeks"/> for the
/// same inputs, for any thread count and vector width. No reduction crosses items.
/// </para>
/// <para>
/// All inputs are validated before anything is written: on error nothing in the output changes and the
/// <see cref="PricingInputException"/> names the first bad item ("item 17: sigma must be …") and its field.
/// </para>
/// </remarks>
public static class BlackScholesBatch
{
    /// <summary>Number of options per unit of parallel work; fixed so that the partition never depends on the thread count.</summary>
    public const int ChunkLength = 1024;

    /// <summary>Prices every option of <paramref name="input"/> and writes price and Greeks to <paramref name="output"/>.</summary>
    /// <param name="input">The options, one array per field.</param>
    /// <param name="output">Arrays of the same length as the input; optional Greeks are skipped when their array is empty.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use: a positive count, or −1 for all cores.</param>
    /// <param name="vectorWidth">Kernel to run; all give the same bits (<see cref="BatchVectorWidth.Auto"/> is fastest).</param>
    /// <exception cref="PricingInputException">An input item is out of range; the message gives its index.</exception>
    /// <exception cref="ArgumentException">An output array has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static void Evaluate(
        BlackScholesBatchInput input,
        BlackScholesBatchOutput output,
        int maxDegreeOfParallelism,
        BatchVectorWidth vectorWidth = BatchVectorWidth.Auto)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use a positive thread count or -1 for all cores.");
        }

        var count = input.Count;
        RequireLength(output.Price, count, nameof(output.Price), optional: false);
        RequireLength(output.Delta, count, nameof(output.Delta), optional: false);
        RequireLength(output.Gamma, count, nameof(output.Gamma), optional: false);
        RequireLength(output.Vega, count, nameof(output.Vega), optional: false);
        RequireLength(output.Theta, count, nameof(output.Theta), optional: false);
        RequireLength(output.Rho, count, nameof(output.Rho), optional: false);
        RequireLength(output.DividendRho, count, nameof(output.DividendRho), optional: true);
        RequireLength(output.Vanna, count, nameof(output.Vanna), optional: true);
        RequireLength(output.Volga, count, nameof(output.Volga), optional: true);
        RequireLength(output.Charm, count, nameof(output.Charm), optional: true);
        ValidateItems(input);

        var width = BatchVectorWidths.Resolve(vectorWidth);
        var chunkCount = (count + ChunkLength - 1) / ChunkLength;
        if (maxDegreeOfParallelism == 1 || chunkCount <= 1)
        {
            for (var chunk = 0; chunk < chunkCount; chunk++)
            {
                EvaluateChunk(width, input, output, chunk);
            }

            return;
        }

        Parallel.For(
            0,
            chunkCount,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            chunk => EvaluateChunk(width, input, output, chunk));
    }

    private static void EvaluateChunk(BatchVectorWidth width, BlackScholesBatchInput input, BlackScholesBatchOutput output, int chunk)
    {
        // Dividend rho, vanna, volga and charm are formed only when one of their outputs is requested; the choice is a
        // type argument, so the kernel without them has none of their instructions (the other outputs keep their bits).
        if (output.DividendRho.IsEmpty && output.Vanna.IsEmpty && output.Volga.IsEmpty && output.Charm.IsEmpty)
        {
            EvaluateChunk<BlackScholesGreekSets.Core>(width, input, output, chunk);
        }
        else
        {
            EvaluateChunk<BlackScholesGreekSets.All>(width, input, output, chunk);
        }
    }

    private static void EvaluateChunk<TGreeks>(BatchVectorWidth width, BlackScholesBatchInput input, BlackScholesBatchOutput output, int chunk)
        where TGreeks : struct, IBlackScholesGreekSet
    {
        var start = chunk * ChunkLength;
        var end = Math.Min(start + ChunkLength, input.Count);
        switch (width)
        {
            case BatchVectorWidth.Vector512:
                EvaluateRange<Vector512Lane, Vector512<double>, TGreeks>(input, output, start, end);
                break;
            case BatchVectorWidth.Vector256:
                EvaluateRange<Vector256Lane, Vector256<double>, TGreeks>(input, output, start, end);
                break;
            default:
                EvaluateRange<ScalarLane, bool, TGreeks>(input, output, start, end);
                break;
        }
    }

    private static void EvaluateRange<TLane, TMask, TGreeks>(BlackScholesBatchInput input, BlackScholesBatchOutput output, int start, int end)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
        where TGreeks : struct, IBlackScholesGreekSet
    {
        var types = MemoryMarshal.Cast<OptionType, int>(input.Types.Span);
        var spot = input.Spot.Span;
        var strike = input.Strike.Span;
        var expiry = input.ExpiryYears.Span;
        var rate = input.Rate.Span;
        var dividend = input.DividendYield.Span;
        var vol = input.Volatility.Span;
        var price = output.Price.Span;
        var delta = output.Delta.Span;
        var gamma = output.Gamma.Span;
        var vega = output.Vega.Span;
        var theta = output.Theta.Span;
        var rho = output.Rho.Span;
        var dividendRho = output.DividendRho.Span;
        var vanna = output.Vanna.Span;
        var volga = output.Volga.Span;
        var charm = output.Charm.Span;

        var i = start;
        for (; i <= end - TLane.Width; i += TLane.Width)
        {
            var g = BlackScholesKernel.Evaluate<TLane, TMask, TGreeks>(
                TLane.IsZero(types, i),
                TLane.Load(spot, i),
                TLane.Load(strike, i),
                TLane.Load(expiry, i),
                TLane.Load(rate, i),
                TLane.Load(dividend, i),
                TLane.Load(vol, i));
            Store<TLane, TMask>(g, i, price, delta, gamma, vega, theta, rho, dividendRho, vanna, volga, charm);
        }

        for (; i < end; i++)
        {
            var g = BlackScholesKernel.Evaluate<ScalarLane, bool, TGreeks>(
                ScalarLane.IsZero(types, i), spot[i], strike[i], expiry[i], rate[i], dividend[i], vol[i]);
            Store<ScalarLane, bool>(g, i, price, delta, gamma, vega, theta, rho, dividendRho, vanna, volga, charm);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TLane, TMask>(
        in BlackScholesLaneGreeks<TLane> g,
        int index,
        Span<double> price,
        Span<double> delta,
        Span<double> gamma,
        Span<double> vega,
        Span<double> theta,
        Span<double> rho,
        Span<double> dividendRho,
        Span<double> vanna,
        Span<double> volga,
        Span<double> charm)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        TLane.Store(g.Price, price, index);
        TLane.Store(g.Delta, delta, index);
        TLane.Store(g.Gamma, gamma, index);
        TLane.Store(g.Vega, vega, index);
        TLane.Store(g.Theta, theta, index);
        TLane.Store(g.Rho, rho, index);
        if (!dividendRho.IsEmpty)
        {
            TLane.Store(g.DividendRho, dividendRho, index);
        }

        if (!vanna.IsEmpty)
        {
            TLane.Store(g.Vanna, vanna, index);
        }

        if (!volga.IsEmpty)
        {
            TLane.Store(g.Volga, volga, index);
        }

        if (!charm.IsEmpty)
        {
            TLane.Store(g.Charm, charm, index);
        }
    }

    private static void ValidateItems(BlackScholesBatchInput input)
    {
        var types = input.Types.Span;
        var spot = input.Spot.Span;
        var strike = input.Strike.Span;
        var expiry = input.ExpiryYears.Span;
        var rate = input.Rate.Span;
        var dividend = input.DividendYield.Span;
        var vol = input.Volatility.Span;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Four items per compare; a block with any bad item falls through to the per-item loop below,
            // which then stops at the first bad item of that block (earlier blocks all passed).
            var codes = MemoryMarshal.Cast<OptionType, int>(types);
            var maxCode = Vector128.Create((int)OptionType.Put);
            for (; i <= types.Length - 4; i += 4)
            {
                var typeOk = Vector128.LessThanOrEqual(Vector128.Create(codes.Slice(i, 4)).AsUInt32(), maxCode.AsUInt32());
                var ok = PositiveFinite(spot, i) & PositiveFinite(strike, i) & PositiveFinite(expiry, i) & PositiveFinite(vol, i)
                    & Finite(rate, i) & Finite(dividend, i);
                if (!typeOk.Equals(Vector128<uint>.AllBitsSet) || !ok.Equals(Vector256<double>.AllBitsSet))
                {
                    break;
                }
            }
        }

        for (; i < types.Length; i++)
        {
            // The same conditions as BlackScholesParameters.Validate, inlined; the slow path rebuilds its message.
            if (types[i] is not (OptionType.Call or OptionType.Put)
                || !IsPositiveFinite(spot[i])
                || !IsPositiveFinite(strike[i])
                || !IsPositiveFinite(expiry[i])
                || !double.IsFinite(rate[i])
                || !double.IsFinite(dividend[i])
                || !IsPositiveFinite(vol[i]))
            {
                ThrowItemInvalid(input, i);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> PositiveFinite(ReadOnlySpan<double> values, int index)
    {
        var value = Vector256.Create(values.Slice(index, 4));
        return Vector256.GreaterThan(value, Vector256<double>.Zero)
            & Vector256.LessThan(value, Vector256.Create(double.PositiveInfinity));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Finite(ReadOnlySpan<double> values, int index) =>
        Vector256.LessThan(Vector256.Abs(Vector256.Create(values.Slice(index, 4))), Vector256.Create(double.PositiveInfinity));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPositiveFinite(double value) => value > 0 && value < double.PositiveInfinity;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowItemInvalid(BlackScholesBatchInput input, int index)
    {
        try
        {
            input[index].Validate();
        }
        catch (PricingInputException e)
        {
            throw new PricingInputException(e.Field, string.Create(CultureInfo.InvariantCulture, $"item {index}: {e.Message}"));
        }

        throw new InvalidOperationException($"Item {index} failed the batch check but passed BlackScholesParameters.Validate.");
    }

    private static void RequireLength(Memory<double> values, int count, string name, bool optional)
    {
        if (values.Length != count && !(optional && values.IsEmpty))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Output {name} has {values.Length} items; the input has {count}."), name);
        }
    }
}
