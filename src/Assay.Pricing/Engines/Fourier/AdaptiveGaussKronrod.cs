namespace Assay.Pricing.Engines.Fourier;

/// <summary>Globally adaptive 21-point Gauss–Kronrod quadrature on a finite interval, deterministic and allocation-free.</summary>
/// <remarks>
/// The scheme of QUADPACK's QAG (Piessens, de Doncker-Kapenga, Überhuber, Kahaner, <i>QUADPACK</i>, Springer 1983,
/// §2.2 and §3.1): integrate with the G10/K21 pair, estimate each interval's error from |K − G| sharpened by
/// QUADPACK's (200·|K − G|/resasc)^1.5 rule with a round-off floor, and bisect the interval with the largest estimate
/// starting from <see cref="InitialIntervals"/> equal panels, until the sum of estimates meets the absolute tolerance or <see cref="MaxIntervals"/> is reached. The interval
/// with the largest estimate is found by a linear scan that keeps the first maximum, so the sequence of operations,
/// and therefore the result, depends only on the integrand. Nodes and weights come from
/// <c>tests/data/pricing/heston/generate_gauss_kronrod.py</c>.
/// </remarks>
internal static class AdaptiveGaussKronrod
{
    /// <summary>The largest number of subintervals (each costs 21 evaluations; the work is bounded by ~42·MaxIntervals).</summary>
    public const int MaxIntervals = 512;

    /// <summary>The number of equal panels the interval is split into before adapting.</summary>
    public const int InitialIntervals = 4;

    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>Non-negative Kronrod nodes in descending order; odd positions are the 10-point Gauss nodes.</summary>
    private static ReadOnlySpan<double> Nodes =>
    [
        0.9956571630258081, 0.9739065285171717, 0.9301574913557082, 0.8650633666889845, 0.7808177265864169,
        0.6794095682990244, 0.5627571346686047, 0.4333953941292472, 0.2943928627014602, 0.14887433898163122, 0.0,
    ];

    /// <summary>Kronrod weights for <see cref="Nodes"/>.</summary>
    private static ReadOnlySpan<double> KronrodWeights =>
    [
        0.011694638867371874, 0.032558162307964725, 0.054755896574351995, 0.07503967481091996, 0.0931254545836976,
        0.10938715880229764, 0.12349197626206584, 0.13470921731147334, 0.14277593857706009, 0.14773910490133849,
        0.1494455540029169,
    ];

    /// <summary>Gauss weights for the odd positions of <see cref="Nodes"/>.</summary>
    private static ReadOnlySpan<double> GaussWeights =>
        [0.06667134430868814, 0.1494513491505806, 0.21908636251598204, 0.26926671930999635, 0.29552422471475287];

    /// <summary>∫ f over [<paramref name="lower"/>, <paramref name="upper"/>] to an absolute <paramref name="tolerance"/>.</summary>
    /// <returns>The integral; <paramref name="errorEstimate"/> and <paramref name="evaluations"/> report the work.</returns>
    public static double Integrate<TIntegrand>(
        in TIntegrand f, double lower, double upper, double tolerance, out double errorEstimate, out int evaluations)
        where TIntegrand : struct, IIntegrand
    {
        Span<double> starts = stackalloc double[MaxIntervals];
        Span<double> ends = stackalloc double[MaxIntervals];
        Span<double> results = stackalloc double[MaxIntervals];
        Span<double> errors = stackalloc double[MaxIntervals];

        // Start from equal panels so that a feature narrower than one panel is less likely to be missed by both rules.
        var width = (upper - lower) / InitialIntervals;
        var totalError = 0.0;
        for (var i = 0; i < InitialIntervals; i++)
        {
            starts[i] = lower + (i * width);
            ends[i] = i == InitialIntervals - 1 ? upper : lower + ((i + 1) * width);
            results[i] = Rule(f, starts[i], ends[i], out errors[i]);
            totalError += errors[i];
        }

        evaluations = 21 * InitialIntervals;
        var count = InitialIntervals;

        while (totalError > tolerance && count < MaxIntervals)
        {
            var worst = 0;
            for (var i = 1; i < count; i++)
            {
                if (errors[i] > errors[worst])
                {
                    worst = i;
                }
            }

            var a = starts[worst];
            var b = ends[worst];
            var middle = 0.5 * (a + b);
            if (!(middle > a && middle < b))
            {
                // The interval cannot be split further in double precision: accept the estimate as it is.
                break;
            }

            var left = Rule(f, a, middle, out var leftError);
            var right = Rule(f, middle, b, out var rightError);
            evaluations += 42;
            ends[worst] = middle;
            results[worst] = left;
            errors[worst] = leftError;
            starts[count] = middle;
            ends[count] = b;
            results[count] = right;
            errors[count] = rightError;
            count++;

            totalError = 0.0;
            for (var i = 0; i < count; i++)
            {
                totalError += errors[i];
            }
        }

        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += results[i];
        }

        errorEstimate = totalError;
        return sum;
    }

    /// <summary>The K21 value on [a, b] and its QUADPACK error estimate.</summary>
    private static double Rule<TIntegrand>(in TIntegrand f, double a, double b, out double error)
        where TIntegrand : struct, IIntegrand
    {
        var center = 0.5 * (a + b);
        var halfLength = 0.5 * (b - a);
        Span<double> values = stackalloc double[21];
        var nodes = Nodes;
        var kronrodWeights = KronrodWeights;
        var gaussWeights = GaussWeights;

        var fc = f.Evaluate(center);
        values[20] = fc;
        var kronrod = kronrodWeights[10] * fc;
        var gauss = 0.0;
        var absolute = kronrodWeights[10] * Math.Abs(fc);
        for (var j = 0; j < 10; j++)
        {
            var dx = halfLength * nodes[j];
            var f1 = f.Evaluate(center - dx);
            var f2 = f.Evaluate(center + dx);
            values[2 * j] = f1;
            values[(2 * j) + 1] = f2;
            kronrod += kronrodWeights[j] * (f1 + f2);
            absolute += kronrodWeights[j] * (Math.Abs(f1) + Math.Abs(f2));
            if ((j & 1) == 1)
            {
                gauss += gaussWeights[j >> 1] * (f1 + f2);
            }
        }

        var mean = 0.5 * kronrod;
        var spread = kronrodWeights[10] * Math.Abs(fc - mean);
        for (var j = 0; j < 10; j++)
        {
            spread += kronrodWeights[j] * (Math.Abs(values[2 * j] - mean) + Math.Abs(values[(2 * j) + 1] - mean));
        }

        var scale = Math.Abs(halfLength);
        error = Math.Abs((kronrod - gauss) * halfLength);
        spread *= scale;
        absolute *= scale;
        if (spread != 0.0 && error != 0.0)
        {
            var ratio = 200.0 * error / spread;
            error = spread * Math.Min(1.0, ratio * Math.Sqrt(ratio));
        }

        error = Math.Max(error, 50.0 * Epsilon * absolute);
        return kronrod * halfLength;
    }
}
