#!/usr/bin/python3
"""Derives the polynomial coefficients and split constants used by Assay.Numerics.DMath (exp, expm1, log, log1p).

What it computes (all with mpmath 1.2.1 at 256-bit working precision):
  * EXP:   R(r) = r (e^r + 1) / (e^r - 1) = 2 + z P(z), z = r^2, |r| <= ln2/2.  P has degree 4 (coefficients
           P1..P5 of z^1..z^5 in R) and minimises max |R(z) - 2 - z P(z)| (absolute error), as in the
           rational scheme described in Sun's fdlibm e_exp.c comments and in J.-M. Muller, "Elementary
           Functions", 3rd ed., ch. 3 (minimax approximation) and ch. 11 (range reduction).
  * EXPM1: e^r - 1 - r - r^2/2 = r^3 Q(r), |r| <= ln2/2.  Q has degree 9 and minimises the absolute error
           max |e^r - 1 - r - r^2/2 - r^3 Q(r)|.
  * LOG:   with s = f / (2 + f), log(1 + f) = 2 s + s R(z), z = s^2, R(z) = z L(z), 0 <= s <= (sqrt2-1)/(sqrt2+1).
           L has degree 6 (coefficients L1..L7 of z^1..z^7) and minimises max |R(z) - z L(z)|.
  * ln 2 split as LN2_HI (32 significant bits, so k * LN2_HI is exact for |k| < 2^21) plus LN2_LO.

Method: Remez exchange (Muller, "Elementary Functions", 3rd ed., sec. 3.2.2) for a weighted polynomial
approximation: find p minimising max_x |w(x) (f(x) - p(x))|.  Each iteration solves the linear system
w(x_i)(f(x_i) - p(x_i)) = (-1)^i E on n+2 reference points, then moves the reference to the alternating
extrema of the error found on a dense grid.  Coefficients are then rounded to the nearest double and the
error of the rounded polynomial is re-measured.

Rerun:  /usr/bin/python3 tests/data/numerics/elementary/derive_coefficients.py
Output: C# constant declarations (round-trip "R" doubles and their bit patterns) on stdout, with the
measured max error of each rounded approximation.  The values are pasted into src/Assay.Numerics/DMath.*.cs.
"""
import struct

import mpmath
from mpmath import mp, mpf

mp.prec = 256


def to_double(v):
    return float(mp.mpf(v))  # mpf -> float rounds to nearest double


def bits(d):
    return struct.unpack("<Q", struct.pack("<d", d))[0]


def horner(coeffs, x):
    acc = mpf(0)
    for c in reversed(coeffs):
        acc = acc * x + c
    return acc


def remez(f, w, a, b, degree, grid=6000, iterations=40):
    """Weighted minimax polynomial of the given degree for f on [a, b]; returns (coefficients, levelled error)."""
    n = degree
    # Initial reference: Chebyshev-like points strictly inside (a, b) so that a zero of w at an endpoint is avoided.
    ref = [a + (b - a) * (1 - mpmath.cos(mpmath.pi * (i + mpf(0.5)) / (n + 2))) / 2 for i in range(n + 2)]
    xs = [a + (b - a) * mpf(i) / grid for i in range(grid + 1)]
    fx = [f(x) for x in xs]
    wx = [w(x) for x in xs]
    coeffs, level = None, None
    for _ in range(iterations):
        m = mpmath.matrix(n + 2, n + 2)
        rhs = mpmath.matrix(n + 2, 1)
        for i, x in enumerate(ref):
            wi = w(x)
            for j in range(n + 1):
                m[i, j] = wi * x ** j
            m[i, n + 1] = (-1) ** i
            rhs[i] = wi * f(x)
        sol = mpmath.lu_solve(m, rhs)
        coeffs = [sol[j] for j in range(n + 1)]
        level = abs(sol[n + 1])
        err = [wx[i] * (fx[i] - horner(coeffs, xs[i])) for i in range(len(xs))]
        # Local extrema of the error on the grid (including the end points), as (index, value).
        ext = []
        for i in range(len(xs)):
            left = err[i - 1] if i > 0 else None
            right = err[i + 1] if i < len(xs) - 1 else None
            e = err[i]
            if e == 0:
                continue
            if (left is None or abs(e) >= abs(left)) and (right is None or abs(e) >= abs(right)):
                ext.append((i, e))
        # Merge neighbours of the same sign, keeping the larger one.
        alt = []
        for i, e in ext:
            if alt and mpmath.sign(alt[-1][1]) == mpmath.sign(e):
                if abs(e) > abs(alt[-1][1]):
                    alt[-1] = (i, e)
            else:
                alt.append((i, e))
        while len(alt) > n + 2:
            if abs(alt[0][1]) < abs(alt[-1][1]):
                alt.pop(0)
            else:
                alt.pop()
        if len(alt) < n + 2:
            raise RuntimeError("Remez: lost alternation")
        ref = [xs[i] for i, _ in alt]
        top = max(abs(e) for _, e in alt)
        if top - level < level * mpf("1e-12"):
            break
    return coeffs, level


