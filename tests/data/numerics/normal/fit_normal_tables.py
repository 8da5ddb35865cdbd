#!/usr/bin/env python3
"""Fits the polynomial tables behind Assay.Numerics.ErrorFunction and Assay.Numerics.Normal.

What it computes (mpmath 1.2.1, 120-bit working precision, near-minimax Chebyshev fits via mpmath.chebyfit):
  G(y) = exp(y^2/2) * Phi(-y)   on [0, 12), 48 intervals of width 1/4, degree 12 in t = y - centre;
  H(z) = y * G(y), z = 1/y^2    on (0, 1/144], degree 10 in z (the Phi tail, y >= 12);
  F(y) = exp(y^2) * erfc(y)     on [0, 8.5), 34 intervals of width 1/4, degree 12 in t = y - centre;
  K(z) = y * F(y), z = 1/y^2    on (0, 1/72.25], degree 10 in z (the erfcx tail, y >= 8.5);
  E(r) = (exp(r) - 1 - r - r^2/2) / r^3 on [-ln2/2, ln2/2], degree 10 (the reduced exponential);
  S(s) = (Phi(y) - 1/2) / y, s = y^2: its Taylor series phi(0) * sum (-s/2)^k / (k! (2k+1)), k <= 12 (exact
  series coefficients, used where |y| < 1/2, truncation error < 1e-20 relative).
The constant term of every piece is stored as a double-double (hi, lo); the other coefficients are rounded
to the nearest double. The fit error of every piece is printed (relative to the function, must be < 2^-62).

Fast paths (x > -8.5 for Phi, |x| < 37.5 for phi):
  Phi(-y) = Phi(-c) * exp(D(tau)) around the centres c = j/32, j = 0..272, tau = 32 y - j in [-1/2, 1/2]:
      Phi(-c) as a double-double, D(tau) = ln Phi(-c - tau/32) - ln Phi(-c) = tau * P(tau) with P of degree 5
      (absolute error of tau P, by sampling, must be < 2^-61: D is an exponent, so its absolute error is the relative
      error of Phi);
  M(d) = (exp(d) - 1 - d) / d^2 on |d| <= 0.1375 (the largest |D| is 0.1348), degree 8 (absolute error of d^2 M < 2^-62);
  Q(r) = (exp(r) - 1 - r) / r^2 on |r| <= ln2/8 (+2^-20), degree 7 (absolute error of r^2 Q < 2^-62, by sampling);
  2^(j/4)/sqrt(2 pi), j = 0..3, rounded, with the logarithm of its rounding factor.

Rerun:  /usr/bin/python3 tests/data/numerics/normal/fit_normal_tables.py
It rewrites src/Assay.Numerics/Normal.Tables.cs and src/Assay.Numerics/ErrorFunction.Tables.cs in place.
"""
import os
import mpmath as mp

mp.mp.prec = 120
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
DEGREE = 12
TAIL_DEGREE = 10
EXP_DEGREE = 10
WIDTH = mp.mpf(1) / 4
FAST_PIECES = 273
FAST_PER_UNIT = 32
FAST_DEGREE = 5
FAST_EXPM1_DEGREE = 8
FAST_EXPM1_RANGE = mp.mpf("0.1375")
FAST_EXP_DEGREE = 7


def G(y):
    return mp.ncdf(-y) * mp.exp(y * y / 2)


def F(y):
    return mp.erfc(y) * mp.exp(y * y)


def H(z):
    y = 1 / mp.sqrt(z)
    return y * G(y)


def K(z):
    y = 1 / mp.sqrt(z)
    return y * F(y)


def lit(v):
    s = repr(float(v))
    if "e" not in s and "." not in s and "inf" not in s:
        s += ".0"
    return s


def split(c0):
    hi = float(c0)
    lo = float(c0 - mp.mpf(hi))
    return hi, lo


def fit(f, a, b, degree):
    poly, err = mp.chebyfit(f, [a, b], degree + 1, error=True)
    coeffs = list(reversed(poly))  # constant term first
    scale = min(abs(f(a)), abs(f(b)))
    return coeffs, err / scale


def piecewise(f, count, name):
    rows, worst = [], mp.mpf(0)
    for j in range(count):
        centre = j * WIDTH + WIDTH / 2
        coeffs, rel = fit(lambda t: f(centre + t), -WIDTH / 2, WIDTH / 2, DEGREE)
        worst = max(worst, rel)
        hi, lo = split(coeffs[0])
        rows.append([hi, lo] + [float(c) for c in coeffs[1:]])
    print(f"{name}: {count} pieces, worst relative fit error {mp.nstr(worst, 3)} (2^-62 = {mp.nstr(mp.mpf(2)**-62, 3)})")
    assert worst < mp.mpf(2) ** -62
    return rows


