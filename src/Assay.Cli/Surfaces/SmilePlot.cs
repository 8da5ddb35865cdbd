using System.Globalization;
using System.Text;
using Assay.Numerics;
using Assay.Pricing.Surfaces;

namespace Assay.Cli.Surfaces;

/// <summary>Draws fitted smiles and their quotes as a self-contained SVG.</summary>
/// <remarks>
/// x: log-moneyness k = ln(K/F); y: implied volatility in percent. One curve per slice in its own colour (a ten-colour
/// palette, repeated beyond ten expiries), a legend by expiry, mids as dots and bid/ask as vertical bars with caps.
/// Quotes whose expiry has no slice are drawn in grey. The axes span the quotes (all slices' k when there are no quotes).
/// </remarks>
public static class SmilePlot
{
    private const double Width = 960;
    private const double Height = 600;
    private const double Left = 80;
    private const double Right = 190;
    private const double Top = 50;
    private const double Bottom = 70;
    private const int CurvePoints = 241;

    private static readonly string[] Palette =
        ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#17becf"];

    /// <summary>The SVG document.</summary>
    /// <param name="surface">The fitted surface.</param>
    /// <param name="quotes">The quotes to overlay (may be empty).</param>
    /// <param name="title">The title line.</param>
    public static string Render(VolSurface surface, IReadOnlyList<QuoteRow> quotes, string title)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(quotes);
        var slices = surface.Slices;

        // x range: the quotes' k, else ±0.5; padded by 5% each side.
        double kMin = double.PositiveInfinity, kMax = double.NegativeInfinity;
        foreach (var q in quotes)
        {
            var k = DMath.Log(q.Quote.Strike / q.Quote.Forward);
            kMin = Math.Min(kMin, k);
            kMax = Math.Max(kMax, k);
        }

        if (!(kMax > kMin))
        {
            kMin = double.IsFinite(kMin) ? kMin - 0.25 : -0.5;
            kMax = double.IsFinite(kMax) ? kMax + 0.25 : 0.5;
        }

        var padK = 0.05 * (kMax - kMin);
        kMin -= padK;
        kMax += padK;

        // Curves in percent, and the y range over curves and quotes.
        var curves = new double[slices.Count][];
        double vMin = double.PositiveInfinity, vMax = double.NegativeInfinity;
        for (var s = 0; s < slices.Count; s++)
        {
            curves[s] = new double[CurvePoints];
            for (var j = 0; j < CurvePoints; j++)
            {
                var k = kMin + (j * (kMax - kMin) / (CurvePoints - 1));
                var w = slices[s].Parameters.TotalVariance(k);
                var vol = 100.0 * Math.Sqrt(Math.Max(w, 0.0) / slices[s].ExpiryYears);
                curves[s][j] = vol;
                vMin = Math.Min(vMin, vol);
                vMax = Math.Max(vMax, vol);
            }
        }

        foreach (var q in quotes)
        {
            foreach (var v in new[] { q.Quote.ImpliedVol, q.BidVol, q.AskVol })
            {
                if (double.IsFinite(v))
                {
                    vMin = Math.Min(vMin, 100.0 * v);
                    vMax = Math.Max(vMax, 100.0 * v);
                }
            }
        }

        if (!(vMax > vMin))
        {
            vMin = double.IsFinite(vMin) ? vMin - 1 : 0;
            vMax = double.IsFinite(vMax) ? vMax + 1 : 100;
        }

        var padV = 0.05 * (vMax - vMin);
        vMin = Math.Max(vMin - padV, 0.0);
        vMax += padV;

        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(double k) => Left + ((k - kMin) / (kMax - kMin) * plotW);
        double Y(double v) => Top + plotH - ((v - vMin) / (vMax - vMin) * plotH);

        var svg = new StringBuilder();
        svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(F($"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(F($"<text x=\"{Left}\" y=\"28\" font-size=\"16\">{Escape(title)}</text>\n"));

        // Grid, ticks and tick labels.
        foreach (var k in Ticks(kMin, kMax))
        {
            svg.Append(F($"<line x1=\"{X(k):0.##}\" y1=\"{Top}\" x2=\"{X(k):0.##}\" y2=\"{Top + plotH}\" stroke=\"#e6e6e6\"/>\n"));
            svg.Append(F($"<line x1=\"{X(k):0.##}\" y1=\"{Top + plotH}\" x2=\"{X(k):0.##}\" y2=\"{Top + plotH + 5}\" stroke=\"black\"/>\n"));
            svg.Append(F($"<text x=\"{X(k):0.##}\" y=\"{Top + plotH + 19}\" text-anchor=\"middle\">{Label(k)}</text>\n"));
        }

        foreach (var v in Ticks(vMin, vMax))
        {
            svg.Append(F($"<line x1=\"{Left}\" y1=\"{Y(v):0.##}\" x2=\"{Left + plotW}\" y2=\"{Y(v):0.##}\" stroke=\"#e6e6e6\"/>\n"));
            svg.Append(F($"<line x1=\"{Left - 5}\" y1=\"{Y(v):0.##}\" x2=\"{Left}\" y2=\"{Y(v):0.##}\" stroke=\"black\"/>\n"));
            svg.Append(F($"<text x=\"{Left - 8}\" y=\"{Y(v) + 4:0.##}\" text-anchor=\"end\">{Label(v)}</text>\n"));
        }

