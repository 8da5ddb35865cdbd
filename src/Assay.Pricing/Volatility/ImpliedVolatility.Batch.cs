using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Assay.Numerics;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Volatility;

/// <content>Batch implied volatility: the scalar solve staged over chunks of quotes so that independent quotes overlap.</content>
public static partial class ImpliedVolatility
{
    /// <summary>Quotes per stage; the per-quote state lives on the stack (≈ 20 KB at 64).</summary>
    private const int BatchChunk = 64;

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
    /// A quote's input is not finite or out of range (the message names the field); results before it in its chunk
    /// may be unwritten.
    /// </exception>
    public static void Calculate(ReadOnlySpan<ImpliedVolatilityParameters> parameters, Span<ImpliedVolatilityResult> results)
    {
        if (results.Length < parameters.Length)
        {
            throw new ArgumentException("results must be at least as long as parameters", nameof(results));
        }

        Span<PendingSolve> pending = stackalloc PendingSolve[BatchChunk];
        Span<int> scratch = stackalloc int[BatchChunk];
        Span<int> activeItems = stackalloc int[BatchChunk];
        Span<int> branchItems = stackalloc int[3 * BatchChunk];
        Span<int> branchCounts = stackalloc int[3];
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
                    for (var lane = 0; lane < 4; lane++)
                    {
                        GuardInputs(in parameters[i4 + lane]);
                    }
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
                    // Constant lane indices: a variable GetElement index would spill each vector per lane.
                    SetPending(ref pending[count], i4, beta.GetElement(0), x.GetElement(0), bMax.GetElement(0), betaComplement.GetElement(0), intrinsic.GetElement(0), upper.GetElement(0));
                    SetPending(ref pending[count + 1], i4 + 1, beta.GetElement(1), x.GetElement(1), bMax.GetElement(1), betaComplement.GetElement(1), intrinsic.GetElement(1), upper.GetElement(1));
                    SetPending(ref pending[count + 2], i4 + 2, beta.GetElement(2), x.GetElement(2), bMax.GetElement(2), betaComplement.GetElement(2), intrinsic.GetElement(2), upper.GetElement(2));
                    SetPending(ref pending[count + 3], i4 + 3, beta.GetElement(3), x.GetElement(3), bMax.GetElement(3), betaComplement.GetElement(3), intrinsic.GetElement(3), upper.GetElement(3));
                    count += 4;
                }
                else
                {
                    for (var lane = 0; lane < 4; lane++)
                    {
                        Reduce(parameters, results, pending, ref count, i4 + lane, forwards.GetElement(lane), strikes.GetElement(lane), logs.GetElement(lane));
                    }
                }
            }

            for (; i4 < end; i4++)
            {
                ref readonly var p = ref parameters[i4];
                GuardInputs(in p);
                var forward = p.Spot * DMath.Exp(-p.DividendYield * p.ExpiryYears);
                var strike = p.Strike * DMath.Exp(-p.Rate * p.ExpiryYears);
                Reduce(parameters, results, pending, ref count, i4, forward, strike, DMath.Log(forward / strike));
            }

            var chunk = pending[..count];
            InflectionPoints(chunk);

            // The guess evaluates b once, at s_l or s_u (set by InflectionPoints): four lanes at a time.
            var active = activeItems[..chunk.Length];
            for (var k = 0; k < chunk.Length; k++)
            {
                active[k] = k;
            }

            EvaluateAtNodes(chunk, active, scratch);
            branchCounts.Clear();
            GuessBranches(chunk, branchItems, branchCounts);
            MiddleGuesses(chunk, branchItems.Slice((int)Branch.Middle * BatchChunk, branchCounts[(int)Branch.Middle]));
            OuterGuesses(
                chunk,
                branchItems.Slice((int)Branch.Lower * BatchChunk, branchCounts[(int)Branch.Lower]),
                branchItems.Slice((int)Branch.Upper * BatchChunk, branchCounts[(int)Branch.Upper]));

            // The first two refinement steps: b at s and the closing step four lanes at a time, then the rest of each
            // step scalar; the quotes still unfinished after that (rare) continue alone.
            for (var round = 0; round < 2 && active.Length > 0; round++)
            {
                for (var j = 0; j < active.Length; j++)
                {
                    ref var item = ref chunk[active[j]];
                    item.Node = item.S;
                }

                EvaluateAtNodes(chunk, active, scratch);
                ClosingSteps(chunk, active, scratch);
                var remaining = 0;
                for (var j = 0; j < active.Length; j++)
                {
                    ref var item = ref chunk[active[j]];
                    ref readonly var q = ref item.Quote;
                    if (item.Closing == ClosingGiven.Finished)
                    {
                        continue;
                    }

                    if (item.Closing == ClosingGiven.Stepped)
                    {
                        active[remaining++] = active[j];
                        continue;
                    }

                    if (!RefineStep(
                        item.Branch, q.Beta, q.X, q.BetaComplement, ref item.S, ref item.SLeft, ref item.SRight, item.BNode, item.VNode, item.Closing, item.ClosingNext, ref item.Iterations))
                    {
                        active[remaining++] = active[j];
                    }
                }

                active = active[..remaining];
            }

            for (var j = 0; j < active.Length; j++)
            {
                ref var item = ref chunk[active[j]];
                ref readonly var q = ref item.Quote;
                while (true)
                {
                    var b = NormalisedBlack.OutOfTheMoneyCall(q.X, item.S, out var vega);
                    if (RefineStep(
                        item.Branch, q.Beta, q.X, q.BetaComplement, ref item.S, ref item.SLeft, ref item.SRight, b, vega, ClosingGiven.None, item.S, ref item.Iterations))
                    {
                        break;
                    }
                }
            }

            // σ = s/√T four lanes at a time (√ and ÷ are correctly rounded either way).
            var r = 0;
            for (; r + 4 <= chunk.Length; r += 4)
            {
                ref readonly var i0 = ref chunk[r];
                ref readonly var i1 = ref chunk[r + 1];
                ref readonly var i2 = ref chunk[r + 2];
                ref readonly var i3 = ref chunk[r + 3];
                var volatility = Vector256.Create(i0.S, i1.S, i2.S, i3.S) / Vector256.Sqrt(Vector256.Create(
                    parameters[i0.Index].ExpiryYears, parameters[i1.Index].ExpiryYears, parameters[i2.Index].ExpiryYears, parameters[i3.Index].ExpiryYears));
                WriteSolved(results, in i0, volatility.GetElement(0));
                WriteSolved(results, in i1, volatility.GetElement(1));
                WriteSolved(results, in i2, volatility.GetElement(2));
                WriteSolved(results, in i3, volatility.GetElement(3));
            }

            for (; r < chunk.Length; r++)
            {
                ref readonly var item = ref chunk[r];
                WriteSolved(results, in item, item.S / Math.Sqrt(parameters[item.Index].ExpiryYears));
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteSolved(Span<ImpliedVolatilityResult> results, in PendingSolve item, double volatility) =>
        results[item.Index] = new ImpliedVolatilityResult(volatility, ImpliedVolatilityStatus.Solved, item.Quote.Intrinsic, item.Quote.Upper, item.Iterations);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetPending(ref PendingSolve item, int index, double beta, double x, double bMax, double betaComplement, double intrinsic, double upper)
    {
        item.Index = index;
        item.Quote = new ReducedQuote(beta, x, bMax, betaComplement, intrinsic, upper);
    }

    /// <summary>The scalar checks and reduction of quote <paramref name="i"/> (as in <see cref="SolveDiscounted"/>): a pending item, or its result when there is nothing to solve.</summary>
    private static void Reduce(
        ReadOnlySpan<ImpliedVolatilityParameters> parameters,
        Span<ImpliedVolatilityResult> results,
        Span<PendingSolve> pending,
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
            ref var item = ref pending[count++];
            item.Index = i;
            item.Quote = quote;
        }
        else
        {
            results[i] = unsolved;
        }
    }

    /// <summary>A refinement step's <see cref="ClosingStep"/> four lanes at a time, for the quotes whose step reaches it with ν = (β − b)/b'.</summary>
    /// <remarks>
    /// Mirrors the start of <see cref="HouseholderStep"/>: lower and middle branches with b ≠ β, b &gt; 0 and a positive
    /// vega (the upper branch needs its complement and stays scalar). <paramref name="scratch"/> receives those items.
    /// </remarks>
    private static void ClosingSteps(Span<PendingSolve> chunk, ReadOnlySpan<int> items, Span<int> scratch)
    {
        // Lower-branch items first, middle-branch ones from the back: a lower-branch step that is not closed needs three
        // logarithms, which are then taken for groups of four such lanes.
        var front = 0;
        var back = items.Length;
        foreach (var k in items)
        {
            ref var item = ref chunk[k];
            item.Closing = ClosingGiven.None;
            if (item.Branch != Branch.Upper && item.BNode != item.Quote.Beta && item.VNode > 0 && item.BNode > 0)
            {
                if (item.Branch == Branch.Lower)
                {
                    scratch[front++] = k;
                }
                else
                {
                    scratch[--back] = k;
                }
            }
        }

        // Close the gap so that the selected items are contiguous.
        var count = front;
        for (var m = back; m < items.Length; m++)
        {
            scratch[count++] = scratch[m];
        }

        var j = 0;
        for (; j + 4 <= count; j += 4)
        {
            ref var i0 = ref chunk[scratch[j]];
            ref var i1 = ref chunk[scratch[j + 1]];
            ref var i2 = ref chunk[scratch[j + 2]];
            ref var i3 = ref chunk[scratch[j + 3]];
            var s = Vector256.Create(i0.S, i1.S, i2.S, i3.S);
            var x = Vector256.Create(i0.Quote.X, i1.Quote.X, i2.Quote.X, i3.Quote.X);
            var beta = Vector256.Create(i0.Quote.Beta, i1.Quote.Beta, i2.Quote.Beta, i3.Quote.Beta);
            var b = Vector256.Create(i0.BNode, i1.BNode, i2.BNode, i3.BNode);
            var vega = Vector256.Create(i0.VNode, i1.VNode, i2.VNode, i3.VNode);
            var next = ClosingLanes(x / s, s, (beta - b) / vega, out var accepted);

            // An accepted closing step ends the solve: the rest of RefineStep (bracket update, final s inside the
            // bracket, one more iteration) lane-wise, the same operations as the scalar step takes for such a lane.
            var sLeft = Vector256.Create(i0.SLeft, i1.SLeft, i2.SLeft, i3.SLeft);
            var sRight = Vector256.Create(i0.SRight, i1.SRight, i2.SRight, i3.SRight);
            sRight = Vector256.ConditionalSelect(Vector256.GreaterThan(b, beta), Vector256.Min(sRight, s), sRight);
            sLeft = Vector256.ConditionalSelect(Vector256.LessThan(b, beta), Vector256.Max(sLeft, s), sLeft);
            var final = Vector256.ConditionalSelect(
                Vector256.GreaterThanOrEqual(next, sLeft) & Vector256.LessThanOrEqual(next, sRight), next, s);
            var acceptedBits = accepted.ExtractMostSignificantBits();
            Close(ref i0, (acceptedBits & 1) != 0, final.GetElement(0));
            Close(ref i1, (acceptedBits & 2) != 0, final.GetElement(1));
            Close(ref i2, (acceptedBits & 4) != 0, final.GetElement(2));
            Close(ref i3, (acceptedBits & 8) != 0, final.GetElement(3));
            if (acceptedBits != 0b1111)
            {
                var lowerBits = (i0.Branch == Branch.Lower ? 1u : 0u) | (i1.Branch == Branch.Lower ? 2u : 0u)
                    | (i2.Branch == Branch.Lower ? 4u : 0u) | (i3.Branch == Branch.Lower ? 8u : 0u);
                var stepped = HouseholderLanes(x, s, beta, b, vega, sLeft, sRight, lowerBits & ~acceptedBits, out var inside);
                var steppedBits = inside.ExtractMostSignificantBits() & ~acceptedBits;
                Step(ref i0, (steppedBits & 1) != 0, stepped.GetElement(0), sLeft.GetElement(0), sRight.GetElement(0));
                Step(ref i1, (steppedBits & 2) != 0, stepped.GetElement(1), sLeft.GetElement(1), sRight.GetElement(1));
                Step(ref i2, (steppedBits & 4) != 0, stepped.GetElement(2), sLeft.GetElement(2), sRight.GetElement(2));
                Step(ref i3, (steppedBits & 8) != 0, stepped.GetElement(3), sLeft.GetElement(3), sRight.GetElement(3));
            }
        }
    }

    /// <summary>
    /// The Householder step of <see cref="HouseholderStep"/> for four lanes of the lower or middle branch (lower where
    /// <paramref name="lowerBits"/> has the lane's bit), from the bracket already updated with s; all-ones in
    /// <paramref name="inside"/> where the step stays in the bracket (the other lanes are left to the scalar step).
    /// </summary>
    private static Vector256<double> HouseholderLanes(
        Vector256<double> x,
        Vector256<double> s,
        Vector256<double> beta,
        Vector256<double> b,
        Vector256<double> vega,
        Vector256<double> sLeft,
        Vector256<double> sRight,
        uint lowerBits,
        out Vector256<double> inside)
    {
        var xSquare = x * x;
        var sSquare = s * s;
        var h2 = (xSquare / (sSquare * s)) - (C(0.25) * s);
        var h3 = (h2 * h2) - (C(3.0) * xSquare / (sSquare * sSquare)) - C(0.25);
        var nu = (beta - b) / vega;
        var gamma = h2;
        var delta = h3;
        if (lowerBits != 0)
        {
            var lower = Vector256.Create(
                (lowerBits & 1) != 0 ? -1L : 0L, (lowerBits & 2) != 0 ? -1L : 0L, (lowerBits & 4) != 0 ? -1L : 0L, (lowerBits & 8) != 0 ? -1L : 0L).AsDouble();
            var logB = DMath.Log(b);
            var u = vega / b;
            var nuLower = logB * DMath.Log(beta / b) / (u * DMath.Log(beta));
            var curvature = h2 - u;
            var gammaLower = curvature - (C(2.0) * u / logB);
            var deltaLower = (h3 - (C(3.0) * u * h2) + (C(2.0) * u * u)) - (C(6.0) * u * curvature / logB) + (C(6.0) * u * u / (logB * logB));
            nu = Vector256.ConditionalSelect(lower, nuLower, nu);
            gamma = Vector256.ConditionalSelect(lower, gammaLower, gamma);
            delta = Vector256.ConditionalSelect(lower, deltaLower, delta);
        }

        var next = s + (nu * (C(1.0) + (C(0.5) * gamma * nu)) / (C(1.0) + (nu * (gamma + (delta * nu / C(6.0))))));
        inside = Vector256.GreaterThanOrEqual(next, sLeft) & Vector256.LessThanOrEqual(next, sRight);
        return next;
    }

    /// <summary>Records a lane-wise Householder step that stayed in its bracket (<see cref="RefineStep"/>'s bookkeeping); other lanes are left to the scalar step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(ref PendingSolve item, bool stepped, double next, double sLeft, double sRight)
    {
        if (!stepped)
        {
            return;
        }

        var previous = item.S;
        item.S = next;
        item.SLeft = sLeft;
        item.SRight = sRight;
        item.Iterations++;
        item.Closing = !(Math.Abs(next - previous) > FinalStep * next) || item.Iterations >= HouseholderStepsMax
            ? ClosingGiven.Finished
            : ClosingGiven.Stepped;
    }

    /// <summary>Records a lane-wise closing step: an accepted one is the final step (s set, one more iteration), a rejected one leaves the step to <see cref="RefineStep"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Close(ref PendingSolve item, bool accepted, double final)
    {
        if (accepted)
        {
            item.Closing = ClosingGiven.Finished;
            item.S = final;
            item.Iterations++;
        }
        else
        {
            item.Closing = ClosingGiven.Rejected;
        }
    }

    /// <summary>The inflection points of a chunk (<see cref="Inflection"/>) and the guess nodes (<see cref="GuessNode"/>), four lanes at a time (the same operations per lane).</summary>
    private static void InflectionPoints(Span<PendingSolve> chunk)
    {
        var k = 0;
        for (; k + 4 <= chunk.Length; k += 4)
        {
            ref var i0 = ref chunk[k];
            ref var i1 = ref chunk[k + 1];
            ref var i2 = ref chunk[k + 2];
            ref var i3 = ref chunk[k + 3];
            var x = Vector256.Create(i0.Quote.X, i1.Quote.X, i2.Quote.X, i3.Quote.X);
            var bMax = Vector256.Create(i0.Quote.BMax, i1.Quote.BMax, i2.Quote.BMax, i3.Quote.BMax);
            var sC = Vector256.Sqrt(Vector256.Create(-2.0) * x);
            var erfcx = ErrorFunction.Erfcx(NormalisedBlack.AtInflectionArgumentLanes(x, sC));
            var bC = NormalisedBlack.AtInflectionFinishLanes(x, sC, bMax, erfcx);
            var vC = Vector256.ConditionalSelect(
                Vector256.Equals(x, Vector256<double>.Zero), Vector256.Create(NormalisedBlack.InvSqrtTwoPi), Vector256.Create(NormalisedBlack.InvSqrtTwoPi) * bMax);
            i0.Inflection = (sC.GetElement(0), bC.GetElement(0), vC.GetElement(0));
            i1.Inflection = (sC.GetElement(1), bC.GetElement(1), vC.GetElement(1));
            i2.Inflection = (sC.GetElement(2), bC.GetElement(2), vC.GetElement(2));
            i3.Inflection = (sC.GetElement(3), bC.GetElement(3), vC.GetElement(3));

            // GuessNode lane-wise: s_l below b_c, else s_u (or +∞ when v_c = 0).
            var beta = Vector256.Create(i0.Quote.Beta, i1.Quote.Beta, i2.Quote.Beta, i3.Quote.Beta);
            var upperNode = Vector256.ConditionalSelect(
                Vector256.GreaterThan(vC, Vector256<double>.Zero), sC + ((bMax - bC) / vC), Vector256.Create(double.PositiveInfinity));
            var node = Vector256.ConditionalSelect(Vector256.LessThan(beta, bC), sC - (bC / vC), upperNode);
            i0.Node = node.GetElement(0);
            i1.Node = node.GetElement(1);
            i2.Node = node.GetElement(2);
            i3.Node = node.GetElement(3);
        }

        for (; k < chunk.Length; k++)
        {
            ref var item = ref chunk[k];
            item.Inflection = Inflection(item.Quote.X, item.Quote.BMax);
            item.Node = GuessNode(item.Quote.Beta, item.Quote.BMax, item.Inflection);
        }
    }

    /// <summary>The branch of each quote with its guess interval (<see cref="GuessBranch"/>), four lanes at a time; item k goes to <paramref name="items"/>[branch·64 + n].</summary>
    /// <remarks>
    /// The same selections as the scalar <see cref="GuessBranch"/>, made per lane with masks (the branch depends on the
    /// data and would be mispredicted often); each lane's interval is one of its own values, so the bits are the scalar ones.
    /// </remarks>
    private static void GuessBranches(Span<PendingSolve> chunk, Span<int> items, Span<int> counts)
    {
        var k = 0;
        for (; k + 4 <= chunk.Length; k += 4)
        {
            ref var i0 = ref chunk[k];
            ref var i1 = ref chunk[k + 1];
            ref var i2 = ref chunk[k + 2];
            ref var i3 = ref chunk[k + 3];
            var zero = Vector256<double>.Zero;
            var beta = Vector256.Create(i0.Quote.Beta, i1.Quote.Beta, i2.Quote.Beta, i3.Quote.Beta);
            var sC = Vector256.Create(i0.Inflection.S, i1.Inflection.S, i2.Inflection.S, i3.Inflection.S);
            var bC = Vector256.Create(i0.Inflection.B, i1.Inflection.B, i2.Inflection.B, i3.Inflection.B);
            var vC = Vector256.Create(i0.Inflection.V, i1.Inflection.V, i2.Inflection.V, i3.Inflection.V);
            var node = Vector256.Create(i0.Node, i1.Node, i2.Node, i3.Node);
            var bNode = Vector256.Create(i0.BNode, i1.BNode, i2.BNode, i3.BNode);
            var vNode = Vector256.Create(i0.VNode, i1.VNode, i2.VNode, i3.VNode);
            var lowerSide = Vector256.LessThan(beta, bC);
            var usable = Vector256.GreaterThan(node, zero) & Vector256.GreaterThan(bNode, zero);
            var sL = Vector256.ConditionalSelect(usable, node, sC);
            var bL = Vector256.ConditionalSelect(usable, bNode, bC);
            var vL = Vector256.ConditionalSelect(usable, vNode, vC);
            var bLeft = Vector256.ConditionalSelect(lowerSide, bL, bC);
            var bRight = Vector256.ConditionalSelect(lowerSide, bC, bNode);
            var sLeft = Vector256.ConditionalSelect(lowerSide, sL, sC);
            var sRight = Vector256.ConditionalSelect(lowerSide, sC, node);
            var vLeft = Vector256.ConditionalSelect(lowerSide, vL, vC);
            var vRight = Vector256.ConditionalSelect(lowerSide, vC, vNode);
            var isLower = lowerSide & Vector256.LessThan(beta, bL);
            var isUpper = Vector256.AndNot(
                ~(Vector256.LessThanOrEqual(beta, bNode) & Vector256.GreaterThan(vNode, zero)), lowerSide);
            var lowerBits = (int)isLower.ExtractMostSignificantBits();
            var upperBits = (int)isUpper.ExtractMostSignificantBits();
            var sideBits = (int)lowerSide.ExtractMostSignificantBits();
            SetBranch(ref i0, k, 0, lowerBits, upperBits, sideBits, bLeft, bRight, sLeft, sRight, vLeft, vRight, items, counts);
            SetBranch(ref i1, k + 1, 1, lowerBits, upperBits, sideBits, bLeft, bRight, sLeft, sRight, vLeft, vRight, items, counts);
            SetBranch(ref i2, k + 2, 2, lowerBits, upperBits, sideBits, bLeft, bRight, sLeft, sRight, vLeft, vRight, items, counts);
            SetBranch(ref i3, k + 3, 3, lowerBits, upperBits, sideBits, bLeft, bRight, sLeft, sRight, vLeft, vRight, items, counts);
        }

        for (; k < chunk.Length; k++)
        {
            ref var item = ref chunk[k];
            item.Iterations = 0;
            item.Branch = GuessBranch(item.Quote.Beta, item.Inflection, item.Node, item.BNode, item.VNode, out item.Interval);
            var code = (int)item.Branch;
            items[(code * BatchChunk) + counts[code]++] = k;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetBranch(
        ref PendingSolve item,
        int k,
        int lane,
        int lowerBits,
        int upperBits,
        int sideBits,
        Vector256<double> bLeft,
        Vector256<double> bRight,
        Vector256<double> sLeft,
        Vector256<double> sRight,
        Vector256<double> vLeft,
        Vector256<double> vRight,
        Span<int> items,
        Span<int> counts)
    {
        // Lower = 0, Middle = 1, Upper = 2 (the lower and upper masks are exclusive).
        var code = 1 - ((lowerBits >> lane) & 1) + ((upperBits >> lane) & 1);
        item.Iterations = 0;
        item.Branch = (Branch)code;
        item.Interval = new GuessInterval(
            bLeft.GetElement(lane),
            bRight.GetElement(lane),
            sLeft.GetElement(lane),
            sRight.GetElement(lane),
            vLeft.GetElement(lane),
            vRight.GetElement(lane),
            -(long)((sideBits >> lane) & 1));
        items[(code * BatchChunk) + counts[code]++] = k;
    }

    /// <summary>The middle-branch guesses of the listed items (their <see cref="PendingSolve.Interval"/> set), four lanes at a time.</summary>
    /// <remarks>The same operations as the middle branch of <see cref="InitialGuessAt"/>, mirrored lane-wise.</remarks>
    private static void MiddleGuesses(Span<PendingSolve> chunk, ReadOnlySpan<int> items)
    {
        var j = 0;
        for (; j < items.Length; j += 4)
        {
            // A short last group repeats its last item (see EvaluateGroups); setting a guess twice is idempotent.
            ref var i0 = ref chunk[items[j]];
            ref var i1 = ref chunk[items[Lane(j + 1, items.Length - 1)]];
            ref var i2 = ref chunk[items[Lane(j + 2, items.Length - 1)]];
            ref var i3 = ref chunk[items[Lane(j + 3, items.Length - 1)]];
            ref readonly var m0 = ref i0.Interval;
            ref readonly var m1 = ref i1.Interval;
            ref readonly var m2 = ref i2.Interval;
            ref readonly var m3 = ref i3.Interval;
            var one = Vector256<double>.One;
            var guess = RationalCubic.InterpolateLanes(
                Vector256.Create(i0.Quote.Beta, i1.Quote.Beta, i2.Quote.Beta, i3.Quote.Beta),
                Vector256.Create(m0.BLeft, m1.BLeft, m2.BLeft, m3.BLeft),
                Vector256.Create(m0.BRight, m1.BRight, m2.BRight, m3.BRight),
                Vector256.Create(m0.SLeft, m1.SLeft, m2.SLeft, m3.SLeft),
                Vector256.Create(m0.SRight, m1.SRight, m2.SRight, m3.SRight),
                one / Vector256.Create(m0.VLeft, m1.VLeft, m2.VLeft, m3.VLeft),
                one / Vector256.Create(m0.VRight, m1.VRight, m2.VRight, m3.VRight),
                Vector256<double>.Zero,
                Vector256.Create(m0.ControlAtRight, m1.ControlAtRight, m2.ControlAtRight, m3.ControlAtRight).AsDouble());
            SetMiddleGuess(ref i0, guess.GetElement(0));
            SetMiddleGuess(ref i1, guess.GetElement(1));
            SetMiddleGuess(ref i2, guess.GetElement(2));
            SetMiddleGuess(ref i3, guess.GetElement(3));
        }
    }

    /// <summary>The lower- and upper-branch guesses of the listed items, four lanes at a time (the same operations as <see cref="InitialGuessAt"/>).</summary>
    private static void OuterGuesses(Span<PendingSolve> chunk, ReadOnlySpan<int> lower, ReadOnlySpan<int> upper)
    {
        var j = 0;
        for (; j < lower.Length; j += 4)
        {
            // A short last group repeats its last item (see EvaluateGroups); setting a guess twice is idempotent.
            ref var i0 = ref chunk[lower[j]];
            ref var i1 = ref chunk[lower[Lane(j + 1, lower.Length - 1)]];
            ref var i2 = ref chunk[lower[Lane(j + 2, lower.Length - 1)]];
            ref var i3 = ref chunk[lower[Lane(j + 3, lower.Length - 1)]];
            var guess = LowerBranchGuessLanes(
                Vector256.Create(i0.Quote.Beta, i1.Quote.Beta, i2.Quote.Beta, i3.Quote.Beta),
                Vector256.Create(i0.Quote.X, i1.Quote.X, i2.Quote.X, i3.Quote.X),
                Vector256.Create(i0.Interval.SLeft, i1.Interval.SLeft, i2.Interval.SLeft, i3.Interval.SLeft),
                Vector256.Create(i0.Interval.BLeft, i1.Interval.BLeft, i2.Interval.BLeft, i3.Interval.BLeft),
                Vector256.Create(i0.Interval.VLeft, i1.Interval.VLeft, i2.Interval.VLeft, i3.Interval.VLeft));
            SetGuess(ref i0, guess.GetElement(0), 0.0, i0.Interval.SLeft);
            SetGuess(ref i1, guess.GetElement(1), 0.0, i1.Interval.SLeft);
            SetGuess(ref i2, guess.GetElement(2), 0.0, i2.Interval.SLeft);
            SetGuess(ref i3, guess.GetElement(3), 0.0, i3.Interval.SLeft);
        }

        j = 0;
        for (; j < upper.Length; j += 4)
        {
            // A short last group repeats its last item (see EvaluateGroups); setting a guess twice is idempotent.
            ref var i0 = ref chunk[upper[j]];
            ref var i1 = ref chunk[upper[Lane(j + 1, upper.Length - 1)]];
            ref var i2 = ref chunk[upper[Lane(j + 2, upper.Length - 1)]];
            ref var i3 = ref chunk[upper[Lane(j + 3, upper.Length - 1)]];
            var guess = UpperBranchGuessLanes(
                Vector256.Create(i0.Quote.Beta, i1.Quote.Beta, i2.Quote.Beta, i3.Quote.Beta),
                Vector256.Create(i0.Quote.X, i1.Quote.X, i2.Quote.X, i3.Quote.X),
                Vector256.Create(i0.Quote.BetaComplement, i1.Quote.BetaComplement, i2.Quote.BetaComplement, i3.Quote.BetaComplement),
                Vector256.Create(i0.Quote.BMax, i1.Quote.BMax, i2.Quote.BMax, i3.Quote.BMax),
                Vector256.Create(i0.Interval.SRight, i1.Interval.SRight, i2.Interval.SRight, i3.Interval.SRight),
                Vector256.Create(i0.Interval.BRight, i1.Interval.BRight, i2.Interval.BRight, i3.Interval.BRight),
                Vector256.Create(i0.Interval.VRight, i1.Interval.VRight, i2.Interval.VRight, i3.Interval.VRight));
            SetGuess(ref i0, guess.GetElement(0), i0.Interval.SRight, double.PositiveInfinity);
            SetGuess(ref i1, guess.GetElement(1), i1.Interval.SRight, double.PositiveInfinity);
            SetGuess(ref i2, guess.GetElement(2), i2.Interval.SRight, double.PositiveInfinity);
            SetGuess(ref i3, guess.GetElement(3), i3.Interval.SRight, double.PositiveInfinity);
        }
    }

    private static void SetGuess(ref PendingSolve item, double guess, double sLeft, double sRight)
    {
        item.SLeft = sLeft;
        item.SRight = sRight;
        item.S = KeepInside(guess, sLeft, sRight);
    }

    private static void SetMiddleGuess(ref PendingSolve item, double guess)
    {
        item.Branch = Branch.Middle;
        item.SLeft = item.Interval.SLeft;
        item.SRight = item.Interval.SRight;
        item.S = KeepInside(guess, item.SLeft, item.SRight);
    }

    /// <summary>b and its vega at the listed items' nodes (into BNode, VNode), four lanes at a time (<see cref="NormalisedBlack.OutOfTheMoneyCallLanes"/>).</summary>
    /// <remarks>
    /// The items are grouped by form first (region III, where h + t &gt; 0.85, and the rest) so that a group of four
    /// lanes rarely needs both sets of kernels; <paramref name="scratch"/> holds the grouping.
    /// </remarks>
    private static void EvaluateAtNodes(Span<PendingSolve> chunk, ReadOnlySpan<int> items, Span<int> scratch)
    {
        // The region test four lanes at a time; each item is written to both ends and only the chosen end advances
        // (the region depends on the data, so a branch would often be mispredicted).
        var front = 0;
        var back = items.Length;
        var j = 0;
        for (; j + 4 <= items.Length; j += 4)
        {
            var k0 = items[j];
            var k1 = items[j + 1];
            var k2 = items[j + 2];
            var k3 = items[j + 3];
            var node = Vector256.Create(chunk[k0].Node, chunk[k1].Node, chunk[k2].Node, chunk[k3].Node);
            var x = Vector256.Create(chunk[k0].Quote.X, chunk[k1].Quote.X, chunk[k2].Quote.X, chunk[k3].Quote.X);
            var t = Vector256.Create(0.5) * node;
            var cdfBits = (int)(Vector256.GreaterThan((x / node) + t, Vector256.Create(0.85))
                & Vector256.GreaterThanOrEqual(t, Vector256.Create(0.2))).ExtractMostSignificantBits();
            Place(scratch, k0, cdfBits & 1, ref front, ref back);
            Place(scratch, k1, (cdfBits >> 1) & 1, ref front, ref back);
            Place(scratch, k2, (cdfBits >> 2) & 1, ref front, ref back);
            Place(scratch, k3, (cdfBits >> 3) & 1, ref front, ref back);
        }

        for (; j < items.Length; j++)
        {
            var k = items[j];
            ref readonly var item = ref chunk[k];
            var t = 0.5 * item.Node;
            Place(scratch, k, (item.Quote.X / item.Node) + t > 0.85 && t >= 0.2 ? 1 : 0, ref front, ref back);
        }

        EvaluateGroups(chunk, scratch[..front]);
        EvaluateGroups(chunk, scratch[front..items.Length]);
    }

    /// <summary>Puts item <paramref name="k"/> at the front (<paramref name="toFront"/> = 1) or the back (0) of <paramref name="scratch"/> without a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Place(Span<int> scratch, int k, int toFront, ref int front, ref int back)
    {
        // front < back until the last item, which fills the one remaining slot from either side.
        scratch[front] = k;
        scratch[back - 1] = k;
        front += toFront;
        back -= 1 - toFront;
    }

    private static void EvaluateGroups(Span<PendingSolve> chunk, ReadOnlySpan<int> items)
    {
        // A last group of fewer than four repeats its last item in the free lanes (Lane): the lanes are independent,
        // and a repeated lane stores the same values again. So no quote takes the slower scalar evaluation.
        var last = items.Length - 1;
        for (var j = 0; j < items.Length; j += 4)
        {
            ref var i0 = ref chunk[items[j]];
            ref var i1 = ref chunk[items[Lane(j + 1, last)]];
            ref var i2 = ref chunk[items[Lane(j + 2, last)]];
            ref var i3 = ref chunk[items[Lane(j + 3, last)]];
            var value = NormalisedBlack.OutOfTheMoneyCallLanes(
                Vector256.Create(i0.Quote.X, i1.Quote.X, i2.Quote.X, i3.Quote.X), Vector256.Create(i0.Node, i1.Node, i2.Node, i3.Node), out var vega);
            i0.BNode = value.GetElement(0);
            i1.BNode = value.GetElement(1);
            i2.BNode = value.GetElement(2);
            i3.BNode = value.GetElement(3);
            i0.VNode = vega.GetElement(0);
            i1.VNode = vega.GetElement(1);
            i2.VNode = vega.GetElement(2);
            i3.VNode = vega.GetElement(3);
        }
    }

    /// <summary>The item position of a lane: <paramref name="position"/>, or the last item when the group runs past the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Lane(int position, int last) => Math.Min(position, last);

    /// <summary>A reduced quote: normalised out-of-the-money call β, x ≤ 0, b_max = e^(x/2), b_max − β, and the price bounds.</summary>
    private readonly record struct ReducedQuote(double Beta, double X, double BMax, double BetaComplement, double Intrinsic, double Upper);

    /// <summary>The state of one quote between the stages of the batch solve.</summary>
    [StructLayout(LayoutKind.Auto)]
    private struct PendingSolve
    {
        public int Index;
        public ReducedQuote Quote;
        public (double S, double B, double V) Inflection;
        public double Node;
        public double BNode;
        public double VNode;
        public double S;
        public double SLeft;
        public double SRight;
        public Branch Branch;
        public ClosingGiven Closing;
        public double ClosingNext;
        public int Iterations;
        public GuessInterval Interval;
    }
}
