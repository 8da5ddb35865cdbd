using System.Globalization;
using Assay.Numerics;

namespace Assay.Pricing.Surfaces;

/// <summary>An implied-volatility surface built from fitted expiry slices, with interpolation and extrapolation in time.</summary>
/// <remarks>
/// <para>
/// Strike axis: every slice is a raw SVI smile in k = ln(K/F(T)), defined for all k (its wings are linear in k, within
/// Lee's bound), so no extrapolation rule in strike is needed.
/// </para>
/// <para>
/// Time axis, raw SVI surfaces: total variance is linear in T at fixed k between neighbouring slices, so a surface
/// without calendar arbitrage at the slices has none in between. Before the first and after the last slice the
/// implied volatility at fixed k is held flat: w(k, T) = w₁(k)·T/T₁ and w(k, T) = wₙ(k)·T/Tₙ.
/// </para>
/// <para>
/// Time axis, SSVI surfaces: θ(T) follows the same rules (linear between slices, flat at-the-money volatility
/// outside) and w(k, T) = w_SSVI(k, θ(T)), so the surface stays inside the SSVI family and its no-arbitrage theorem.
/// </para>
/// <para>
/// Forwards: ln F is linear in T between slices (a constant carry per interval) and continues with the nearest
/// interval's carry outside; a one-slice surface has a flat forward.
/// </para>
/// </remarks>
public sealed class VolSurface
{
    private readonly SurfaceSlice[] _slices;
    private readonly double[] _logForwards;
    private readonly double[] _thetas;

    private VolSurface(SurfaceSlice[] slices, SsviParameters? ssvi, double[] thetas)
    {
        _slices = slices;
        Ssvi = ssvi;
        _thetas = thetas;
        _logForwards = new double[slices.Length];
        for (var i = 0; i < slices.Length; i++)
        {
            _logForwards[i] = DMath.Log(slices[i].Forward);
        }
    }

    /// <summary>The slices in increasing expiry, as raw SVI (SSVI slices converted exactly).</summary>
    public IReadOnlyList<SurfaceSlice> Slices => _slices;

    /// <summary>The SSVI parameters when the surface is SSVI; null for a surface of independent raw SVI slices.</summary>
    public SsviParameters? Ssvi { get; }

    /// <summary>The at-the-money total variance θ of each SSVI slice (empty for raw SVI surfaces).</summary>
    public IReadOnlyList<double> Thetas => _thetas;

    /// <summary>A surface of independent raw SVI slices.</summary>
    /// <param name="slices">At least one slice; expiries distinct (any order), forwards and parameters valid.</param>
    /// <exception cref="PricingInputException">A slice is invalid (fields expiry, forward, a, b, rho, m, sigma).</exception>
    public static VolSurface FromSvi(IEnumerable<SurfaceSlice> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        var sorted = slices.OrderBy(s => s.ExpiryYears).ToArray();
        ValidateExpiries(sorted.Select(s => (s.ExpiryYears, s.Forward)).ToArray());
        foreach (var s in sorted)
        {
            s.Parameters.Validate();
        }

        return new VolSurface(sorted, null, []);
    }

    /// <summary>An SSVI surface.</summary>
    /// <param name="parameters">ρ, η, γ meeting the no-arbitrage conditions of <see cref="SsviParameters.Validate"/>.</param>
    /// <param name="slices">At least one slice; expiries distinct, θ &gt; 0 and non-decreasing in expiry.</param>
    /// <exception cref="PricingInputException">An input is invalid (fields expiry, forward, theta, rho, eta, gamma).</exception>
    public static VolSurface FromSsvi(SsviParameters parameters, IEnumerable<SsviSlice> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        parameters.Validate();
        var sorted = slices.OrderBy(s => s.ExpiryYears).ToArray();
        ValidateExpiries(sorted.Select(s => (s.ExpiryYears, s.Forward)).ToArray());
        var thetas = new double[sorted.Length];
        var svi = new SurfaceSlice[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            InputGuard.Positive(sorted[i].Theta, "theta");
            if (i > 0 && sorted[i].Theta < thetas[i - 1])
            {
                InputGuard.Fail("theta", string.Create(
                    CultureInfo.InvariantCulture,
                    $"theta must be non-decreasing in expiry (calendar arbitrage): {sorted[i].Theta:R} at expiry {sorted[i].ExpiryYears:R} < {thetas[i - 1]:R} at expiry {sorted[i - 1].ExpiryYears:R}"));
            }

            thetas[i] = sorted[i].Theta;
            svi[i] = new SurfaceSlice(sorted[i].ExpiryYears, sorted[i].Forward, parameters.ToSvi(sorted[i].Theta));
        }

        return new VolSurface(svi, parameters, thetas);
    }

