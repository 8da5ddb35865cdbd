#!/usr/bin/env python3
"""Fits and checks the approximations inside the Black-Scholes kernel (src/Assay.Pricing/Engines/Analytic/BlackScholesKernel*.cs).

Prints, with mpmath (apt-get install python3-mpmath):
  1. g(y) = (1 - e^-y)/y on [0, 0.7]: a degree-12 Chebyshev fit (mpmath.chebyfit); the kernel forms e^-y - 1 = -y*g(y).
  2. erfcx(y) on [-0.3, 3.45]: a (8, 8) rational R = P/Q fitted to relative error by linearised least squares with
     Lawson reweighting (Sanathanan-Koerner style iteration).
  3. The kernel's region-2 pair (BlackScholesKernel.MillsRationalPair), replayed in double arithmetic exactly as the
     kernel does it (same operation order, no FMA; Python floats are IEEE doubles) with the coefficients rounded to
     double: m(u), m(v) and D = m(u) - m(v) against mpmath on 30 000 seeded points of region 2, and a table of
     2 000 seeded points, mpmath_mills_pair.csv, that BlackScholesKernelApproximationTests reads.
  4. The tail (region 1, u <= -4): R(a) = Phi(-a)/phi(a) = G(w)/a with w = 1/a^2 in (0, 1/16] and G(w) = 1 - w*H(w);
     a (7, 7) rational for H fitted the same way, then the kernel's MillsTailPair replayed in double against mpmath
     (30 000 seeded points) and a 2 000-row table, mpmath_mills_tail.csv.
Run time: a few minutes. The coefficients printed here are the ones in the kernel.
"""
import math
import os
import random
from mpmath import mp, mpf, chebyfit, expm1, exp, erfc, cos, pi, matrix, qr_solve, fabs, ncdf, npdf, sqrt

mp.dps = 50


def g(y):
    return -expm1(-y) / y if y != 0 else mpf(1)


def horner(c, y):
    r = mpf(0)
    for a in c:
        r = r * y + a
    return r


def fit_growth_ratio():
    c, err = chebyfit(g, [mpf(0), mpf('0.7')], 13, error=True)
    cd = [float(x) for x in c]
    worst = max(abs(horner([mpf(a) for a in cd], y) - g(y)) / g(y) for y in [mpf('0.7') * i / 2000 for i in range(2001)])
    print("g(y) = (1 - e^-y)/y on [0, 0.7], highest degree first:", [repr(x) for x in cd])
    print(f"  fit error {float(err):.3g}, with double coefficients {float(worst):.3g} (relative)")


HERE = os.path.dirname(os.path.abspath(__file__))
INV_SQRT2 = 0.70710678118654752440
SQRT_HALF_PI = 1.2533141373155002512
RATIONAL_MAX_HALF_STD_DEV = 0.42  # region 2: t < 0.42 and u = h' + t > -4


def lawson_rational_fit(f, n, m, lo, hi, points, iterations):
    """(P, Q, error): an (n, m) rational P/Q with Q(0) = 1 fitted to f on [lo, hi] in relative error, by linearised
    least squares at Chebyshev points with Lawson reweighting (Sanathanan-Koerner style); the best iterate is kept."""
    ys = [(lo + hi) / 2 + (hi - lo) / 2 * cos(pi * (i + mpf(0.5)) / points) for i in range(points)]
    fs = [f(y) for y in ys]
    w = [mpf(1)] * points
    q = [mpf(1)] + [mpf(0)] * m

    def ev(c, y):
        r = mpf(0)
        for a in reversed(c):
            r = r * y + a
        return r

    best = None
    for _ in range(iterations):
        rows, rhs = [], []
        for i, y in enumerate(ys):
            s = w[i] / (fs[i] * ev(q, y))
            rows.append([s * y ** j for j in range(n + 1)] + [-s * fs[i] * y ** j for j in range(1, m + 1)])
            rhs.append(s * fs[i])
        x, _ = qr_solve(matrix(rows), matrix(rhs))
        p = [x[j] for j in range(n + 1)]
        q = [mpf(1)] + [x[n + 1 + j] for j in range(m)]
        errs = [(ev(p, y) / ev(q, y) - fy) / fy for y, fy in zip(ys, fs)]
        e = max(fabs(v) for v in errs)
        if best is None or e < best[0]:
            best = (e, p, q)
        w = [w[i] * fabs(errs[i]) ** 0.5 for i in range(points)]
        mean = sum(w) / points
        w = [v / mean for v in w]
    e, p, q = best
    return [float(v) for v in p], [float(v) for v in q], e


