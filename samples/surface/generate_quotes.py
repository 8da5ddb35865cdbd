#!/usr/bin/python3
"""Synthetic multi-expiry implied-volatility quotes for `assay surface fit|plot` (samples/surface/quotes.csv).

The true surface is SSVI with the power-law phi (Gatheral & Jacquier 2014, Quant. Finance 14(1), section 4.4):
rho = -0.65, eta = 1.2, gamma = 0.45 (eta(1+|rho|) = 1.98 <= 2: free of static arbitrage), ATM total variance
theta(T) = T * (0.17 + 0.05 exp(-2T))^2 (non-decreasing), forwards F = 100 exp((0.03 - 0.01) T).
Each quote is the true vol plus Gaussian noise (sd 0.15 vol points) from random.Random(SEED), with a bid/ask spread
of 0.6 vol points + 2 vol points per unit |k|; values are rounded to 4 decimals. Strikes are a 2.5-point grid
spanning about +-(0.05 + 0.3 sqrt(T)) in log-moneyness. Standard library only; run with any Python 3:

    /usr/bin/python3 samples/surface/generate_quotes.py
"""
import math
import os
import random

SEED = 20240611
RHO, ETA, GAMMA = -0.65, 1.2, 0.45
EXPIRIES = [1.0 / 12.0, 0.25, 0.5, 1.0, 2.0]


def theta(t):
    return t * (0.17 + 0.05 * math.exp(-2.0 * t)) ** 2


def ssvi_w(k, th):
    phi = ETA / (th ** GAMMA * (1.0 + th) ** (1.0 - GAMMA))
    return th / 2.0 * (1.0 + RHO * phi * k + math.sqrt((phi * k + RHO) ** 2 + 1.0 - RHO ** 2))


def main():
    rng = random.Random(SEED)
    lines = ["expiry,strike,forward,bid_iv,ask_iv"]
    for t in EXPIRIES:
        fwd = 100.0 * math.exp(0.02 * t)
        half = 0.05 + 0.3 * math.sqrt(t)
        lo = math.floor(fwd * math.exp(-half) / 2.5) * 2.5
        hi = math.ceil(fwd * math.exp(half) / 2.5) * 2.5
        step = 2.5 if t < 0.4 else 5.0
        strike = lo
        while strike <= hi + 1e-9:
            k = math.log(strike / fwd)
            vol = math.sqrt(ssvi_w(k, theta(t)) / t)
            mid = vol + rng.gauss(0.0, 0.0015)
            spread = 0.006 + 0.02 * abs(k)
            lines.append("%r,%r,%r,%.4f,%.4f" % (round(t, 6), strike, round(fwd, 6), mid - spread / 2, mid + spread / 2))
            strike += step
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "quotes.csv")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


main()
