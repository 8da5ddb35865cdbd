#!/usr/bin/python3
"""mpmath 1.2.1 reference Greeks for Black-Scholes-Merton and Black-76, by differentiating the price itself.

The price is evaluated with 50 significant digits and differentiated numerically by mpmath.diff (which
raises the working precision for its finite differences), so the Greeks do not depend on any closed-form
Greek formula. Conventions (QuantLib's, DESIGN.md section 10): vega, volga per 1.00 of volatility; rho and
dividend rho per 1.00 of rate; theta = -dV/dT per year; vanna = d2V/dS dsigma; volga = d2V/dsigma2;
charm = -d2V/dS dT per year. For Black-76 the spot Greeks are with respect to F, rho is dV/dr with F fixed,
and there is no dividend rho (written as 0).

Rows: a seeded random grid of moderate inputs plus rows out to about 1e-30 of the spot.
Library: mpmath 1.2.1 (checked at start-up). Rerun with
    /usr/bin/python3 tests/data/pricing/bsm/generate_mpmath_greeks.py
which rewrites mpmath_greeks_bsm.csv and mpmath_greeks_black76.csv next to this script (repr() doubles).
"""
import os
import random

import mpmath as mp

assert mp.__version__ == "1.2.1", mp.__version__
mp.mp.dps = 50
SEED = 7011
HERE = os.path.dirname(os.path.abspath(__file__))


def bsm(th, s, k, t, r, q, sigma):
    sd = sigma * mp.sqrt(t)
    d1 = (mp.log(s / k) + (r - q) * t) / sd + sd / 2
    d2 = d1 - sd
    return th * (s * mp.exp(-q * t) * mp.ncdf(th * d1) - k * mp.exp(-r * t) * mp.ncdf(th * d2))


def greeks(th, s, k, t, r, q, sigma):
    s, k, t, r, q, sigma = (mp.mpf(v) for v in (s, k, t, r, q, sigma))
    f = lambda s_, t_, r_, q_, v_: bsm(th, s_, k, t_, r_, q_, v_)
    point = (s, t, r, q, sigma)

    def d(orders):
        return mp.diff(f, point, orders)

    return [f(*point), d((1, 0, 0, 0, 0)), d((2, 0, 0, 0, 0)), d((0, 0, 0, 0, 1)), -d((0, 1, 0, 0, 0)),
            d((0, 0, 1, 0, 0)), d((0, 0, 0, 1, 0)), d((1, 0, 0, 0, 1)), d((0, 0, 0, 0, 2)), -d((1, 1, 0, 0, 0))]


def greeks76(th, fwd, k, t, r, sigma):
    fwd, k, t, r, sigma = (mp.mpf(v) for v in (fwd, k, t, r, sigma))
    f = lambda f_, t_, r_, v_: mp.exp(-r_ * t_) * bsm(th, f_, k, t_, 0, 0, v_)
    point = (fwd, t, r, sigma)

    def d(orders):
        return mp.diff(f, point, orders)

    return [f(*point), d((1, 0, 0, 0)), d((2, 0, 0, 0)), d((0, 0, 0, 1)), -d((0, 1, 0, 0)), d((0, 0, 1, 0)),
            mp.mpf(0), d((1, 0, 0, 1)), d((0, 0, 0, 2)), -d((1, 1, 0, 0))]


def main():
    rng = random.Random(SEED)
    names = "price,delta,gamma,vega,theta,rho,dividend_rho,vanna,volga,charm"
    bsm_lines = ["type,S,K,T,r,q,sigma," + names]
    b76_lines = ["type,F,K,T,r,sigma," + names]
    for i in range(160):
        is_call = rng.random() < 0.5
        th = 1 if is_call else -1
        spot = round(rng.uniform(20.0, 200.0), 2)
        t = round(10 ** rng.uniform(-2.0, 1.0), 4)
        sigma = round(rng.uniform(0.05, 1.0), 3)
        r = round(rng.uniform(-0.02, 0.1), 4)
        q = round(rng.uniform(0.0, 0.06), 4)
        # Moneyness in standard deviations: mostly near the money, some rows far out.
        z = rng.uniform(-2.5, 2.5) if i % 4 else -th * rng.uniform(3.0, 10.0)
        sd = sigma * t ** 0.5
        strike = float(mp.nstr(spot * mp.exp((r - q) * t - z * sd), 8))
        values = greeks(th, spot, strike, t, r, q, sigma)
        bsm_lines.append(",".join(["Call" if is_call else "Put"] + [repr(float(v)) for v in (
            spot, strike, t, r, q, sigma)] + [repr(float(v)) for v in values]))
        if i % 2 == 0:
            fwd = round(spot * float(mp.exp((r - q) * t)), 2)
            values = greeks76(th, fwd, strike, t, r, sigma)
            b76_lines.append(",".join(["Call" if is_call else "Put"] + [repr(float(v)) for v in (
                fwd, strike, t, r, sigma)] + [repr(float(v)) for v in values]))
    with open(os.path.join(HERE, "mpmath_greeks_bsm.csv"), "w", encoding="ascii") as f:
        f.write("\n".join(bsm_lines) + "\n")
    with open(os.path.join(HERE, "mpmath_greeks_black76.csv"), "w", encoding="ascii") as f:
        f.write("\n".join(b76_lines) + "\n")


if __name__ == "__main__":
    main()