def cdf_fast_pieces():
    """Rows Phi(-c) hi, lo, then the coefficients of P (tau^0..tau^5) with ln Phi(-c - tau/32) - ln Phi(-c) = tau P(tau)."""
    rows, worst, largest = [], mp.mpf(0), mp.mpf(0)
    for j in range(FAST_PIECES):
        c = mp.mpf(j) / FAST_PER_UNIT
        a = mp.log(mp.ncdf(-c))
        d = lambda tau: mp.log(mp.ncdf(-c - tau / FAST_PER_UNIT)) - a
        # An even number of Chebyshev nodes, so D(tau)/tau is never evaluated at tau = 0.
        poly = mp.chebyfit(lambda tau: d(tau) / tau, [-0.5, 0.5], FAST_DEGREE + 1)
        for tau in mp.linspace(-0.5, 0.5, 129):
            if tau != 0:
                worst = max(worst, abs(mp.polyval(poly, tau) * tau - d(tau)))
                largest = max(largest, abs(d(tau)))
        rows.append(list(split(mp.ncdf(-c))) + [float(v) for v in reversed(poly)])
    print(f"D = tau P(tau): {FAST_PIECES} pieces, worst absolute fit error {mp.nstr(worst, 3)} "
          f"(2^-61 = {mp.nstr(mp.mpf(2)**-61, 3)}), largest |D| {mp.nstr(largest, 5)}")
    assert worst < mp.mpf(2) ** -61
    assert largest < FAST_EXPM1_RANGE
    return rows


def tail(f, zmax, name):
    coeffs, rel = fit(f, mp.mpf(10) ** -12, zmax, TAIL_DEGREE)
    print(f"{name}: worst relative fit error {mp.nstr(rel, 3)}")
    assert rel < mp.mpf(2) ** -62
    hi, lo = split(coeffs[0])
    return [hi, lo] + [float(c) for c in coeffs[1:]]


def table(name, rows, comment):
    out = [f"    // {comment}", f"    private static readonly double[] {name} =", "    ["]
    for i, row in enumerate(rows):
        out.append(f"        // piece {i}")
        out.append("        " + ", ".join(lit(v) for v in row) + ",")
    out.append("    ];")
    return out


def array(name, values, comment, access="private"):
    return [f"    // {comment}", f"    {access} static readonly double[] {name} =", "    [",
            "        " + ", ".join(lit(v) for v in values) + ",", "    ];"]


def quarter_table(name, exact, comment):
    """T_j rounded (Hi) and ln(T_j / Hi) (Tau), as scalar arrays and as Vector256 constants (literals, so no
    initialisation order between the partial class files)."""
    his = [float(v) for v in exact]
    taus = [float(mp.log(v / mp.mpf(h))) for v, h in zip(exact, his)]
    out = [f"    // {comment}"]
    for part, vals in (("Hi", his), ("Tau", taus)):
        out.append(f"    internal static readonly double[] {name}{part} = [" + ", ".join(lit(v) for v in vals) + "];")
    for part, vals in (("Hi", his), ("Tau", taus)):
        out.append(f"    internal static readonly Vector256<double> {name}{part}Vector = Vector256.Create(" + ", ".join(lit(v) for v in vals) + ");")
    return out


