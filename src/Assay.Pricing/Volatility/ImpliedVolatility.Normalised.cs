using System.Runtime.CompilerServices;
using Assay.Numerics;

namespace Assay.Pricing.Volatility;

/// <content>The normalised "Let's Be Rational" solver: four-branch initial guess and Householder(3) refinement.</content>
public static partial class ImpliedVolatility
{
    /// <summary>Hard limit on Householder steps (two suffice on every grid row; see <see cref="FinalStep"/>).</summary>
    private const int HouseholderStepsMax = 6;

    /// <summary>A Householder step that moved s by at most this fraction was the last one needed.</summary>
    /// <remarks>
    /// The step is of order 4: a step of relative size Δ leaves an error of about C·Δ⁴ with C of order one (measured
    /// C ≤ 2 on the grid), so after a step below 1e−6 the next one would move s by ~1e−24, far below an ulp.
    /// </remarks>
    private const double FinalStep = 1e-6;

    /// <summary>Bound on ν/s and on every term |aₖ|·|ν/s|^(k−1) of the Taylor series for the closing seventh-order step.</summary>
    /// <remarks>
    /// The neglected eighth-order term of the polynomial is of order ρ⁷·|ν| ≤ ρ⁸·s; at ρ = 5e−3 that is about
    /// 4e−19·s, a three-hundredth of an ulp.
    /// </remarks>
    private const double ClosingScale = 5e-3;

    /// <summary>Below this bound (on ν/s and each term, as for <see cref="ClosingScale"/>) the fifth-order reversion alone is exact to rounding.</summary>
    private const double ClosingScaleReversion = 5e-4;

    /// <summary>A step this small relative to s is rounding noise, not an overshoot.</summary>
    private const double ConvergedStep = 1e-12;

    /// <summary>2π/√27, the scale of the lower-branch map f(s) = (2π|x|/√27)·Φ(−|x|/(√3·s))³.</summary>
    private const double TwoPiOverSqrt27 = 1.2091995761561452337293855933640182188561781052456;

    /// <summary>√3.</summary>
    private const double SqrtThree = 1.7320508075688772935274463415058723669428052538104;

    private enum Branch
    {
        Lower,
        Middle,
        Upper,
    }

    /// <summary>The interval of a guess: β and s at both ends, the vegas there, and which end the curvature is fitted at (all ones: right).</summary>
    private readonly record struct GuessInterval(double BLeft, double BRight, double SLeft, double SRight, double VLeft, double VRight, long ControlAtRight);

    /// <summary>Whether the first step's <see cref="ClosingStep"/> outcome was computed by the caller, and which.</summary>
    private enum ClosingGiven
    {
        None,
        Rejected,
        Accepted,

        /// <summary>The batch finished the solve lane-wise: s is final.</summary>
        Finished,

        /// <summary>The batch took a Householder step lane-wise; the solve continues.</summary>
        Stepped,
    }

    /// <summary>Solves b(x, s, +1) = β for s, with x ≤ 0 and 0 &lt; β &lt; e^(x/2).</summary>
    /// <param name="beta">Normalised out-of-the-money call value.</param>
    /// <param name="x">Log-moneyness, ≤ 0.</param>
    /// <param name="bMax">e^(x/2), the value at s = ∞.</param>
    /// <param name="betaComplement">e^(x/2) − β, formed by the caller from price units so that it keeps its digits.</param>
    /// <param name="iterations">Householder steps taken.</param>
    internal static double SolveOutOfTheMoneyCall(double beta, double x, double bMax, double betaComplement, out int iterations)
    {
        var inflection = Inflection(x, bMax);
        var s = InitialGuess(beta, x, bMax, betaComplement, inflection, out var branch, out var sLeft, out var sRight);
        return Refine(branch, beta, x, betaComplement, s, sLeft, sRight, out iterations);
    }

    /// <summary>The inflection point s_c = √(2|x|) of s ↦ b(x, s) with b_c = b(x, s_c) and v_c = ∂b/∂s(x, s_c).</summary>
    /// <remarks>
    /// Paper §4: the tangent at s_c meets b = 0 at s_l and b = b_max at s_u, which split the β axis into the four
    /// branches of the initial guess. At s_c the Gaussian factor is e^(x/2) = b_max, so b_c needs one erfcx and v_c none.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double S, double B, double V) Inflection(double x, double bMax)
    {
        var sC = Math.Sqrt(-2.0 * x);
        return InflectionFrom(x, bMax, sC, ErrorFunction.Erfcx(NormalisedBlack.AtInflectionArgument(x, sC)));
    }

