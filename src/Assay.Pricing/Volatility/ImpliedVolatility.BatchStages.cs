using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Assay.Numerics;

namespace Assay.Pricing.Volatility;

/// <content>The stages of the batch solve over the chunk state, four lanes at a time, each mirroring the scalar operations.</content>
public static partial class ImpliedVolatility
{
    /// <summary>The inflection points of the first <paramref name="padded"/> items (<see cref="Inflection"/>) and the guess nodes (<see cref="GuessNode"/>), four lanes at a time.</summary>
    private static void InflectionPoints(Span<double> state, int padded)
    {
        // The erfcx of every group first, then the rest: independent iterations in each loop (see FirstRound).
        for (var k = 0; k < padded; k += 4)
        {
            var x = Load(state, Field.X, k);
            var sC = Vector256.Sqrt(Vector256.Create(-2.0) * x);
            Store(state, Field.SC, k, sC);
            Store(state, Field.InflectionErfcx, k, ErrorFunction.Erfcx(NormalisedBlack.AtInflectionArgumentLanes(x, sC)));
        }

        for (var k = 0; k < padded; k += 4)
        {
            var x = Load(state, Field.X, k);
            var bMax = Load(state, Field.BMax, k);
            var sC = Load(state, Field.SC, k);
            var erfcx = Load(state, Field.InflectionErfcx, k);
            var bC = NormalisedBlack.AtInflectionFinishLanes(x, sC, bMax, erfcx);
            var vC = Vector256.ConditionalSelect(
                Vector256.Equals(x, Vector256<double>.Zero), Vector256.Create(NormalisedBlack.InvSqrtTwoPi), Vector256.Create(NormalisedBlack.InvSqrtTwoPi) * bMax);
            Store(state, Field.BC, k, bC);
            Store(state, Field.VC, k, vC);

            // GuessNode lane-wise: s_l below b_c, else s_u (or +∞ when v_c = 0).
            var beta = Load(state, Field.Beta, k);
            var upperNode = Vector256.ConditionalSelect(
                Vector256.GreaterThan(vC, Vector256<double>.Zero), sC + ((bMax - bC) / vC), Vector256.Create(double.PositiveInfinity));
            Store(state, Field.Node, k, Vector256.ConditionalSelect(Vector256.LessThan(beta, bC), sC - (bC / vC), upperNode));
        }
    }