def fit_erfcx_rational(n=8, m=8, lo=mpf('-0.3'), hi=mpf('3.45'), points=300, iterations=14):
    pd, qd, e = lawson_rational_fit(lambda y: exp(y * y) * erfc(y), n, m, lo, hi, points, iterations)
    print(f"erfcx(y) ~ P(y)/Q(y) on [{float(lo)}, {float(hi)}], lowest degree first")
    print("  P", [repr(v) for v in pd])
    print("  Q", [repr(v) for v in qd])
    print(f"  fit error {float(e):.3g} (relative, exact arithmetic)")
    return pd, qd


def polynomial_and_difference(c, a, a2, a4, a8, b2, b4, s1, s12, s124):
    """c(a) by Estrin and c[a, b] = (c(b) - c(a))/(b - a) by the product rule, in the kernel's operation order."""
    l1 = c[2] + (a * c[3])
    l3 = c[6] + (a * c[7])
    m0 = (c[0] + (a * c[1])) + (l1 * a2)
    m1 = (c[4] + (a * c[5])) + (l3 * a2)
    value = (m0 + (m1 * a4)) + (a8 * c[8])
    m0d = (c[1] + (b2 * c[3])) + (l1 * s1)
    m1d = (c[5] + (b2 * c[7])) + (l3 * s1)
    difference = (m0d + (m1d * b4)) + ((m1 * s12) + (s124 * c[8]))
    return value, difference


def mills_rational_pair(pd, qd, hc, t):
    """The kernel's MillsRationalPair in double: (m(u), m(v), m(u) - m(v)) for u = hc + t, v = hc - t."""
    mid = hc * -INV_SQRT2
    half_width = t * INV_SQRT2
    a = mid - half_width
    b = mid + half_width
    width = half_width * 2.0
    a2 = a * a
    a4 = a2 * a2
    a8 = a4 * a4
    b2 = b * b
    b4 = b2 * b2
    s1 = a + b
    s12 = s1 * (a2 + b2)
    s124 = s12 * (a4 + b4)
    pa, pdiff = polynomial_and_difference(pd, a, a2, a4, a8, b2, b4, s1, s12, s124)
    qa, qdiff = polynomial_and_difference(qd, a, a2, a4, a8, b2, b4, s1, s12, s124)
    pb = pa + (width * pdiff)
    qb = qa + (width * qdiff)
    bracket = (pa * qdiff) - (qa * pdiff)
    return (pa / qa) * SQRT_HALF_PI, (pb / qb) * SQRT_HALF_PI, ((width * bracket) / (qa * qb)) * SQRT_HALF_PI


def region_two_point(rng, i):
    """A seeded (h', t) of region 2, with t spread over decades (small t is where m(u) - m(v) cancels)."""
    while True:
        t = max(RATIONAL_MAX_HALF_STD_DEV * rng.random() ** (1 + 2 * (i % 3)), 1e-9)
        t = min(t, 0.41999999999999998)
        hc = -(rng.random() * (4.0 + t))
        if hc + t > -4.0:
            return hc, t


def mills(z):
    return ncdf(z) / npdf(z)


def write_mills_table(name, rows):
    """Columns: h' and t (the kernel's inputs), then m(u), m(v) and D = m(u) - m(v) for u = h' + t, v = h' - t,
    m = Phi/phi, from mpmath at the current precision rounded to double (repr, round-trip)."""
    with open(os.path.join(HERE, name), "w", encoding="ascii") as f:
        f.write("h,t,mills_u,mills_v,difference\n")
        for hc, t in rows:
            z, tt = mpf(hc), mpf(t)
            ref_u, ref_v = mills(z + tt), mills(z - tt)
            f.write(f"{hc!r},{t!r},{float(ref_u)!r},{float(ref_v)!r},{float(ref_u - ref_v)!r}\n")


def check_pair(pd, qd):
    mp.dps = 40
    rng = random.Random(20261122)
    worst = {"m(u)": 0.0, "m(v)": 0.0, "D": 0.0}
    for i in range(30000):
        hc, t = region_two_point(rng, i)
        z, tt = mpf(hc), mpf(t)
        ref_u, ref_v = mills(z + tt), mills(z - tt)
        got = mills_rational_pair(pd, qd, hc, t)
        for name, g, r in zip(("m(u)", "m(v)", "D"), got, (ref_u, ref_v, ref_u - ref_v)):
            worst[name] = max(worst[name], float(abs(mpf(g) - r) / abs(r)) / 2.0 ** -52)
    print("Region-2 pair in double, 30000 points (seed 20261122), max relative error in units of 2^-52:",
          ", ".join(f"{k} {v:.2f}" for k, v in worst.items()))

    rng = random.Random(20261123)
    rows = [(-0.0, 1e-9), (-4.0 + 1e-9 - 0.41999999999999998 + 1e-6, 0.41999999999999998), (0.0, 0.41999999999999998)]
    while len(rows) < 2000:
        rows.append(region_two_point(rng, len(rows)))
    write_mills_table("mpmath_mills_pair.csv", rows)
    mp.dps = 50


