using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Assay.Numerics;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Volatility;

/// <content>Batch implied volatility: the scalar solve staged over chunks of quotes so that independent quotes overlap.</content>
public static partial class ImpliedVolatility
{
    /// <summary>Quotes per stage; the per-quote state (28 rows of doubles, 4 of ints, the item lists) lives on the stack, ≈ 32 KB at 128.</summary>
    private const int BatchChunk = 128;

    /// <summary>Solves for the Black–Scholes–Merton volatility of every quote; result i is bit-identical to <see cref="Calculate(in ImpliedVolatilityParameters)"/> of quote i.</summary>
    /// <param name="parameters">The quotes; see <see cref="ImpliedVolatilityParameters"/>.</param>
    /// <param name="results">Receives one result per quote; at least as long as <paramref name="parameters"/>.</param>
    /// <remarks>
    /// The solve is the scalar one, split into stages (reduction, inflection point, initial guess, refinement) that
    /// each run over a chunk of quotes: a single solve is a chain of dependent kernel calls, and interleaving
    /// independent quotes lets the processor overlap them. Every quote sees the same operations in the same order
    /// as in the scalar call, so the results are identical bit for bit. Nothing allocates.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="parameters"/>.</exception>
    /// <exception cref="PricingInputException">
    /// A quote's input is not finite or out of range (the message names the field). Results of the quotes before it
    /// may or may not have been written; those after it are untouched.
    /// </exception>
    public static void Calculate(ReadOnlySpan<ImpliedVolatilityParameters> parameters, Span<ImpliedVolatilityResult> results)
    {
        if (results.Length < parameters.Length)
        {
            throw new ArgumentException("results must be at least as long as parameters", nameof(results));
        }

        if (parameters.Length < 4)
        {
            // No group of four to vectorise: the scalar solve (the same bits) without the ≈ 32 KB of chunk buffers,
            // which the runtime zeroes on every call.
            CalculateEach(parameters, results);
            return;
        }

        Span<double> state = stackalloc double[Field.Count * BatchChunk];
        Span<int> ints = stackalloc int[IntField.Count * BatchChunk];
        Span<int> scratch = stackalloc int[BatchChunk];
        Span<int> activeItems = stackalloc int[BatchChunk];
        Span<int> branchItems = stackalloc int[2 * BatchChunk];
        for (var start = 0; start < parameters.Length; start += BatchChunk)
        {
            var end = Math.Min(start + BatchChunk, parameters.Length);
            var count = 0;

            // Discounting, ln(DF/DK) and the reduction four lanes at a time (the lane-wise kernels are bit-identical to
            // the scalar ones, and the reduction's + − × ÷ √, min, max and selections are those of TryReduce). A group of
            // four with any quote that is unusable, at or outside a bound, or without time value goes through the scalar
            // checks, in quote order, so the exceptions and statuses are the scalar ones.
            var i4 = start;
            for (; i4 + 4 <= end; i4 += 4)
            {
                ref readonly var p0 = ref parameters[i4];
                ref readonly var p1 = ref parameters[i4 + 1];
                ref readonly var p2 = ref parameters[i4 + 2];
                ref readonly var p3 = ref parameters[i4 + 3];
                var spot = Vector256.Create(p0.Spot, p1.Spot, p2.Spot, p3.Spot);
                var strike = Vector256.Create(p0.Strike, p1.Strike, p2.Strike, p3.Strike);
                var expiry = Vector256.Create(p0.ExpiryYears, p1.ExpiryYears, p2.ExpiryYears, p3.ExpiryYears);
                var rate = Vector256.Create(p0.Rate, p1.Rate, p2.Rate, p3.Rate);
                var dividendYield = Vector256.Create(p0.DividendYield, p1.DividendYield, p2.DividendYield, p3.DividendYield);
                var price = Vector256.Create(p0.Price, p1.Price, p2.Price, p3.Price);
                if (!InputsValid(spot, strike, expiry, rate, dividendYield, price))
                {
                    // Quote by quote, each checked and reduced before the next, so that the first bad quote of the
                    // group is the one reported, whichever of its checks (input guard or discounting) fails.
                    for (var lane = 0; lane < 4; lane++)
                    {
                        GuardAndReduce(parameters, results, state, ints, ref count, i4 + lane);
                    }

                    continue;
                }

                var dividendDiscount = DMath.Exp(-dividendYield * expiry);
                var rateDiscount = DMath.Exp(-rate * expiry);
                var forwards = spot * dividendDiscount;
                var strikes = strike * rateDiscount;
                var logs = DMath.Log(forwards / strikes);

                var zero = Vector256<double>.Zero;
                var isCall = Vector256.Create(
                    p0.Type == OptionType.Call ? -1L : 0L, p1.Type == OptionType.Call ? -1L : 0L, p2.Type == OptionType.Call ? -1L : 0L, p3.Type == OptionType.Call ? -1L : 0L).AsDouble();
                var intrinsic = Vector256.ConditionalSelect(isCall, Vector256.Max(forwards - strikes, zero), Vector256.Max(strikes - forwards, zero));
                var upper = Vector256.ConditionalSelect(isCall, forwards, strikes);
                var rootForward = Vector256.Sqrt(forwards);
                var rootStrike = Vector256.Sqrt(strikes);
                var normaliser = rootForward * rootStrike;
                var beta = (price - intrinsic) / normaliser;
                var betaComplement = (upper - price) / normaliser;
                var bMax = Vector256.Min(rootForward, rootStrike) / Vector256.Max(rootForward, rootStrike);
                var x = -Vector256.Abs(logs);
                var maximum = Vector256.Create(double.MaxValue);
                var ready = Vector256.GreaterThan(forwards, zero) & Vector256.LessThanOrEqual(forwards, maximum)
                    & Vector256.GreaterThan(strikes, zero) & Vector256.LessThanOrEqual(strikes, maximum)
                    & Vector256.GreaterThan(price, intrinsic) & Vector256.LessThan(price, upper) & Vector256.GreaterThan(beta, zero);
                if (ready.ExtractMostSignificantBits() == 0b1111)
                {
                    Store(state, Field.Beta, count, beta);
                    Store(state, Field.X, count, x);
                    Store(state, Field.BMax, count, bMax);
                    Store(state, Field.BetaComplement, count, betaComplement);
                    Store(state, Field.Intrinsic, count, intrinsic);
                    Store(state, Field.Upper, count, upper);
                    Store(state, Field.Expiry, count, expiry);
                    Vector128.Create(i4, i4 + 1, i4 + 2, i4 + 3).StoreUnsafe(ref Cell(ints, IntField.Index, count));
                    count += 4;
                }
                else
                {
                    for (var lane = 0; lane < 4; lane++)
                    {
                        Reduce(parameters, results, state, ints, ref count, i4 + lane, forwards.GetElement(lane), strikes.GetElement(lane), logs.GetElement(lane));
                    }
                }
            }

            for (; i4 < end; i4++)
            {
                GuardAndReduce(parameters, results, state, ints, ref count, i4);
            }

            if (count == 0)
            {
                continue;
            }

            // Pad to a multiple of four with copies of the last item, so that every stage over the chunk runs whole
            // vectors; a copy computes the same values into its own cells and is never written out.
            var padded = (count + 3) & ~3;
            for (var k = count; k < padded; k++)
            {
                for (var field = Field.Beta; field <= Field.Upper; field++)
                {
                    Cell(state, field, k) = Cell(state, field, count - 1);
                }
            }

            InflectionPoints(state, padded);

            // The guess evaluates b once, at s_l or s_u (set by InflectionPoints): four lanes at a time.
            EvaluateAtNodes(state, padded, scratch);
            GuessBranches(state, ints, padded, branchItems, out var lowerCount, branchItems[BatchChunk..], out var upperCount);
            MiddleGuesses(state, padded);
            OuterGuesses(state, branchItems[..lowerCount], branchItems.Slice(BatchChunk, upperCount));

            // The first refinement step in order, then the rest of it scalar for the quotes it leaves there; the second
            // step over the list of quotes still unfinished, the same way; the (rare) rest continue alone.
            FirstRound(state, ints, padded, activeItems, out var remaining, scratch, out var scalarCount, branchItems);
            for (var j = 0; j < scalarCount; j++)
            {
                if (!RefineFromClosing(state, ints, scratch[j]))
                {
                    activeItems[remaining++] = scratch[j];
                }
            }

            var active = activeItems[..remaining];
            if (active.Length > 0)
            {
                EvaluateGroups(state, active, Field.S);
                ClosingSteps(state, ints, active, scratch);
                remaining = 0;
                for (var j = 0; j < active.Length; j++)
                {
                    var k = active[j];
                    var closing = (ClosingGiven)Cell(ints, IntField.Closing, k);
                    if (closing == ClosingGiven.Finished)
                    {
                        continue;
                    }

                    if (closing == ClosingGiven.Stepped || !RefineFromClosing(state, ints, k))
                    {
                        active[remaining++] = k;
                    }
                }

                active = active[..remaining];
            }

            foreach (var k in active)
            {
                var x = Cell(state, Field.X, k);
                ref var s = ref Cell(state, Field.S, k);
                while (true)
                {
                    var b = NormalisedBlack.OutOfTheMoneyCall(x, s, out var vega);
                    if (RefineStep(
                        (Branch)Cell(ints, IntField.Branch, k),
                        Cell(state, Field.Beta, k),
                        x,
                        Cell(state, Field.BetaComplement, k),
                        ref s,
                        ref Cell(state, Field.SLeft, k),
                        ref Cell(state, Field.SRight, k),
                        b,
                        vega,
                        ClosingGiven.None,
                        s,
                        ref Cell(ints, IntField.Iterations, k)))
                    {
                        break;
                    }
                }
            }

            // σ = s/√T four lanes at a time (√ and ÷ are correctly rounded either way).
            var r = 0;
            for (; r + 4 <= count; r += 4)
            {
                var n0 = Cell(ints, IntField.Index, r);
                var n1 = Cell(ints, IntField.Index, r + 1);
                var n2 = Cell(ints, IntField.Index, r + 2);
                var n3 = Cell(ints, IntField.Index, r + 3);
                var volatility = Load(state, Field.S, r) / Vector256.Sqrt(Load(state, Field.Expiry, r));
                WriteSolved(results, state, ints, r, n0, volatility.GetElement(0));
                WriteSolved(results, state, ints, r + 1, n1, volatility.GetElement(1));
                WriteSolved(results, state, ints, r + 2, n2, volatility.GetElement(2));
                WriteSolved(results, state, ints, r + 3, n3, volatility.GetElement(3));
            }

            for (; r < count; r++)
            {
                var n = Cell(ints, IntField.Index, r);
                WriteSolved(results, state, ints, r, n, Cell(state, Field.S, r) / Math.Sqrt(Cell(state, Field.Expiry, r)));
            }
        }
    }