def write(path, cls, body):
    lines = ["// <auto-generated>", "// Written by tests/data/numerics/normal/fit_normal_tables.py (mpmath 1.2.1); do not edit by hand.",
             "// </auto-generated>"]
    if any("Vector256" in line for line in body):
        lines += ["using System.Runtime.Intrinsics;", ""]
    lines += ["namespace Assay.Numerics;", "", f"public static partial class {cls}", "{"]
    lines += body
    lines.append("}")
    with open(os.path.join(ROOT, path), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")


def main():
    g_rows = piecewise(G, 48, "G = exp(y^2/2) Phi(-y)")
    h = tail(H, mp.mpf(1) / 144, "H = y G(y), z = 1/y^2 <= 1/144")
    f_rows = piecewise(F, 34, "F = erfcx(y)")
    k = tail(K, 1 / mp.mpf(8.5) ** 2, "K = y erfcx(y), z = 1/y^2 <= 1/72.25")
    half = mp.log(2) / 2 + mp.mpf(2) ** -20
    e = lambda r: (mp.exp(r) - 1 - r - r * r / 2) / r**3 if r != 0 else mp.mpf(1) / 6
    poly, err = mp.chebyfit(e, [-half, half], EXP_DEGREE + 1, error=True)
    print(f"E: worst absolute fit error times r^3 {mp.nstr(err * half**3, 3)}")
    assert err * half**3 < mp.mpf(2) ** -64
    exp_coeffs = [float(c) for c in reversed(poly)]

    # Fast exponential: e^r = 1 + r + r^2 Q(r) on |r| <= ln2/8, after removing k ln2/4; 2^(j/4) from a 4-entry table.
    eighth = mp.log(2) / 8 + mp.mpf(2) ** -20
    q = lambda r: (mp.expm1(r) - r) / (r * r) if r != 0 else mp.mpf(1) / 2
    poly = mp.chebyfit(q, [-eighth, eighth], FAST_EXP_DEGREE + 1)
    worst = max(abs(mp.polyval(poly, r) - q(r)) * r * r for r in mp.linspace(-eighth, eighth, 2001))
    print(f"Q: worst absolute error of r^2 Q {mp.nstr(worst, 3)}")
    assert worst < mp.mpf(2) ** -62
    fast_exp = [float(c) for c in reversed(poly)]
    pdf_quarter = [mp.mpf(2) ** (mp.mpf(j) / 4) / mp.sqrt(2 * mp.pi) for j in range(4)]
    poly = mp.chebyfit(q, [-FAST_EXPM1_RANGE, FAST_EXPM1_RANGE], FAST_EXPM1_DEGREE + 1)
    worst = max(abs(mp.polyval(poly, d) - q(d)) * d * d for d in mp.linspace(-FAST_EXPM1_RANGE, FAST_EXPM1_RANGE, 2001))
    print(f"M: worst absolute error of d^2 M {mp.nstr(worst, 3)}")
    assert worst < mp.mpf(2) ** -62
    fast_expm1 = [float(c) for c in reversed(poly)]
    cdf_rows = cdf_fast_pieces()

    phi0 = 1 / mp.sqrt(2 * mp.pi)
    series = [phi0 * (-mp.mpf(1) / 2) ** k / (mp.factorial(k) * (2 * k + 1)) for k in range(13)]
    hi, lo = split(series[0])
    centre = [hi, lo] + [float(c) for c in series[1:]]

    body = table("CdfPieces", g_rows,
                 "G(y) = e^(y²/2)·Φ(−y) on [j/4, (j+1)/4): hi, lo of the value at the centre, then t¹…t¹² with t = y − centre.")
    body += [""] + array("CdfTail", h, "H(z) = y·G(y), z = 1/y², y ≥ 12: hi, lo of the constant term, then z¹…z¹⁰.")
    body += [""] + array("CentreSeries", centre,
                         "S(s) = (Φ(y) − 1/2)/y, s = y²: hi, lo of φ(0), then the Taylor coefficients of s¹…s¹².")
    body += [""] + table("CdfFastPieces", cdf_rows,
                         "Φ(−y) = Φ(−j/32)·e^(τ·P(τ)), τ = 32y − j: hi, lo of Φ(−j/32), then the coefficients of P, τ⁰…τ⁵.")
    body += [""] + array("FastExpm1", fast_expm1, "M(d) = (e^d − 1 − d)/d² on |d| ≤ 0.1375: d⁰…d⁸.")
    body += [""] + quarter_table("PdfQuarter", pdf_quarter,
                                 "T_j = 2^(j/4)/√(2π), j = 0…3: T_j rounded (Hi), and ln(T_j/Hi) (Tau, added to the exponent).")
    write("src/Assay.Numerics/Normal.Tables.cs", "Normal", body)

    body = table("ErfcxPieces", f_rows,
                 "F(y) = e^(y²)·erfc(y) on [j/4, (j+1)/4): hi, lo of the value at the centre, then t¹…t¹² with t = y − centre.")
    body += [""] + array("ErfcxTail", k, "K(z) = y·F(y), z = 1/y², y ≥ 8.5: hi, lo of the constant term, then z¹…z¹⁰.")
    body += [""] + array("ExpReduced", exp_coeffs,
                         "E(r) = (e^r − 1 − r − r²/2)/r³ on |r| ≤ ln2/2: r⁰…r¹⁰.", "internal")
    body += [""] + array("FastExp", fast_exp, "Q(r) = (e^r − 1 − r)/r² on |r| ≤ ln2/8: r⁰…r⁷.", "internal")

    write("src/Assay.Numerics/ErrorFunction.Tables.cs", "ErrorFunction", body)


if __name__ == "__main__":
    main()