        svg.Append(F($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"black\"/>\n"));
        svg.Append(F($"<text x=\"{Left + (plotW / 2)}\" y=\"{Height - 22}\" text-anchor=\"middle\">log-moneyness k = ln(K/F)</text>\n"));
        svg.Append(F($"<text transform=\"translate(22 {Top + (plotH / 2)}) rotate(-90)\" text-anchor=\"middle\">implied volatility (%)</text>\n"));

        // Curves, clipped to the plot area.
        svg.Append(F($"<clipPath id=\"plot\"><rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\"/></clipPath>\n"));
        svg.Append("<g clip-path=\"url(#plot)\">\n");
        for (var s = 0; s < slices.Count; s++)
        {
            svg.Append(F($"<polyline class=\"smile\" fill=\"none\" stroke=\"{Colour(s)}\" stroke-width=\"2\" points=\""));
            for (var j = 0; j < CurvePoints; j++)
            {
                var k = kMin + (j * (kMax - kMin) / (CurvePoints - 1));
                svg.Append(F($"{X(k):0.##},{Y(curves[s][j]):0.##} "));
            }

            svg.Append("\"/>\n");
        }

        // Quotes: bid/ask bars, then mid dots on top.
        foreach (var q in quotes)
        {
            var colour = QuoteColour(slices, q.Quote.ExpiryYears);
            var x = X(DMath.Log(q.Quote.Strike / q.Quote.Forward));
            if (double.IsFinite(q.BidVol) && double.IsFinite(q.AskVol))
            {
                var yb = Y(100.0 * q.BidVol);
                var ya = Y(100.0 * q.AskVol);
                svg.Append(F($"<path class=\"bidask\" stroke=\"{colour}\" d=\"M{x:0.##} {yb:0.##}V{ya:0.##}M{x - 3:0.##} {yb:0.##}h6M{x - 3:0.##} {ya:0.##}h6\"/>\n"));
            }

            svg.Append(F($"<circle class=\"mid\" cx=\"{x:0.##}\" cy=\"{Y(100.0 * q.Quote.ImpliedVol):0.##}\" r=\"2.5\" fill=\"{colour}\"/>\n"));
        }

        svg.Append("</g>\n");

        // Legend.
        var legendX = Left + plotW + 20;
        svg.Append(F($"<text x=\"{legendX}\" y=\"{Top + 4}\" font-weight=\"bold\">expiry (years)</text>\n"));
        for (var s = 0; s < slices.Count; s++)
        {
            var y = Top + 22 + (s * 18);
            svg.Append(F($"<line x1=\"{legendX}\" y1=\"{y - 4}\" x2=\"{legendX + 24}\" y2=\"{y - 4}\" stroke=\"{Colour(s)}\" stroke-width=\"3\"/>\n"));
            svg.Append(F($"<text x=\"{legendX + 30}\" y=\"{y}\">T = {slices[s].ExpiryYears:0.####}</text>\n"));
        }

        var noteY = Top + 22 + (slices.Count * 18) + 10;
        svg.Append(F($"<text x=\"{legendX}\" y=\"{noteY}\" fill=\"#555\">dots: mid quotes</text>\n"));
        svg.Append(F($"<text x=\"{legendX}\" y=\"{noteY + 16}\" fill=\"#555\">bars: bid to ask</text>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>Tick positions at a "nice" step (1, 2, 2.5 or 5 × 10ⁿ) giving 4 to 10 ticks.</summary>
    internal static List<double> Ticks(double min, double max)
    {
        var target = (max - min) / 6.0;
        if (!(target > 1e-12) || !double.IsFinite(target))
        {
            return [min, max];
        }

        // Powers of ten by repeated multiplication (no logarithm), bounded by the double range.
        var magnitude = 1.0;
        for (var guard = 0; magnitude > target && guard < 400; guard++)
        {
            magnitude /= 10.0;
        }

        for (var guard = 0; magnitude * 10.0 <= target && guard < 400; guard++)
        {
            magnitude *= 10.0;
        }

        var step = magnitude;
        foreach (var m in new[] { 1.0, 2.0, 2.5, 5.0, 10.0 })
        {
            if (m * magnitude >= target)
            {
                step = m * magnitude;
                break;
            }
        }

        var ticks = new List<double>();
        for (var i = Math.Ceiling(min / step); i * step <= max + (1e-9 * step) && ticks.Count < 50; i++)
        {
            ticks.Add(i * step);
        }

        return ticks;
    }

    private static string Label(double value) =>
        Math.Abs(value) < 1e-12 ? "0" : value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Colour(int slice) => Palette[slice % Palette.Length];

    private static string QuoteColour(IReadOnlyList<SurfaceSlice> slices, double expiryYears)
    {
        for (var s = 0; s < slices.Count; s++)
        {
            if (slices[s].ExpiryYears == expiryYears)
            {
                return Colour(s);
            }
        }

        return "#888888";
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
