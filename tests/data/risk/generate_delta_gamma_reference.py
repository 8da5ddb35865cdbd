#!/usr/bin/python3
"""Reference values for Assay's delta-gamma (Cornish-Fisher) VaR, computed with mpmath 1.2.1 at 40 digits.

1. delta_gamma_moments.csv: the first four cumulants of dP = drift + a'R + 1/2 R'BR with R ~ N(0, Sigma), computed
   exactly rather than from the closed-form trace formulas Assay uses: R = L z with L the Cholesky factor of Sigma
   and z independent standard normals, dP^k is expanded as a polynomial in z, and E[z1^i1 ... zn^in] is the product
   of (i-1)!! over even exponents (0 for any odd one). Raw moments are then turned into cumulants.

2. delta_gamma_quantiles.csv: one-factor dP = a R + 1/2 b R^2, R ~ N(0, s^2). Columns:
   - cf_var, cf_es: the Cornish-Fisher VaR and ES (the ES as the tail average of the Cornish-Fisher quantile,
     integrated here numerically with mpmath.quad, not with the closed form Assay uses), from the exact cumulants;
   - exact_var, exact_es: the exact quantile and tail mean of dP: P(dP <= q) = P(1/2 b R^2 + a R - q <= 0) through the
     roots of the quadratic and Phi, solved for q by bisection; ES by integrating dP over {dP <= q}.

Rerun: /usr/bin/python3 tests/data/risk/generate_delta_gamma_reference.py   (from the repository root)
"""
import csv
import itertools
import os

import mpmath as mp

mp.mp.dps = 40
HERE = os.path.dirname(os.path.abspath(__file__))


def cholesky(sigma):
    n = len(sigma)
    l = [[mp.mpf(0)] * n for _ in range(n)]
    for j in range(n):
        d = sigma[j][j] - sum(l[j][k] ** 2 for k in range(j))
        l[j][j] = mp.sqrt(d)
        for i in range(j + 1, n):
            l[i][j] = (sigma[i][j] - sum(l[i][k] * l[j][k] for k in range(j))) / l[j][j]
    return l


def poly_mul(p, q):
    r = {}
    for (ep, cp), (eq, cq) in itertools.product(p.items(), q.items()):
        e = tuple(x + y for x, y in zip(ep, eq))
        r[e] = r.get(e, 0) + cp * cq
    return r


def poly_add(p, q):
    r = dict(p)
    for e, c in q.items():
        r[e] = r.get(e, 0) + c
    return r


def gaussian_expectation(p):
    total = mp.mpf(0)
    for e, c in p.items():
        term = mp.mpf(c)
        for k in e:
            if k % 2:
                term = 0
                break
            term *= mp.fac2(k - 1) if k > 0 else 1
        total += term
    return total


def cumulants(drift, a, b, sigma):
    n = len(a)
    l = cholesky(sigma)
    zero = (0,) * n
    # R_i as a polynomial in z: sum_k L[i][k] z_k.
    r = [{tuple(1 if m == k else 0 for m in range(n)): l[i][k] for k in range(n) if l[i][k] != 0} for i in range(n)]
    q = {zero: mp.mpf(drift)}
    for i in range(n):
        q = poly_add(q, {e: a[i] * c for e, c in r[i].items()})
        for j in range(n):
            if b[i][j] != 0:
                q = poly_add(q, {e: b[i][j] / 2 * c for e, c in poly_mul(r[i], r[j]).items()})
    raw = []
    power = {zero: mp.mpf(1)}
    for _ in range(4):
        power = poly_mul(power, q)
        raw.append(gaussian_expectation(power))
    m1, m2, m3, m4 = raw
    var = m2 - m1 ** 2
    c3 = m3 - 3 * m1 * m2 + 2 * m1 ** 3
    c4 = m4 - 4 * m1 * m3 + 6 * m1 ** 2 * m2 - 3 * m1 ** 4 - 3 * var ** 2
    return m1, var, c3, c4


def cornish_fisher_w(z, s, k):
    return z + (z ** 2 - 1) * s / 6 + (z ** 3 - 3 * z) * k / 24 - (2 * z ** 3 - 5 * z) * s ** 2 / 36


def cornish_fisher(mean, var, c3, c4, confidence):
    alpha = 1 - mp.mpf(confidence)
    s = c3 / var ** mp.mpf(1.5)
    k = c4 / var ** 2
    sd = mp.sqrt(var)
    z = -mp.sqrt(2) * mp.erfinv(1 - 2 * alpha)  # Phi^-1(alpha)
    var_cf = -(mean + sd * cornish_fisher_w(z, s, k))
    tail = mp.quad(lambda u: cornish_fisher_w(-mp.sqrt(2) * mp.erfinv(1 - 2 * u), s, k), [0, alpha / 1000, alpha]) / alpha
    es_cf = -(mean + sd * tail)
    return var_cf, es_cf