    /// <summary>b and its vega at the nodes of the first <paramref name="padded"/> items (into BNode, VNode), four lanes at a time.</summary>
    /// <remarks>
    /// The items are grouped by form first (region III, where h + t &gt; 0.85, and the rest; the region test on whole
    /// vectors) so that a group of four lanes rarely needs both sets of kernels; <paramref name="scratch"/> holds the
    /// grouping. At the node about a quarter of the quotes are in region III; at the later points s almost none are, so
    /// the refinement evaluates without grouping.
    /// </remarks>
    private static void EvaluateAtNodes(Span<double> state, int padded, Span<int> scratch)
    {
        var front = 0;
        var back = padded;
        for (var k = 0; k < padded; k += 4)
        {
            var node = Load(state, Field.Node, k);
            var t = Vector256.Create(0.5) * node;
            var cdfBits = (int)(Vector256.GreaterThan((Load(state, Field.X, k) / node) + t, Vector256.Create(0.85))
                & Vector256.GreaterThanOrEqual(t, Vector256.Create(0.2))).ExtractMostSignificantBits();
            Place(scratch, k, cdfBits & 1, ref front, ref back);
            Place(scratch, k + 1, (cdfBits >> 1) & 1, ref front, ref back);
            Place(scratch, k + 2, (cdfBits >> 2) & 1, ref front, ref back);
            Place(scratch, k + 3, (cdfBits >> 3) & 1, ref front, ref back);
        }

        EvaluateGroups(state, scratch[..front], Field.Node);
        EvaluateGroups(state, scratch[front..padded], Field.Node);
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

    /// <summary>b and its vega at <paramref name="at"/> of the listed items, four lanes at a time (<see cref="NormalisedBlack.OutOfTheMoneyCallLanes"/>).</summary>
    /// <remarks>Not inlined: its callers would take two copies, and the second would run out of the JIT's inlining budget (the scatters and the small-t series became calls).</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EvaluateGroups(Span<double> state, ReadOnlySpan<int> items, int at)
    {
        // A last group of fewer than four repeats its last item in the free lanes (Lane): the lanes are independent,
        // and a repeated lane stores the same values again. So no quote takes the slower scalar evaluation.
        var last = items.Length - 1;
        for (var j = 0; j < items.Length; j += 4)
        {
            var (k0, k1, k2, k3) = Group(items, j, last);
            var value = NormalisedBlack.OutOfTheMoneyCallLanes(Gather(state, Field.X, k0, k1, k2, k3), Gather(state, at, k0, k1, k2, k3), out var vega);
            Scatter(state, Field.BNode, k0, k1, k2, k3, value);
            Scatter(state, Field.VNode, k0, k1, k2, k3, vega);
        }
    }

    /// <summary>The item position of a lane: <paramref name="position"/>, or the last item when the group runs past the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Lane(int position, int last) => Math.Min(position, last);

    /// <summary>The items of the group of four that starts at position <paramref name="j"/> of the list; a short last group repeats its last item.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int K0, int K1, int K2, int K3) Group(ReadOnlySpan<int> items, int j, int last) =>
        (items[j], items[Lane(j + 1, last)], items[Lane(j + 2, last)], items[Lane(j + 3, last)]);

    /// <summary>The branch of each of the first <paramref name="padded"/> items with its guess interval (<see cref="GuessBranch"/>), four lanes at a time; the lower- and upper-branch items are listed in <paramref name="lower"/> and <paramref name="upper"/>.</summary>
    /// <remarks>
    /// The same selections as the scalar <see cref="GuessBranch"/>, made per lane with masks (the branch depends on the
    /// data and would be mispredicted often); each lane's interval is one of its own values, so the bits are the scalar ones.
    /// </remarks>
    private static void GuessBranches(Span<double> state, Span<int> ints, int padded, Span<int> lower, out int lowerCount, Span<int> upper, out int upperCount)
    {
        var lowers = 0;
        var uppers = 0;
        for (var k = 0; k < padded; k += 4)
        {
            var zero = Vector256<double>.Zero;
            var beta = Load(state, Field.Beta, k);
            var sC = Load(state, Field.SC, k);
            var bC = Load(state, Field.BC, k);
            var vC = Load(state, Field.VC, k);
            var node = Load(state, Field.Node, k);
            var bNode = Load(state, Field.BNode, k);
            var vNode = Load(state, Field.VNode, k);
            var lowerSide = Vector256.LessThan(beta, bC);
            var usable = Vector256.GreaterThan(node, zero) & Vector256.GreaterThan(bNode, zero);
            var sL = Vector256.ConditionalSelect(usable, node, sC);
            var bL = Vector256.ConditionalSelect(usable, bNode, bC);
            var vL = Vector256.ConditionalSelect(usable, vNode, vC);
            Store(state, Field.BLeft, k, Vector256.ConditionalSelect(lowerSide, bL, bC));
            Store(state, Field.BRight, k, Vector256.ConditionalSelect(lowerSide, bC, bNode));
            Store(state, Field.IntervalSLeft, k, Vector256.ConditionalSelect(lowerSide, sL, sC));
            Store(state, Field.IntervalSRight, k, Vector256.ConditionalSelect(lowerSide, sC, node));
            Store(state, Field.VLeft, k, Vector256.ConditionalSelect(lowerSide, vL, vC));
            Store(state, Field.VRight, k, Vector256.ConditionalSelect(lowerSide, vC, vNode));
            Store(state, Field.ControlAtRight, k, lowerSide);
            var isLower = lowerSide & Vector256.LessThan(beta, bL);
            var isUpper = Vector256.AndNot(
                ~(Vector256.LessThanOrEqual(beta, bNode) & Vector256.GreaterThan(vNode, zero)), lowerSide);
            Store(state, Field.LowerMask, k, isLower);
            Store(state, Field.UpperMask, k, isUpper);

            // Lower = 0, Middle = 1, Upper = 2 (the masks are exclusive and all ones where true).
            var code = Vector256<long>.One + isLower.AsInt64() - isUpper.AsInt64();
            Vector256.Narrow(code, code).GetLower().StoreUnsafe(ref Cell(ints, IntField.Branch, k));
            var lowerBits = (int)isLower.ExtractMostSignificantBits();
            var upperBits = (int)isUpper.ExtractMostSignificantBits();
            for (var lane = 0; lane < 4; lane++)
            {
                lower[lowers] = k + lane;
                lowers += (lowerBits >> lane) & 1;
                upper[uppers] = k + lane;
                uppers += (upperBits >> lane) & 1;
            }
        }

        lowerCount = lowers;
        upperCount = uppers;
    }

    /// <summary>The middle-branch guess of each of the first <paramref name="padded"/> items, four lanes at a time, in order.</summary>
    /// <remarks>
    /// The same operations as the middle branch of <see cref="InitialGuessAt"/>, mirrored lane-wise. Every item gets
    /// one (whole vectors, no gathers); <see cref="OuterGuesses"/> then overwrites those of the lower and upper branch.
    /// </remarks>
    private static void MiddleGuesses(Span<double> state, int padded)
    {
        for (var k = 0; k < padded; k += 4)
        {
            var one = Vector256<double>.One;
            var sLeft = Load(state, Field.IntervalSLeft, k);
            var sRight = Load(state, Field.IntervalSRight, k);
            var guess = RationalCubic.InterpolateLanes(
                Load(state, Field.Beta, k),
                Load(state, Field.BLeft, k),
                Load(state, Field.BRight, k),
                sLeft,
                sRight,
                one / Load(state, Field.VLeft, k),
                one / Load(state, Field.VRight, k),
                Vector256<double>.Zero,
                Load(state, Field.ControlAtRight, k));
            Store(state, Field.SLeft, k, sLeft);
            Store(state, Field.SRight, k, sRight);
            Store(state, Field.S, k, KeepInsideLanes(guess, sLeft, sRight));
        }
    }

    /// <summary>The lower- and upper-branch guesses of the listed items, four lanes at a time (the same operations as <see cref="InitialGuessAt"/>).</summary>
    private static void OuterGuesses(Span<double> state, ReadOnlySpan<int> lower, ReadOnlySpan<int> upper)
    {
        var last = lower.Length - 1;
        for (var j = 0; j < lower.Length; j += 4)
        {
            // A short last group repeats its last item (see EvaluateGroups); setting a guess twice is idempotent.
            var (k0, k1, k2, k3) = Group(lower, j, last);
            var sL = Gather(state, Field.IntervalSLeft, k0, k1, k2, k3);
            var guess = LowerBranchGuessLanes(
                Gather(state, Field.Beta, k0, k1, k2, k3),
                Gather(state, Field.X, k0, k1, k2, k3),
                sL,
                Gather(state, Field.BLeft, k0, k1, k2, k3),
                Gather(state, Field.VLeft, k0, k1, k2, k3));
            var zero = Vector256<double>.Zero;
            Scatter(state, Field.SLeft, k0, k1, k2, k3, zero);
            Scatter(state, Field.SRight, k0, k1, k2, k3, sL);
            Scatter(state, Field.S, k0, k1, k2, k3, KeepInsideLanes(guess, zero, sL));
        }

        last = upper.Length - 1;
        for (var j = 0; j < upper.Length; j += 4)
        {
            var (k0, k1, k2, k3) = Group(upper, j, last);
            var sU = Gather(state, Field.IntervalSRight, k0, k1, k2, k3);
            var guess = UpperBranchGuessLanes(
                Gather(state, Field.Beta, k0, k1, k2, k3),
                Gather(state, Field.X, k0, k1, k2, k3),
                Gather(state, Field.BetaComplement, k0, k1, k2, k3),
                Gather(state, Field.BMax, k0, k1, k2, k3),
                sU,
                Gather(state, Field.BRight, k0, k1, k2, k3),
                Gather(state, Field.VRight, k0, k1, k2, k3));
            var infinity = Vector256.Create(double.PositiveInfinity);
            Scatter(state, Field.SLeft, k0, k1, k2, k3, sU);
            Scatter(state, Field.SRight, k0, k1, k2, k3, infinity);
            Scatter(state, Field.S, k0, k1, k2, k3, KeepInsideLanes(guess, sU, infinity));
        }
    }

    /// <summary><see cref="KeepInside"/> for four lanes: the same selections, so each lane gets the scalar value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> KeepInsideLanes(Vector256<double> s, Vector256<double> sLeft, Vector256<double> sRight)
    {
        var infinity = Vector256.Create(double.PositiveInfinity);
        var zero = Vector256<double>.Zero;

        // Bisect(NaN, sLeft, sRight): from = sLeft when the bracket is open to the right.
        var openDouble = Vector256.ConditionalSelect(Vector256.GreaterThan(sLeft, zero), Vector256.Create(2.0) * sLeft, Vector256<double>.One);
        var result = Vector256.ConditionalSelect(Vector256.Equals(sRight, infinity), openDouble, Vector256.Create(0.5) * (sLeft + sRight));
        result = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(s, sLeft) & Vector256.GreaterThan(sLeft, zero), sLeft, result);
        result = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(s, sRight) & Vector256.LessThan(Vector256.Abs(sRight), infinity), sRight, result);
        return Vector256.ConditionalSelect(Vector256.GreaterThan(s, sLeft) & Vector256.LessThan(s, sRight), s, result);
    }

    /// <summary>The first refinement step of the first <paramref name="padded"/> items in order: b at the guess, the closing step and the Householder step lane-wise.</summary>
    /// <remarks>
    /// Per lane the operations of <see cref="ClosingSteps"/> (which the later rounds use over a list): a lane whose closing
    /// step is accepted, or whose Householder step ends the solve, is finished; one whose Householder step stays in the
    /// bracket goes to <paramref name="next"/>; the others (upper branch, a rejected step) go to <paramref name="scalar"/>
    /// for <see cref="RefineStep"/> with their closing outcome in the Closing row.
    /// </remarks>
    private static void FirstRound(
        Span<double> state, Span<int> ints, int padded, Span<int> next, out int nextCount, Span<int> scalar, out int scalarCount, Span<int> lowerSteps)
    {
        var nexts = 0;
        var scalars = 0;
        var lowers = 0;
        // b at s for the whole chunk first, then the steps: each loop's iterations are independent, so the processor
        // overlaps one group's kernel latencies with the next group's work instead of waiting on a group's long chain.
        for (var k = 0; k < padded; k += 4)
        {
            var value = NormalisedBlack.OutOfTheMoneyCallLanes(Load(state, Field.X, k), Load(state, Field.S, k), out var derivative);
            Store(state, Field.BNode, k, value);
            Store(state, Field.VNode, k, derivative);
        }

        for (var k = 0; k < padded; k += 4)
        {
            var s = Load(state, Field.S, k);
            Store(state, Field.Closed, k, ClosingLanes(
                Load(state, Field.X, k) / s, s, (Load(state, Field.Beta, k) - Load(state, Field.BNode, k)) / Load(state, Field.VNode, k), out var closingAccepted));
            Store(state, Field.Accepted, k, closingAccepted);
        }

        for (var k = 0; k < padded; k += 4)
        {
            var zero = Vector256<double>.Zero;
            var s = Load(state, Field.S, k);
            var x = Load(state, Field.X, k);
            var beta = Load(state, Field.Beta, k);
            var b = Load(state, Field.BNode, k);
            var vega = Load(state, Field.VNode, k);
            var selected = Vector256.AndNot(
                ~Vector256.Equals(b, beta) & Vector256.GreaterThan(vega, zero) & Vector256.GreaterThan(b, zero), Load(state, Field.UpperMask, k));
            var closed = Load(state, Field.Closed, k);
            var accepted = Load(state, Field.Accepted, k);
            var sLeftBefore = Load(state, Field.SLeft, k);
            var sRightBefore = Load(state, Field.SRight, k);
            var sRight = Vector256.ConditionalSelect(Vector256.GreaterThan(b, beta), Vector256.Min(sRightBefore, s), sRightBefore);
            var sLeft = Vector256.ConditionalSelect(Vector256.LessThan(b, beta), Vector256.Max(sLeftBefore, s), sLeftBefore);
            // The bracket update is stored for every lane: the scalar step repeats it from s, which leaves it unchanged.
            Store(state, Field.SLeft, k, sLeft);
            Store(state, Field.SRight, k, sRight);
            var done = selected & accepted;
            var newS = Vector256.ConditionalSelect(
                done, Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(closed, sLeft) & Vector256.LessThanOrEqual(closed, sRight), closed, s), s);
            var selectedBits = selected.ExtractMostSignificantBits();
            var doneBits = done.ExtractMostSignificantBits();
            var lowerMask = Load(state, Field.LowerMask, k);
            var pendingLowerBits = lowerMask.ExtractMostSignificantBits() & selectedBits & ~doneBits;
            var steppedBits = 0u;
            var continueBits = 0u;
            if ((doneBits | pendingLowerBits) != selectedBits)
            {
                // Middle-branch lanes whose closing step was rejected: the Householder step without logarithms. The lower
                // branch's lanes (three logarithms) are listed and stepped four at a time below.
                var stepped = HouseholderLanes(x, s, beta, b, vega, sLeft, sRight, 0u, out var inside);
                var steppedMask = Vector256.AndNot(Vector256.AndNot(inside & selected, accepted), lowerMask);
                steppedBits = steppedMask.ExtractMostSignificantBits();
                var last = ~Vector256.GreaterThan(Vector256.Abs(stepped - s), Vector256.Create(FinalStep) * stepped);
                continueBits = steppedBits & ~last.ExtractMostSignificantBits();
                newS = Vector256.ConditionalSelect(steppedMask, stepped, newS);
            }

            Store(state, Field.S, k, newS);
            var advanced = doneBits | steppedBits;
            var scalarBits = ~(advanced | pendingLowerBits);
            for (var lane = 0; lane < 4; lane++)
            {
                var item = k + lane;
                Cell(ints, IntField.Iterations, item) = (int)((advanced >> lane) & 1);
                Cell(ints, IntField.Closing, item) = (int)((selectedBits >> lane) & 1);
                next[nexts] = item;
                nexts += (int)((continueBits >> lane) & 1);
                scalar[scalars] = item;
                scalars += (int)((scalarBits >> lane) & 1);
                lowerSteps[lowers] = item;
                lowers += (int)((pendingLowerBits >> lane) & 1);
            }
        }

        // The lower branch's Householder steps, four listed lanes at a time (a short last group repeats its last item).
        var lastLower = lowers - 1;
        for (var j = 0; j < lowers; j += 4)
        {
            var k0 = lowerSteps[j];
            var k1 = lowerSteps[Lane(j + 1, lastLower)];
            var k2 = lowerSteps[Lane(j + 2, lastLower)];
            var k3 = lowerSteps[Lane(j + 3, lastLower)];
            var s = Gather(state, Field.S, k0, k1, k2, k3);
            var stepped = HouseholderLanes(
                Gather(state, Field.X, k0, k1, k2, k3),
                s,
                Gather(state, Field.Beta, k0, k1, k2, k3),
                Gather(state, Field.BNode, k0, k1, k2, k3),
                Gather(state, Field.VNode, k0, k1, k2, k3),
                Gather(state, Field.SLeft, k0, k1, k2, k3),
                Gather(state, Field.SRight, k0, k1, k2, k3),
                0b1111u,
                out var inside);
            var insideBits = inside.ExtractMostSignificantBits();
            var lastBits = (~Vector256.GreaterThan(Vector256.Abs(stepped - s), Vector256.Create(FinalStep) * stepped)).ExtractMostSignificantBits();
            Scatter(state, Field.S, k0, k1, k2, k3, Vector256.ConditionalSelect(inside, stepped, s));
            for (var lane = 0; lane < 4 && j + lane < lowers; lane++)
            {
                var item = lowerSteps[j + lane];
                var isInside = (int)((insideBits >> lane) & 1);
                Cell(ints, IntField.Iterations, item) = isInside;
                next[nexts] = item;
                nexts += isInside & (int)(~(lastBits >> lane) & 1);
                scalar[scalars] = item;
                scalars += 1 - isInside;
            }
        }

        nextCount = nexts;
        scalarCount = scalars;
    }

    /// <summary>A refinement step's <see cref="ClosingStep"/> four lanes at a time, for the quotes whose step reaches it with ν = (β − b)/b'.</summary>
    /// <remarks>
    /// Mirrors the start of <see cref="HouseholderStep"/>: lower and middle branches with b ≠ β, b &gt; 0 and a positive
    /// vega (the upper branch needs its complement and stays scalar). <paramref name="scratch"/> receives those items.
    /// </remarks>
    private static void ClosingSteps(Span<double> state, Span<int> ints, ReadOnlySpan<int> items, Span<int> scratch)
    {
        // Lower-branch items first, middle-branch ones from the back: a lower-branch step that is not closed needs three
        // logarithms, which are then taken for groups of four such lanes.
        var front = 0;
        var back = items.Length;
        foreach (var k in items)
        {
            Cell(ints, IntField.Closing, k) = (int)ClosingGiven.None;
            var branch = (Branch)Cell(ints, IntField.Branch, k);
            var b = Cell(state, Field.BNode, k);
            if (branch != Branch.Upper && b != Cell(state, Field.Beta, k) && Cell(state, Field.VNode, k) > 0 && b > 0)
            {
                if (branch == Branch.Lower)
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

        for (var j = 0; j + 4 <= count; j += 4)
        {
            var k0 = scratch[j];
            var k1 = scratch[j + 1];
            var k2 = scratch[j + 2];
            var k3 = scratch[j + 3];
            var s = Gather(state, Field.S, k0, k1, k2, k3);
            var x = Gather(state, Field.X, k0, k1, k2, k3);
            var beta = Gather(state, Field.Beta, k0, k1, k2, k3);
            var b = Gather(state, Field.BNode, k0, k1, k2, k3);
            var vega = Gather(state, Field.VNode, k0, k1, k2, k3);
            var next = ClosingLanes(x / s, s, (beta - b) / vega, out var accepted);

            // An accepted closing step ends the solve: the rest of RefineStep (bracket update, final s inside the
            // bracket, one more iteration) lane-wise, the same operations as the scalar step takes for such a lane.
            var sLeft = Gather(state, Field.SLeft, k0, k1, k2, k3);
            var sRight = Gather(state, Field.SRight, k0, k1, k2, k3);
            sRight = Vector256.ConditionalSelect(Vector256.GreaterThan(b, beta), Vector256.Min(sRight, s), sRight);
            sLeft = Vector256.ConditionalSelect(Vector256.LessThan(b, beta), Vector256.Max(sLeft, s), sLeft);
            var final = Vector256.ConditionalSelect(
                Vector256.GreaterThanOrEqual(next, sLeft) & Vector256.LessThanOrEqual(next, sRight), next, s);
            var acceptedBits = accepted.ExtractMostSignificantBits();
            Close(state, ints, k0, (acceptedBits & 1) != 0, final.GetElement(0));
            Close(state, ints, k1, (acceptedBits & 2) != 0, final.GetElement(1));
            Close(state, ints, k2, (acceptedBits & 4) != 0, final.GetElement(2));
            Close(state, ints, k3, (acceptedBits & 8) != 0, final.GetElement(3));
            if (acceptedBits != 0b1111)
            {
                var lowerBits = (Cell(ints, IntField.Branch, k0) == (int)Branch.Lower ? 1u : 0u)
                    | (Cell(ints, IntField.Branch, k1) == (int)Branch.Lower ? 2u : 0u)
                    | (Cell(ints, IntField.Branch, k2) == (int)Branch.Lower ? 4u : 0u)
                    | (Cell(ints, IntField.Branch, k3) == (int)Branch.Lower ? 8u : 0u);
                var stepped = HouseholderLanes(x, s, beta, b, vega, sLeft, sRight, lowerBits & ~acceptedBits, out var inside);
                var steppedBits = inside.ExtractMostSignificantBits() & ~acceptedBits;
                Step(state, ints, k0, (steppedBits & 1) != 0, stepped.GetElement(0), sLeft.GetElement(0), sRight.GetElement(0));
                Step(state, ints, k1, (steppedBits & 2) != 0, stepped.GetElement(1), sLeft.GetElement(1), sRight.GetElement(1));
                Step(state, ints, k2, (steppedBits & 4) != 0, stepped.GetElement(2), sLeft.GetElement(2), sRight.GetElement(2));
                Step(state, ints, k3, (steppedBits & 8) != 0, stepped.GetElement(3), sLeft.GetElement(3), sRight.GetElement(3));
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
    private static void Step(Span<double> state, Span<int> ints, int k, bool stepped, double next, double sLeft, double sRight)
    {
        if (!stepped)
        {
            return;
        }

        ref var s = ref Cell(state, Field.S, k);
        var previous = s;
        s = next;
        Cell(state, Field.SLeft, k) = sLeft;
        Cell(state, Field.SRight, k) = sRight;
        var iterations = ++Cell(ints, IntField.Iterations, k);
        Cell(ints, IntField.Closing, k) = (int)(!(Math.Abs(next - previous) > FinalStep * next) || iterations >= HouseholderStepsMax
            ? ClosingGiven.Finished
            : ClosingGiven.Stepped);
    }

    /// <summary>Records a lane-wise closing step: an accepted one is the final step (s set, one more iteration), a rejected one leaves the step to <see cref="RefineStep"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Close(Span<double> state, Span<int> ints, int k, bool accepted, double final)
    {
        if (accepted)
        {
            Cell(ints, IntField.Closing, k) = (int)ClosingGiven.Finished;
            Cell(state, Field.S, k) = final;
            Cell(ints, IntField.Iterations, k)++;
        }
        else
        {
            Cell(ints, IntField.Closing, k) = (int)ClosingGiven.Rejected;
        }
    }
}