    /// <summary>Whether four quotes pass the input guards of <see cref="GuardInputs"/> (S, K, T finite and &gt; 0; r, q, price finite).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool InputsValid(
        Vector256<double> spot, Vector256<double> strike, Vector256<double> expiry, Vector256<double> rate, Vector256<double> dividendYield, Vector256<double> price)
    {
        // NaN fails every ordered comparison, as in the scalar guards.
        var zero = Vector256<double>.Zero;
        var infinity = Vector256.Create(double.PositiveInfinity);
        var ok = Vector256.GreaterThan(spot, zero) & Vector256.LessThan(spot, infinity)
            & Vector256.GreaterThan(strike, zero) & Vector256.LessThan(strike, infinity)
            & Vector256.GreaterThan(expiry, zero) & Vector256.LessThan(expiry, infinity)
            & Vector256.LessThan(Vector256.Abs(rate), infinity)
            & Vector256.LessThan(Vector256.Abs(dividendYield), infinity)
            & Vector256.LessThan(Vector256.Abs(price), infinity);
        return ok.ExtractMostSignificantBits() == 0b1111;
    }

    /// <summary>The input guards of one quote, used by the scalar solve and by the batch for a group that fails the vector check (the first failing field throws).</summary>
    private static void GuardInputs(in ImpliedVolatilityParameters p)
    {
        InputGuard.Positive(p.Spot, "S");
        InputGuard.Positive(p.Strike, "K");
        InputGuard.Positive(p.ExpiryYears, "T");
        InputGuard.Finite(p.Rate, "r");
        InputGuard.Finite(p.DividendYield, "q");
        InputGuard.Finite(p.Price, "price");
    }

    /// <summary>The rest of a refinement step of item <paramref name="k"/> (<see cref="RefineStep"/>) from b and its vega at s and the closing step's outcome in the Closing row; true when s is final.</summary>
    private static bool RefineFromClosing(Span<double> state, Span<int> ints, int k) =>
        RefineStep(
            (Branch)Cell(ints, IntField.Branch, k),
            Cell(state, Field.Beta, k),
            Cell(state, Field.X, k),
            Cell(state, Field.BetaComplement, k),
            ref Cell(state, Field.S, k),
            ref Cell(state, Field.SLeft, k),
            ref Cell(state, Field.SRight, k),
            Cell(state, Field.BNode, k),
            Cell(state, Field.VNode, k),
            (ClosingGiven)Cell(ints, IntField.Closing, k),
            Cell(state, Field.S, k),
            ref Cell(ints, IntField.Iterations, k));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteSolved(Span<ImpliedVolatilityResult> results, Span<double> state, Span<int> ints, int k, int index, double volatility) =>
        results[index] = new ImpliedVolatilityResult(
            volatility, ImpliedVolatilityStatus.Solved, Cell(state, Field.Intrinsic, k), Cell(state, Field.Upper, k), Cell(ints, IntField.Iterations, k));

    /// <summary>The scalar solve of every quote in order (for spans too short for a group of four).</summary>
    /// <remarks>Out of line, so that the batch method's code does not take in the scalar solver (measured: +3 ns per quote).</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CalculateEach(ReadOnlySpan<ImpliedVolatilityParameters> parameters, Span<ImpliedVolatilityResult> results)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            results[i] = Calculate(in parameters[i]);
        }
    }

    /// <summary>Quote <paramref name="i"/> alone: its input guards, its discounting (the scalar twin of the group's) and <see cref="Reduce"/>.</summary>
    private static void GuardAndReduce(
        ReadOnlySpan<ImpliedVolatilityParameters> parameters,
        Span<ImpliedVolatilityResult> results,
        Span<double> state,
        Span<int> ints,
        ref int count,
        int i)
    {
        ref readonly var p = ref parameters[i];
        GuardInputs(in p);
        var forward = p.Spot * DMath.Exp(-p.DividendYield * p.ExpiryYears);
        var strike = p.Strike * DMath.Exp(-p.Rate * p.ExpiryYears);
        Reduce(parameters, results, state, ints, ref count, i, forward, strike, DMath.Log(forward / strike));
    }

    /// <summary>The scalar checks and reduction of quote <paramref name="i"/> (as in <see cref="SolveDiscounted"/>): a pending item, or its result when there is nothing to solve.</summary>
    private static void Reduce(
        ReadOnlySpan<ImpliedVolatilityParameters> parameters,
        Span<ImpliedVolatilityResult> results,
        Span<double> state,
        Span<int> ints,
        ref int count,
        int i,
        double discountedForward,
        double discountedStrike,
        double logRatio)
    {
        ref readonly var p = ref parameters[i];
        RequireUsable(discountedForward, "q");
        RequireUsable(discountedStrike, "r");
        if (TryReduce(p.Type, discountedForward, discountedStrike, logRatio, p.Price, out var quote, out var unsolved))
        {
            Cell(state, Field.Beta, count) = quote.Beta;
            Cell(state, Field.X, count) = quote.X;
            Cell(state, Field.BMax, count) = quote.BMax;
            Cell(state, Field.BetaComplement, count) = quote.BetaComplement;
            Cell(state, Field.Intrinsic, count) = quote.Intrinsic;
            Cell(state, Field.Upper, count) = quote.Upper;
            Cell(state, Field.Expiry, count) = p.ExpiryYears;
            Cell(ints, IntField.Index, count) = i;
            count++;
        }
        else
        {
            results[i] = unsolved;
        }
    }

    /// <summary>A reduced quote: normalised out-of-the-money call β, x ≤ 0, b_max = e^(x/2), b_max − β, and the price bounds.</summary>
    private readonly record struct ReducedQuote(double Beta, double X, double BMax, double BetaComplement, double Intrinsic, double Upper);
}