def exact_one_factor(a, b, s, confidence):
    alpha = 1 - mp.mpf(confidence)
    a, b, s = mp.mpf(a), mp.mpf(b), mp.mpf(s)
    phi = lambda x: mp.ncdf(x / s)

    def roots(q):
        disc = a * a + 2 * b * q
        if disc < 0:
            return None
        r1 = (-a - mp.sqrt(disc)) / b
        r2 = (-a + mp.sqrt(disc)) / b
        return min(r1, r2), max(r1, r2)

    def cdf(q):
        if b == 0:
            return phi(q / a)
        rr = roots(q)
        if b > 0:
            return mp.mpf(0) if rr is None else phi(rr[1]) - phi(rr[0])
        return mp.mpf(1) if rr is None else 1 - (phi(rr[1]) - phi(rr[0]))

    lo, hi = -100 * s * (abs(a) + abs(b) * s), 100 * s * (abs(a) + abs(b) * s)
    for _ in range(200):
        mid = (lo + hi) / 2
        if cdf(mid) < alpha:
            lo = mid
        else:
            hi = mid
    q = (lo + hi) / 2
    density = lambda x: mp.npdf(x, 0, s)
    value = lambda x: (a * x + b * x * x / 2) * density(x)
    if b == 0:
        return -q, -mp.quad(value, [-mp.inf, q / a]) / alpha
    rr = roots(q)
    if b > 0:
        tail = mp.quad(value, [rr[0], rr[1]])
    else:
        tail = mp.quad(value, [-mp.inf, rr[0]]) + mp.quad(value, [rr[1], mp.inf])
    return -q, -tail / alpha


def main():
    moment_cases = [
        # name, drift, a, B, Sigma
        ("linear-2", 0, [1000, -400], [[0, 0], [0, 0]], [["0.0004", "0.00012"], ["0.00012", "0.0009"]]),
        ("long-gamma-2", "-3.5", [250, 800], [[40000, 0], [0, 90000]], [["0.0004", "0.0003"], ["0.0003", "0.000625"]]),
        ("short-gamma-cross-3", "1.25", [500, -200, 300], [[-30000, 5000, 0], [5000, -60000, 0], [0, 0, 20000]],
         [["0.0001", "0.00004", "-0.00002"], ["0.00004", "0.0004", "0.00006"], ["-0.00002", "0.00006", "0.000225"]]),
        ("singular-2", 0, [100, 100], [[10000, 0], [0, -5000]], [["0.0004", "0.0004"], ["0.0004", "0.0004"]]),
    ]
    with open(os.path.join(HERE, "delta_gamma_moments.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "drift", "a", "B", "Sigma", "mean", "variance", "kappa3", "kappa4"])
        for name, drift, a, b, sigma in moment_cases:
            a_mp = [mp.mpf(x) for x in a]
            b_mp = [[mp.mpf(x) for x in row] for row in b]
            s_mp = [[mp.mpf(x) for x in row] for row in sigma]
            if name.startswith("singular"):
                # Sigma is singular: R2 = R1, so use the one-factor representation R = (z, z) * 0.02.
                m = cumulants_singular(mp.mpf(drift), a_mp, b_mp, mp.mpf("0.02"))
            else:
                m = cumulants(mp.mpf(drift), a_mp, b_mp, s_mp)
            flat = lambda rows: " ".join(str(x) for row in rows for x in row)
            w.writerow([name, drift, " ".join(str(x) for x in a), flat(b), flat(sigma)] + [repr(float(x)) for x in m])

    quantile_cases = [
        # a, b, s, confidence
        (1000, 0, "0.01", "0.99"),
        (1000, 20000, "0.01", "0.99"),
        (1000, -20000, "0.01", "0.99"),
        (1000, -50000, "0.01", "0.99"),
        (1000, 50000, "0.01", "0.975"),
        (1000, -20000, "0.02", "0.95"),
        (200, -40000, "0.01", "0.99"),
    ]
    with open(os.path.join(HERE, "delta_gamma_quantiles.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["a", "b", "s", "confidence", "skewness", "excess_kurtosis", "cf_var", "cf_es", "exact_var", "exact_es"])
        for a, b, s, c in quantile_cases:
            mean, var, c3, c4 = cumulants(0, [mp.mpf(a)], [[mp.mpf(b)]], [[mp.mpf(s) ** 2]])
            cf_var, cf_es = cornish_fisher(mean, var, c3, c4, c)
            ex_var, ex_es = exact_one_factor(a, b, s, c)
            w.writerow([a, b, s, c, repr(float(c3 / var ** mp.mpf(1.5))), repr(float(c4 / var ** 2)),
                        repr(float(cf_var)), repr(float(cf_es)), repr(float(ex_var)), repr(float(ex_es))])


def cumulants_singular(drift, a, b, scale):
    # R_i = scale * z for both factors: dP = drift + (a1 + a2) scale z + 1/2 (B11 + 2 B12 + B22) scale^2 z^2.
    aa = sum(a) * scale
    bb = (b[0][0] + 2 * b[0][1] + b[1][1]) * scale ** 2
    return cumulants(drift, [aa], [[bb]], [[mp.mpf(1)]])


if __name__ == "__main__":
    main()