    /// <summary>The forward F(T), log-linear in T between the slices' forwards.</summary>
    /// <param name="expiryYears">T &gt; 0 in years.</param>
    public double Forward(double expiryYears)
    {
        InputGuard.Positive(expiryYears, "expiry");
        if (_slices.Length == 1)
        {
            return _slices[0].Forward;
        }

        var i = Math.Clamp(SegmentIndex(expiryYears), 0, _slices.Length - 2);
        var t0 = _slices[i].ExpiryYears;
        var t1 = _slices[i + 1].ExpiryYears;
        var carry = (_logForwards[i + 1] - _logForwards[i]) / (t1 - t0);
        return DMath.Exp(_logForwards[i] + (carry * (expiryYears - t0)));
    }

    /// <summary>The total implied variance w(k, T) at log forward moneyness k.</summary>
    /// <param name="logMoneyness">k = ln(K/F(T)), finite.</param>
    /// <param name="expiryYears">T &gt; 0 in years.</param>
    public double TotalVariance(double logMoneyness, double expiryYears)
    {
        InputGuard.Finite(logMoneyness, "k");
        InputGuard.Positive(expiryYears, "expiry");
        var n = _slices.Length;
        if (Ssvi is { } ssvi)
        {
            return ssvi.TotalVariance(logMoneyness, Interpolate(_thetas, expiryYears));
        }

        if (expiryYears <= _slices[0].ExpiryYears)
        {
            return _slices[0].Parameters.TotalVariance(logMoneyness) * (expiryYears / _slices[0].ExpiryYears);
        }

        if (expiryYears >= _slices[n - 1].ExpiryYears)
        {
            return _slices[n - 1].Parameters.TotalVariance(logMoneyness) * (expiryYears / _slices[n - 1].ExpiryYears);
        }

        var i = SegmentIndex(expiryYears);
        var w0 = _slices[i].Parameters.TotalVariance(logMoneyness);
        var w1 = _slices[i + 1].Parameters.TotalVariance(logMoneyness);
        return Blend(w0, w1, _slices[i].ExpiryYears, _slices[i + 1].ExpiryYears, expiryYears);
    }

    /// <summary>The surface at a strike and expiry: forward, log-moneyness, total variance and implied volatility.</summary>
    /// <param name="strike">K &gt; 0.</param>
    /// <param name="expiryYears">T &gt; 0 in years.</param>
    public SurfacePoint Query(double strike, double expiryYears)
    {
        InputGuard.Positive(strike, "strike");
        var forward = Forward(expiryYears);
        var k = DMath.Log(strike / forward);
        var w = TotalVariance(k, expiryYears);
        return new SurfacePoint(forward, k, w, Math.Sqrt(Math.Max(w, 0.0) / expiryYears));
    }

    /// <summary>The annualised implied volatility √(w/T) at a strike and expiry.</summary>
    /// <param name="strike">K &gt; 0.</param>
    /// <param name="expiryYears">T &gt; 0 in years.</param>
    public double ImpliedVol(double strike, double expiryYears) => Query(strike, expiryYears).ImpliedVol;

    private double Interpolate(double[] values, double expiryYears)
    {
        var n = _slices.Length;
        if (expiryYears <= _slices[0].ExpiryYears)
        {
            return values[0] * (expiryYears / _slices[0].ExpiryYears);
        }

        if (expiryYears >= _slices[n - 1].ExpiryYears)
        {
            return values[n - 1] * (expiryYears / _slices[n - 1].ExpiryYears);
        }

        var i = SegmentIndex(expiryYears);
        return Blend(values[i], values[i + 1], _slices[i].ExpiryYears, _slices[i + 1].ExpiryYears, expiryYears);
    }

    /// <summary>Linear in T; exact at both ends (the weight is 0 at t0, and t = t1 is handled by the caller's search).</summary>
    private static double Blend(double v0, double v1, double t0, double t1, double t)
    {
        var u = (t - t0) / (t1 - t0);
        return v0 + (u * (v1 - v0));
    }

    /// <summary>The index i with T_i ≤ t &lt; T_(i+1); −1 before the first slice, n − 1 from the last.</summary>
    private int SegmentIndex(double expiryYears)
    {
        var lo = -1;
        var hi = _slices.Length;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) >>> 1;
            if (_slices[mid].ExpiryYears <= expiryYears)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static void ValidateExpiries((double ExpiryYears, double Forward)[] sorted)
    {
        if (sorted.Length == 0)
        {
            InputGuard.Fail("expiry", "a surface needs at least one expiry slice");
        }

        if (sorted.Length > SviLimits.MaxSlices)
        {
            InputGuard.Fail("expiry", string.Create(CultureInfo.InvariantCulture, $"a surface has at most {SviLimits.MaxSlices} expiry slices (got {sorted.Length})"));
        }

        for (var i = 0; i < sorted.Length; i++)
        {
            InputGuard.Positive(sorted[i].ExpiryYears, "expiry");
            InputGuard.Positive(sorted[i].Forward, "forward");
            if (i > 0 && sorted[i].ExpiryYears == sorted[i - 1].ExpiryYears)
            {
                InputGuard.Fail("expiry", string.Create(CultureInfo.InvariantCulture, $"expiry {sorted[i].ExpiryYears:R} appears in two slices; one slice per expiry"));
            }
        }
    }
}
