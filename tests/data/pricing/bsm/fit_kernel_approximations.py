#!/usr/bin/env python3
"""Fits and checks the approximations inside the Black-Scholes kernel (src/Assay.Pricing/Engines/Analytic/BlackScholesKernel*.cs).

Prints, with mpmath (apt-get install python3-mpmath):
  1. g(y) = (1 - e^-y)/y on [0, 0.7]: a degree-12 Chebyshev fit (mpmath.chebyfit); the kernel forms e^-y - 1 = -y*g(y).
  2. erfcx(y) on [0, 3.14]: a (8, 8) rational fitted to relative error by linearised least squares with Lawson
     reweighting (Sanathanan-Koerner style iteration); then its error with the coefficients rounded to double and
     evaluated in double arithmetic as the kernel does (Estrin, no FMA; Python floats are IEEE doubles).
  3. The number of Taylor orders the midpoint series needs for t = sigma*sqrt(T)/2 up to 0.42.
Run time: a few minutes. The coefficients printed here are the ones in the kernel.
"""
import math
import random
from mpmath import mp, mpf, chebyfit, expm1, exp, erfc, cos, pi, matrix, qr_solve, fabs, ncdf, npdf, factorial

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


def fit_erfcx_rational(n=8, m=8, top=mpf('3.14'), points=300, iterations=14):
    ys = [top / 2 + top / 2 * cos(pi * (i + mpf(0.5)) / points) for i in range(points)]
    fs = [exp(y * y) * erfc(y) for y in ys]
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
        errs = [(ev(p, y) / ev(q, y) - f) / f for y, f in zip(ys, fs)]
        e = max(fabs(v) for v in errs)
        if best is None or e < best[0]:
            best = (e, p, q)
        w = [w[i] * fabs(errs[i]) ** 0.5 for i in range(points)]
        mean = sum(w) / points
        w = [v / mean for v in w]
    e, p, q = best
    pd = [float(v) for v in p]
    qd = [float(v) for v in q]
    print("erfcx(y) ~ P(y)/Q(y) on [0, 3.14], lowest degree first")
    print("  P", [repr(v) for v in pd])
    print("  Q", [repr(v) for v in qd])
    print(f"  fit error {float(e):.3g} (relative, exact arithmetic)")

    def estrin(c, y):
        y2 = y * y
        y4 = y2 * y2
        y8 = y4 * y4
        return ((c[0] + c[1] * y) + (c[2] + c[3] * y) * y2) + (((c[4] + c[5] * y) + (c[6] + c[7] * y) * y2) * y4) + c[8] * y8

    rng = random.Random(20261121)
    worst = 0.0
    mp.dps = 30
    for i in range(40000):
        y = rng.random() * 3.13 if i % 2 else rng.random() ** 3 * 3.13
        f = exp(mpf(y) ** 2) * erfc(mpf(y))
        r = estrin(pd, y) / estrin(qd, y)
        worst = max(worst, float(abs(mpf(r) - f) / math.ulp(float(f))))
    mp.dps = 50
    print(f"  evaluated in double as the kernel does (Estrin, 40000 points, seed 20261121): max error {worst:.2f} ulp")


def series_orders():
    def m(z):
        return ncdf(z) / npdf(z)

    print("Midpoint series: orders needed for 2^-56 of O and of m(v), worst over h' in [-4 - t, 0]")
    for t in [0.1, 0.2, 0.3, 0.42]:
        worst = 0
        for hp in [0, -0.5, -1, -2, -3, -4, -4.4]:
            if hp + t <= -4:
                continue
            z, tt = mpf(hp), mpf(t)
            d = [m(z), 1 + z * m(z)]
            for k in range(1, 40):
                d.append(k * d[k - 1] + z * d[k])
            terms = [tt ** k / factorial(k) * d[k] for k in range(40)]
            D = m(z + tt) - m(z - tt)
            mv = m(z - tt)
            for K in range(1, 40):
                tail_odd = sum(terms[k] for k in range(K + 1, 40) if k % 2 == 1)
                tail = sum(terms[K + 1:40])
                if 2 * tail_odd < D * mpf(2) ** -56 and tail < mv * mpf(2) ** -56:
                    break
            worst = max(worst, K)
        print(f"  t = {t}: {worst} orders")


if __name__ == "__main__":
    fit_growth_ratio()
    fit_erfcx_rational()
    series_orders()