    /// <summary><see cref="Inflection"/> from s_c = √(−2x) and the erfcx of <see cref="NormalisedBlack.AtInflectionArgument"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double S, double B, double V) InflectionFrom(double x, double bMax, double sC, double erfcx)
    {
        var bC = NormalisedBlack.AtInflectionFinish(x, sC, bMax, erfcx);
        var vC = x == 0 ? NormalisedBlack.InvSqrtTwoPi : NormalisedBlack.InvSqrtTwoPi * bMax;
        return (sC, bC, vC);
    }

    /// <summary>The four-branch initial guess for s (paper §4), with its branch and the bracket that branch implies.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double InitialGuess(
        double beta,
        double x,
        double bMax,
        double betaComplement,
        (double S, double B, double V) inflection,
        out Branch branch,
        out double sLeft,
        out double sRight)
    {
        var node = GuessNode(beta, bMax, inflection);
        var bNode = NormalisedBlack.OutOfTheMoneyCall(x, node, out var vNode);
        return InitialGuessAt(beta, x, bMax, betaComplement, inflection, node, bNode, vNode, out branch, out sLeft, out sRight);
    }

    /// <summary>Where the guess evaluates b: s_l = s_c − b_c/v_c when β &lt; b_c, else s_u = s_c + (b_max − b_c)/v_c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double GuessNode(double beta, double bMax, (double S, double B, double V) inflection)
    {
        var (sC, bC, vC) = inflection;
        if (beta < bC)
        {
            return sC - (bC / vC);
        }

        return vC > 0 ? sC + ((bMax - bC) / vC) : double.PositiveInfinity;
    }

    /// <summary>The initial guess given b and its vega at <see cref="GuessNode"/> (s_l or s_u).</summary>
    private static double InitialGuessAt(
        double beta,
        double x,
        double bMax,
        double betaComplement,
        (double S, double B, double V) inflection,
        double node,
        double bNode,
        double vNode,
        out Branch branch,
        out double sLeft,
        out double sRight)
    {
        var (sC, bC, vC) = inflection;
        double s;

        if (beta < bC)
        {
            var sL = node;
            var bL = bNode;
            var vL = vNode;
            if (!(sL > 0 && bL > 0))
            {
                // Guard for rounding at tiny |x|: let the lower branch cover [0, b_c].
                sL = sC;
                bL = bC;
                vL = vC;
            }

            if (beta < bL)
            {
                branch = Branch.Lower;
                s = LowerBranchGuess(beta, x, sL, bL, vL);
                sLeft = 0.0;
                sRight = sL;
            }
            else
            {
                branch = Branch.Middle;
                var r = RationalCubic.ControlForRightSecondDerivative(bL, bC, sL, sC, 1.0 / vL, 1.0 / vC, 0.0);
                s = RationalCubic.Interpolate(beta, bL, bC, sL, sC, 1.0 / vL, 1.0 / vC, r);
                sLeft = sL;
                sRight = sC;
            }
        }
        else
        {
            var sU = node;
            var bU = bNode;
            var vU = vNode;
            if (beta <= bU && vU > 0)
            {
                branch = Branch.Middle;
                var r = RationalCubic.ControlForLeftSecondDerivative(bC, bU, sC, sU, 1.0 / vC, 1.0 / vU, 0.0);
                s = RationalCubic.Interpolate(beta, bC, bU, sC, sU, 1.0 / vC, 1.0 / vU, r);
                sLeft = sC;
                sRight = sU;
            }
            else
            {
                branch = Branch.Upper;
                s = UpperBranchGuess(beta, x, betaComplement, bMax, sU, bU, vU);
                sLeft = sU;
                sRight = double.PositiveInfinity;
            }
        }

        return KeepInside(s, sLeft, sRight);
    }

    /// <summary>The branch <see cref="InitialGuessAt"/> takes, with the interval data it uses there.</summary>
    /// <remarks>
    /// The branch choice of <see cref="InitialGuessAt"/>, repeated so that a batch can make the guesses lane-wise.
    /// Middle: both ends; lower: s_l, b_l, v_l at the left end; upper: s_u, b_u, v_u at the right end.
    /// </remarks>
    private static Branch GuessBranch(double beta, (double S, double B, double V) inflection, double node, double bNode, double vNode, out GuessInterval interval)
    {
        var (sC, bC, vC) = inflection;
        if (beta < bC)
        {
            var sL = node;
            var bL = bNode;
            var vL = vNode;
            if (!(sL > 0 && bL > 0))
            {
                sL = sC;
                bL = bC;
                vL = vC;
            }

            interval = new GuessInterval(bL, bC, sL, sC, vL, vC, -1L);
            return beta < bL ? Branch.Lower : Branch.Middle;
        }

        interval = new GuessInterval(bC, bNode, sC, node, vC, vNode, 0L);
        return beta <= bNode && vNode > 0 ? Branch.Middle : Branch.Upper;
    }

    /// <summary>Householder(3) steps and the closing step from the guess <paramref name="s"/> until s is exact to rounding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Refine(Branch branch, double beta, double x, double betaComplement, double s, double sLeft, double sRight, out int iterations)
    {
        var b = NormalisedBlack.OutOfTheMoneyCall(x, s, out var vega);
        return RefineFrom(branch, beta, x, betaComplement, s, sLeft, sRight, b, vega, ClosingGiven.None, s, out iterations);
    }

    /// <summary><see cref="Refine"/> given b and its vega at the guess <paramref name="s"/>.</summary>
    /// <remarks>
    /// <paramref name="closing"/> and <paramref name="closingNext"/> may carry the first step's <see cref="ClosingStep"/>
    /// outcome, computed by the caller (lane-wise) from the same inputs.
    /// </remarks>
    private static double RefineFrom(
        Branch branch,
        double beta,
        double x,
        double betaComplement,
        double s,
        double sLeft,
        double sRight,
        double b,
        double vega,
        ClosingGiven closing,
        double closingNext,
        out int iterations)
    {
        iterations = 0;
        while (true)
        {
            if (iterations > 0)
            {
                b = NormalisedBlack.OutOfTheMoneyCall(x, s, out vega);
            }

            if (RefineStep(branch, beta, x, betaComplement, ref s, ref sLeft, ref sRight, b, vega, closing, closingNext, ref iterations))
            {
                return s;
            }

            closing = ClosingGiven.None;
        }
    }

    /// <summary>One step of <see cref="RefineFrom"/> from b and its vega at s; true when s is final.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool RefineStep(
        Branch branch,
        double beta,
        double x,
        double betaComplement,
        ref double s,
        ref double sLeft,
        ref double sRight,
        double b,
        double vega,
        ClosingGiven closing,
        double closingNext,
        ref int iterations)
    {
        var previous = s;
        s = HouseholderStep(branch, beta, betaComplement, x, s, b, vega, closing, closingNext, ref sLeft, ref sRight, out var householder, out var finished);
        iterations++;

        // The step is final when it was the closing series step (the residual was small enough for it to reach
        // machine precision). Otherwise a fourth-order step of relative size Δ leaves an error ~Δ⁴: once a genuine
        // Householder step is below FinalStep the next would not change s. A bisection or a clamped step never
        // ends the iteration.
        return finished || (householder && !(Math.Abs(s - previous) > FinalStep * s)) || iterations >= HouseholderStepsMax;
    }

    /// <summary>One Householder step of order 4 on the branch's objective from b = b(x, s) and its vega, kept inside the bracket [sLeft, sRight].</summary>
    /// <remarks>
    /// Objectives (paper §5): lower branch g = 1/ln b(s) − 1/ln β, middle g = b(s) − β, upper
    /// g = ln(b_max − β) − ln(b_max − b(s)), the latter with b_max − b evaluated without cancellation. With
    /// ν = −g/g', γ = g''/g', δ = g'''/g' the step is ν·(1 + γν/2)/(1 + ν(γ + δν/6)). The derivatives of b in s
    /// follow from b'' /b' = x²/s³ − s/4 and b'''/b' = (b''/b')² − 3x²/s⁴ − 1/4.
    /// </remarks>
    private static double HouseholderStep(
        Branch branch,
        double beta,
        double betaComplement,
        double x,
        double s,
        double b,
        double vega,
        ClosingGiven closingGiven,
        double closingNext,
        ref double sLeft,
        ref double sRight,
        out bool householder,
        out bool finished)
    {
        householder = false;
        finished = false;
        if (b > beta)
        {
            sRight = Math.Min(sRight, s);
        }
        else if (b < beta)
        {
            sLeft = Math.Max(sLeft, s);
        }
        else
        {
            finished = true;
            return s;
        }

        if (!(vega > 0 && b > 0))
        {
            return Bisect(s, sLeft, sRight);
        }

        // Near the root any objective will do: β − b (from the complements on the upper branch, where b is close to
        // b_max) is inverted by its Taylor series to fifth order, which reaches machine precision in one step.
        var complement = 0.0;
        if (branch == Branch.Upper)
        {
            complement = NormalisedBlack.OutOfTheMoneyCallComplement(x, s);
            if (!(complement > 0))
            {
                return Bisect(s, sLeft, sRight);
            }
        }

        var newton = (branch == Branch.Upper ? complement - betaComplement : beta - b) / vega;
        var closing = closingNext;
        if (closingGiven == ClosingGiven.None ? ClosingStep(x / s, s, newton, out closing) : closingGiven == ClosingGiven.Accepted)
        {
            finished = true;
            return closing >= sLeft && closing <= sRight ? closing : s;
        }

        var xSquare = x * x;
        var sSquare = s * s;
        var h2 = (xSquare / (sSquare * s)) - (0.25 * s);
        var h3 = (h2 * h2) - (3.0 * xSquare / (sSquare * sSquare)) - 0.25;
        double nu;
        double gamma;
        double delta;
        switch (branch)
        {
            case Branch.Lower:
            {
                var logB = DMath.Log(b);
                var u = vega / b;
                nu = logB * DMath.Log(beta / b) / (u * DMath.Log(beta));
                var curvature = h2 - u;
                gamma = curvature - (2.0 * u / logB);
                delta = (h3 - (3.0 * u * h2) + (2.0 * u * u)) - (6.0 * u * curvature / logB) + (6.0 * u * u / (logB * logB));
                break;
            }

            case Branch.Upper:
            {
                var m = vega / complement;
                nu = DMath.Log(complement / betaComplement) / m;
                gamma = h2 + m;
                delta = h3 + (3.0 * m * h2) + (2.0 * m * m);
                break;
            }

            default:
                nu = (beta - b) / vega;
                gamma = h2;
                delta = h3;
                break;
        }

        var next = s + (nu * (1.0 + (0.5 * gamma * nu)) / (1.0 + (nu * (gamma + (delta * nu / 6.0)))));
        if (next >= sLeft && next <= sRight)
        {
            householder = true;
            return next;
        }

        // A step that leaves the bracket by rounding alone (converged) keeps s; a genuine overshoot bisects.
        householder = Math.Abs(next - s) <= ConvergedStep * s;
        return householder ? s : Bisect(s, sLeft, sRight);
    }

    /// <summary>The closing step: s·(1 + δ) with b(s(1 + δ)) = b(s) + vega·ν solved to seventh order in δ, if that is exact to rounding.</summary>
    /// <remarks>
    /// All derivatives of b in s follow from the vega: L = ln ∂b/∂s = −(x²/s² + s²/4)/2 + const, so with h = x/s the
    /// scaled Taylor coefficients pⱼ = L⁽ʲ⁾·sʲ/j! are p₁ = h² − s²/4, p₂ = −3h²/2 − s²/8 and pⱼ = (−1)^(j+1)(j+1)h²/2
    /// for j ≥ 3. The series of ∂b/∂s(s(1 + δ))/∂b/∂s(s) = exp(Σ pⱼδʲ) = Σ eₙδⁿ follows from e₀ = 1,
    /// eₙ = (1/n)·Σₖ k·pₖ·eₙ₋ₖ, and b(s(1 + δ)) − b(s) = vega·s·Σₖ aₖδᵏ with aₖ = eₖ₋₁/k. The polynomial equation
    /// Σₖ₌₁⁷ aₖδᵏ = ν/s is solved by its fifth-order series reversion (relative error ~42ρ⁵) and one Newton step.
    /// The step is taken only when |ν/s| ≤ ρ = <see cref="ClosingScale"/> and every term |aₖ|·|ν/s|^(k−1) ≤ ρ^(k−1):
    /// the neglected eighth-order term is then of order ρ⁷·|ν| ≤ ρ⁸·s ≈ 4e−19·s, far below an ulp of s.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ClosingStep(double h, double s, double newton, out double next)
    {
        next = s;
        var nu = newton / s;
        var nuAbs = Math.Abs(nu);
        if (!(nuAbs <= ClosingScale))
        {
            return false;
        }

        var hh = 0.5 * h * h;
        var quarterS2 = 0.125 * s * s;
        var p1 = (2.0 * hh) - (2.0 * quarterS2);
        var p2 = (-3.0 * hh) - quarterS2;
        var p3 = 4.0 * hh;
        var p4 = -5.0 * hh;
        var p5 = 6.0 * hh;
        var p6 = -7.0 * hh;

        // eₙ = (1/n)·Σₖ k·pₖ·eₙ₋ₖ with e₀ = 1 (series exponential), then aₖ = eₖ₋₁/k.
        var q1 = p1;
        var q2 = 2.0 * p2;
        var q3 = 3.0 * p3;
        var q4 = 4.0 * p4;
        var q5 = 5.0 * p5;
        var q6 = 6.0 * p6;
        var e1 = q1;
        var e2 = 0.5 * ((q1 * e1) + q2);
        var e3 = (1.0 / 3.0) * ((q1 * e2) + (q2 * e1) + q3);
        var e4 = 0.25 * ((q1 * e3) + (q2 * e2) + (q3 * e1) + q4);
        var a2 = 0.5 * e1;
        var a3 = (1.0 / 3.0) * e2;
        var a4 = 0.25 * e3;
        var a5 = 0.2 * e4;
        var a2Square = a2 * a2;
        var c3 = (2.0 * a2Square) - a3;
        var c4 = (-5.0 * a2Square * a2) + (5.0 * a2 * a3) - a4;
        var c5 = (14.0 * a2Square * a2Square) - (21.0 * a2Square * a3) + (6.0 * a2 * a4) + (3.0 * a3 * a3) - a5;
        var nu2 = nuAbs * nuAbs;
        var nu3 = nu2 * nuAbs;

        // Fifth-order series reversion of P(δ) = δ + a₂δ² + … = ν/s: its own neglected term is of order 132·ρ⁵·|ν|
        // (132: the Catalan growth of reversion coefficients), below 2e−18·s when every term is within ρ₀ = 5e−4.
        var delta = nu * (1.0 + (nu * (-a2 + (nu * (c3 + (nu * (c4 + (nu * c5))))))));
        const double Rho0 = ClosingScaleReversion;
        if (!(nuAbs <= Rho0 && Math.Abs(a2) * nuAbs <= Rho0 && Math.Abs(a3) * nu2 <= Rho0 * Rho0
            && Math.Abs(a4) * nu3 <= Rho0 * Rho0 * Rho0 && Math.Abs(a5) * nu2 * nu2 <= Rho0 * Rho0 * Rho0 * Rho0))
        {
            var e5 = 0.2 * ((q1 * e4) + (q2 * e3) + (q3 * e2) + (q4 * e1) + q5);
            var e6 = (1.0 / 6.0) * ((q1 * e5) + (q2 * e4) + (q3 * e3) + (q4 * e2) + (q5 * e1) + q6);
            var a6 = (1.0 / 6.0) * e5;
            var a7 = (1.0 / 7.0) * e6;
            const double Rho = ClosingScale;
            if (!(Math.Abs(a2) * nuAbs <= Rho && Math.Abs(a3) * nu2 <= Rho * Rho && Math.Abs(a4) * nu3 <= Rho * Rho * Rho
                && Math.Abs(a5) * nu2 * nu2 <= Rho * Rho * Rho * Rho && Math.Abs(a6) * nu3 * nu2 <= Rho * Rho * Rho * Rho * Rho
                && Math.Abs(a7) * nu3 * nu3 <= Rho * Rho * Rho * Rho * Rho * Rho))
            {
                return false;
            }

            // Larger steps: one Newton step on the seventh-degree polynomial squares the reversion's relative error
            // (~42ρ⁵); the polynomial's own neglected term is of order ρ⁷·|ν| ≤ ρ⁸·s.
            var value = (delta * (1.0 + (delta * (a2 + (delta * (a3 + (delta * (a4 + (delta * (a5 + (delta * (a6 + (delta * a7))))))))))))) - nu;
            var slope = 1.0 + (delta * ((2.0 * a2) + (delta * ((3.0 * a3) + (delta * ((4.0 * a4) + (delta * ((5.0 * a5) + (delta * ((6.0 * a6) + (delta * 7.0 * a7)))))))))));
            delta -= value / slope;
        }

        next = s + (s * delta);
        return true;
    }

    /// <summary>Lower branch (β &lt; b_l): interpolate f = (2π|x|/√27)·Φ(−|x|/(√3 s))³ in β and invert f in closed form.</summary>
    /// <remarks>
    /// f matches b to leading order as s → 0 (df/dβ → 1 at β = 0), so a rational cubic in β on [0, b_l] with
    /// f(0) = 0, f'(0) = 1, f(b_l), f'(b_l) and f''(b_l) matched is an accurate map (paper §4).
    /// </remarks>
    private static double LowerBranchGuess(double beta, double x, double sL, double bL, double vL)
    {
        var ax = -x;
        var scale = TwoPiOverSqrt27 * ax;
        var z = ax / (SqrtThree * sL);
        var p = Normal.Cdf(-z);
        var density = Normal.Pdf(z);
        var pS = density * z / sL;
        var pSS = density * z * ((z * z) - 2.0) / (sL * sL);
        var fL = scale * p * p * p;
        var fS = 3.0 * scale * p * p * pS;
        var fSS = 3.0 * scale * ((2.0 * p * pS * pS) + (p * p * pSS));

        var h2 = (x * x / (sL * sL * sL)) - (0.25 * sL);
        var dRight = fS / vL;
        var d2Right = (fSS - (fS * h2)) / (vL * vL);
        var r = RationalCubic.ControlForRightSecondDerivative(0.0, bL, 0.0, fL, 1.0, dRight, d2Right);
        var f = RationalCubic.Interpolate(beta, 0.0, bL, 0.0, fL, 1.0, dRight, r);
        if (!(f > 0))
        {
            f = beta;
        }

        // Inverse map: Φ(−z) = (f/scale)^(1/3), s = |x|/(√3·z); Φ⁻¹ to seven digits from ln Φ(−z) = ln(f/scale)/3.
        var zGuess = -NormalQuantileGuess.LowerTail(Math.Min(DMath.Log(f / scale) / 3.0, 0.0));
        return zGuess > 0 ? ax / (SqrtThree * zGuess) : sL;
    }

    /// <summary>Upper branch (β &gt; b_u): interpolate f = Φ(−s/2) in β on [b_u, b_max] and invert f in closed form.</summary>
    /// <remarks>f(b_max) = 0 with df/dβ → −½ there; f(b_u), f'(b_u) and f''(b_u) are matched (paper §4).</remarks>
    private static double UpperBranchGuess(double beta, double x, double betaComplement, double bMax, double sU, double bU, double vU)
    {
        double f;
        if (double.IsFinite(sU) && vU > 0 && beta < bMax)
        {
            var fU = Normal.Cdf(-0.5 * sU);
            var density = Normal.Pdf(0.5 * sU);
            var fS = -0.5 * density;
            var fSS = 0.125 * sU * density;
            var h2 = (x * x / (sU * sU * sU)) - (0.25 * sU);
            var dLeft = fS / vU;
            var d2Left = (fSS - (fS * h2)) / (vU * vU);
            var r = RationalCubic.ControlForLeftSecondDerivative(bU, bMax, fU, 0.0, dLeft, -0.5, d2Left);
            f = RationalCubic.Interpolate(beta, bU, bMax, fU, 0.0, dLeft, -0.5, r);
        }
        else
        {
            f = 0.0;
        }

        if (!(f > 0 && f < 0.5))
        {
            // Next to b_max, f ≈ (b_max − β)/2.
            f = Math.Min(0.5 * betaComplement, 0.25);
        }

        return -2.0 * NormalQuantileGuess.LowerTail(DMath.Log(f));
    }

    /// <summary>Moves a guess that fell outside its branch to the nearer end of the branch.</summary>
    private static double KeepInside(double s, double sLeft, double sRight)
    {
        if (s > sLeft && s < sRight)
        {
            return s;
        }

        if (s >= sRight && double.IsFinite(sRight))
        {
            return sRight;
        }

        return s <= sLeft && sLeft > 0 ? sLeft : Bisect(double.NaN, sLeft, sRight);
    }

    /// <summary>A fallback point strictly inside the bracket; doubles when the bracket is open to the right.</summary>
    private static double Bisect(double s, double sLeft, double sRight)
    {
        if (double.IsPositiveInfinity(sRight))
        {
            var from = double.IsNaN(s) ? sLeft : Math.Max(s, sLeft);
            return from > 0 ? 2.0 * from : 1.0;
        }

        return 0.5 * (sLeft + sRight);
    }
}