def tail_h(w):
    """H(w) = (1 - G(w))/w, G(w) = a*R(a), a = 1/sqrt(w): the tail's Mills ratio without its leading terms."""
    a = 1 / sqrt(w)
    return (1 - a * ncdf(-a) / npdf(a)) / w


def fit_tail_rational(n=7, points=200, iterations=14):
    mp.dps = 90  # the monomial basis on [0, 1/16] is badly conditioned at degree 7
    pd, qd, e = lawson_rational_fit(tail_h, n, n, mpf(0), mpf(1) / 16, points, iterations)
    print("Tail: H(w) = (1 - a*R(a))/w, w = 1/a^2, ~ P(w)/Q(w) on [0, 1/16], lowest degree first")
    print("  P", [repr(v) for v in pd])
    print("  Q", [repr(v) for v in qd])
    print(f"  fit error {float(e):.3g} (relative, exact arithmetic)")
    mp.dps = 50
    return pd, qd


def horner_and_difference(c, w1, w2):
    """c(w1) by Horner and c[w1, w2] by synthetic division, in the kernel's operation order."""
    rs = [0.0] * len(c)
    rs[-1] = c[-1]
    for k in range(len(c) - 2, -1, -1):
        rs[k] = c[k] + (w1 * rs[k + 1])
    d = rs[-1]
    for k in range(len(c) - 3, -1, -1):
        d = rs[k + 1] + (w2 * d)
    return rs[0], d


def horner(c, w):
    r = c[-1]
    for k in range(len(c) - 2, -1, -1):
        r = c[k] + (w * r)
    return r


def mills_tail_pair(pd, qd, a1, a2, t):
    """The kernel's MillsTailPair in double: (m(u), m(v), m(u) - m(v)) for a1 = -u >= 4, a2 = -v = a1 + 2t."""
    width = t * 2.0
    w1 = 1.0 / (a1 * a1)
    w2 = 1.0 / (a2 * a2)
    p1, pdiff = horner_and_difference(pd, w1, w2)
    q1, qdiff = horner_and_difference(qd, w1, w2)
    p2 = horner(pd, w2)
    q2 = horner(qd, w2)
    hdiff = ((pdiff * q1) - (p1 * qdiff)) / (q1 * q2)
    g1 = 1.0 - (w1 * (p1 / q1))
    g2 = 1.0 - (w2 * (p2 / q2))
    bracket = g1 - ((p2 / q2 + (w1 * hdiff)) * ((a1 + a2) / (a1 * (a2 * a2))))
    return g1 / a1, g2 / a2, (width * bracket) / (a1 * a2)


def tail_point(rng):
    """A seeded (h', t) of region 1: -u = a1 in [4, 40] log-spread, t from 1e-9 to 10 log-spread."""
    while True:
        a1 = 4.0 * math.exp(rng.random() * math.log(10))
        t = math.exp(rng.uniform(math.log(1e-9), math.log(10)))
        hc = -(a1 + t)
        if hc + t <= -4.0:
            return hc, t


def check_tail(pd, qd):
    mp.dps = 40
    rng = random.Random(20261124)
    worst = {"m(u)": 0.0, "m(v)": 0.0, "D": 0.0}
    for _ in range(30000):
        hc, t = tail_point(rng)
        z, tt = mpf(hc), mpf(t)
        ref_u, ref_v = mills(z + tt), mills(z - tt)
        got = mills_tail_pair(pd, qd, -(hc + t), -(hc - t), t)
        for name, g, r in zip(("m(u)", "m(v)", "D"), got, (ref_u, ref_v, ref_u - ref_v)):
            worst[name] = max(worst[name], float(abs(mpf(g) - r) / abs(r)) / 2.0 ** -52)
    print("Tail pair in double, 30000 points (seed 20261124), max relative error in units of 2^-52:",
          ", ".join(f"{k} {v:.2f}" for k, v in worst.items()))

    rng = random.Random(20261125)
    rows = [(-4.0 - 1e-9, 1e-9), (-4.0 - 10.0, 10.0), (-40.0, 1e-9)]
    while len(rows) < 2000:
        rows.append(tail_point(rng))
    write_mills_table("mpmath_mills_tail.csv", rows)
    mp.dps = 50


if __name__ == "__main__":
    fit_growth_ratio()
    check_pair(*fit_erfcx_rational())
    check_tail(*fit_tail_rational())