def max_weighted_error(f, w, a, b, coeffs, grid=20000):
    worst = mpf(0)
    for i in range(grid + 1):
        x = a + (b - a) * mpf(i) / grid
        worst = max(worst, abs(w(x) * (f(x) - horner(coeffs, x))))
    return worst


def emit(name, values, first_power, err):
    print(f"// {name}: max |error| of the double coefficients = 2^{float(mpmath.log(err, 2)):.2f}")
    for i, v in enumerate(values):
        print(f"private const double {name}{i + first_power} = {v!r}; // 0x{bits(v):016X}")
    print()


def main():
    ln2 = mpmath.log(2)
    half_ln2 = ln2 / 2

    # ln 2 split: LN2_HI keeps 32 significant bits; LN2_LO is the rest rounded to double.
    e = int(mpmath.floor(mpmath.log(ln2, 2)))
    ln2_hi = float(mpmath.floor(ln2 * 2 ** (31 - e)) / 2 ** (31 - e))
    ln2_lo = to_double(ln2 - mpf(ln2_hi))
    print(f"private const double Ln2Hi = {ln2_hi!r}; // 0x{bits(ln2_hi):016X}")
    print(f"private const double Ln2Lo = {ln2_lo!r}; // 0x{bits(ln2_lo):016X}")
    inv = to_double(1 / ln2)
    print(f"private const double InvLn2 = {inv!r}; // 0x{bits(inv):016X}")
    print()

    # EXP: R(z) - 2 = z P(z); fit g(z) = (R - 2) / z with weight z (absolute error on R).
    def r_exp(z):
        r = mpmath.sqrt(z)
        return r * (mpmath.exp(r) + 1) / mpmath.expm1(r)

    def g_exp(z):
        if z == 0:
            return mpf(1) / 6
        return (r_exp(z) - 2) / z

    zmax = half_ln2 ** 2 * mpf("1.0001")
    c, _ = remez(g_exp, lambda z: z, mpf(0), zmax, 4)
    cd = [to_double(v) for v in c]
    err = max_weighted_error(g_exp, lambda z: z, mpf(0), zmax, [mpf(v) for v in cd])
    emit("P", cd, 1, err)

    # EXPM1: e^r - 1 - r - r^2/2 = r^3 Q(r); fit Q with weight |r|^3 (absolute error).
    def q_expm1(r):
        if abs(r) < mpf("1e-20"):
            return mpf(1) / 6 + r / 24
        return (mpmath.expm1(r) - r - r * r / 2) / r ** 3

    rmax = half_ln2 * mpf("1.0001")
    c, _ = remez(q_expm1, lambda r: abs(r) ** 3, -rmax, rmax, 9)
    cd = [to_double(v) for v in c]
    err = max_weighted_error(q_expm1, lambda r: abs(r) ** 3, -rmax, rmax, [mpf(v) for v in cd])
    emit("Q", cd, 0, err)

    # LOG: R(z) = (log((1+s)/(1-s)) - 2 s) / s = z L(z); fit L(z) = R(z)/z with weight z (absolute error on R).
    def l_log(z):
        if z == 0:
            return mpf(2) / 3
        s = mpmath.sqrt(z)
        return (mpmath.log((1 + s) / (1 - s)) - 2 * s) / s / z

    sqrt2 = mpmath.sqrt(2)
    smax = (sqrt2 - 1) / (sqrt2 + 1) * mpf("1.0001")
    c, _ = remez(l_log, lambda z: z, mpf(0), smax ** 2, 6)
    cd = [to_double(v) for v in c]
    err = max_weighted_error(l_log, lambda z: z, mpf(0), smax ** 2, [mpf(v) for v in cd])
    emit("L", cd, 1, err)


if __name__ == "__main__":
    main()
