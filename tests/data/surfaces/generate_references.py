#!/usr/bin/python3
"""Reference values for the volatility-surface tests (tests/Assay.Pricing.Tests/Surfaces).

Computes, with QuantLib 1.29 (Python) and mpmath 1.2.1:
  svi_quantlib.csv  implied vols of raw SVI slices from QuantLib's SviSmileSection(T, F, [a, b, sigma, rho, m])
                    at a grid of strikes (an independent implementation of w(k) = a + b(rho(k-m) + sqrt((k-m)^2 + sigma^2))).
  svi_density.csv   Gatheral-Jacquier g(k) = (1 - k w'/(2w))^2 - w'^2/4 (1/w + 1/4) + w''/2 in 50-digit arithmetic,
                    with w' and w'' by mpmath.diff of w (not from our closed forms), for the butterfly-arbitrage
                    example of Gatheral & Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Quant. Finance
                    14(1), Section 3, Example 3.1 (Axel Vogt's parameters a=-0.0410, b=0.1331, rho=0.3060, m=0.3586,
                    sigma=0.4153, t=1), and for an arbitrage-free slice.
  ssvi_mpmath.csv   SSVI total variance w(k, theta) = theta/2 (1 + rho phi k + sqrt((phi k + rho)^2 + 1 - rho^2)),
                    phi = eta / (theta^gamma (1 + theta)^(1 - gamma)), in 50-digit arithmetic.
Doubles are written with repr() (round trip).

Rerun from the repository root:  /usr/bin/python3 tests/data/surfaces/generate_references.py
"""
import csv
import math
import os

import mpmath
import QuantLib as ql

assert ql.__version__ == "1.29", ql.__version__
assert mpmath.__version__ == "1.2.1", mpmath.__version__
mpmath.mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))

SVI_SETS = [
    # name, T, F, a, b, rho, m, sigma
    ("equity_1y", 1.0, 100.0, 0.02, 0.15, -0.7, 0.05, 0.2),
    ("equity_3m", 0.25, 101.5, 0.004, 0.06, -0.55, 0.02, 0.08),
    ("flat_wings_5y", 5.0, 120.0, 0.15, 0.3, 0.1, -0.1, 0.5),
    ("vogt", 1.0, 1.0, -0.0410, 0.1331, 0.3060, 0.3586, 0.4153),
]


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([repr(x) if isinstance(x, float) else x for x in r])


def svi_quantlib():
    rows = []
    for name, t, fwd, a, b, rho, m, sigma in SVI_SETS:
        section = ql.SviSmileSection(t, fwd, [a, b, sigma, rho, m])
        for j in range(-10, 11):
            strike = fwd * math.exp(0.08 * j)
            rows.append((name, t, fwd, a, b, rho, m, sigma, strike, section.volatility(strike)))
    write("svi_quantlib.csv", ["set", "T", "F", "a", "b", "rho", "m", "sigma", "strike", "vol"], rows)


def svi_density():
    rows = []
    for name, t, fwd, a, b, rho, m, sigma in SVI_SETS:
        if name not in ("vogt", "equity_1y"):
            continue
        A, B, R, M, S = (mpmath.mpf(x) for x in (a, b, rho, m, sigma))

        def w(k):
            return A + B * (R * (k - M) + mpmath.sqrt((k - M) ** 2 + S ** 2))

        for j in range(-15, 16):
            k = mpmath.mpf(j) / 10
            w0 = w(k)
            w1 = mpmath.diff(w, k, 1)
            w2 = mpmath.diff(w, k, 2)
            g = (1 - k * w1 / (2 * w0)) ** 2 - w1 ** 2 / 4 * (1 / w0 + mpmath.mpf(1) / 4) + w2 / 2
            rows.append((name, a, b, rho, m, sigma, float(k), float(w0), float(w1), float(w2), float(g)))
    write("svi_density.csv", ["set", "a", "b", "rho", "m", "sigma", "k", "w", "w1", "w2", "g"], rows)


def ssvi():
    rows = []
    for rho, eta, gamma in ((-0.7, 1.1, 0.4), (0.2, 0.5, 0.1), (-0.3, 1.5, 0.5)):
        for theta in (0.001, 0.01, 0.04, 0.2, 1.0):
            R, E, G, TH = (mpmath.mpf(x) for x in (rho, eta, gamma, theta))
            phi = E / (TH ** G * (1 + TH) ** (1 - G))
            for j in range(-6, 7):
                k = mpmath.mpf(j) / 5
                wv = TH / 2 * (1 + R * phi * k + mpmath.sqrt((phi * k + R) ** 2 + 1 - R ** 2))
                rows.append((rho, eta, gamma, theta, float(k), float(phi), float(wv)))
    write("ssvi_mpmath.csv", ["rho", "eta", "gamma", "theta", "k", "phi", "w"], rows)


svi_quantlib()
svi_density()
ssvi()
