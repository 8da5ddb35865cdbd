#!/usr/bin/python3
"""Acceptance grid for the implied-volatility solver: Black-Scholes-Merton prices from known volatilities.

For each seeded row (type, S, K, T, r, q, sigma) the European price
    V = theta (S e^{-qT} Phi(theta d1) - K e^{-rT} Phi(theta d2)),  d1,2 = (ln(S/K) + (r - q)T)/(sigma sqrt T) +- sigma sqrt T/2
is computed with mpmath 1.2.1 at mp.dps = 60 from the exact double inputs written in the CSV, then rounded to the
nearest double. Also written:
  vega        dV/dsigma (per 1.00 of vol),
  cond_price  V/(sigma vega): relative change of sigma per relative change of the price,
  cond_inputs (|S dV/dS| + |K dV/dK| + |T dV/dT| + |r dV/dr| + |q dV/dq|)/(sigma vega): the same for one
              relative perturbation of every other input (what the rounding of S e^{-qT}, K e^{-rT} and
              ln(F/K) costs any double-precision solver),
  otm_ratio   the out-of-the-money part of V divided by V (small deep in the money: information is lost).
The tests assert |sigma_hat - sigma|/sigma <= c * 2^-53 * (1 + cond_price + cond_inputs).

Grid (seed 20240612, 3000 rows): T in {1, 2, 7, 30, 91, 182, 365, 730, 1825, 3650, 10950} days / 365 (integer days so
that QuantLib's ACT/365 dates reproduce T exactly), sigma log-uniform in [0.001, 5], r uniform in [-0.02, 0.12],
q uniform in [0, 0.08], S log-uniform in [1, 10000], both types, standardised moneyness
k = theta ln(F/K)/(sigma sqrt T) uniform in [-31, 6] (k < 0 out of the money), rows with V < 1e-200 S dropped.
Rerun: /usr/bin/python3 tests/data/pricing/iv/generate_iv_grid.py  (writes iv_grid.csv next to this script)
"""
import os
import random

import mpmath as mp

mp.mp.dps = 60
HERE = os.path.dirname(os.path.abspath(__file__))
DAYS = [1, 2, 7, 30, 91, 182, 365, 730, 1825, 3650, 10950]


def price(theta, S, K, T, r, q, sig):
    sq = mp.sqrt(T)
    d1 = (mp.log(S / K) + (r - q) * T) / (sig * sq) + sig * sq / 2
    d2 = d1 - sig * sq
    return theta * (S * mp.exp(-q * T) * mp.ncdf(theta * d1) - K * mp.exp(-r * T) * mp.ncdf(theta * d2))


def main():
    rng = random.Random(20240612)
    rows = []
    while len(rows) < 3000:
        theta = rng.choice((1, -1))
        days = rng.choice(DAYS)
        T = days / 365.0
        sigma = 10 ** rng.uniform(-3, mp.log10(5))
        sigma = float(sigma)
        r = rng.uniform(-0.02, 0.12)
        q = rng.uniform(0.0, 0.08)
        S = float(10 ** rng.uniform(0, 4))
        k = rng.uniform(-31, 6)
        s = sigma * T ** 0.5
        F = S * mp.exp((mp.mpf(r) - q) * T)
        K = float(F * mp.exp(-theta * k * s))
        if not (1e-300 < K < 1e300):
            continue
        m = [mp.mpf(v) for v in (S, K, T, r, q, sigma)]
        V = price(theta, *m)
        if V < mp.mpf('1e-200') * m[0]:
            continue
        S_, K_, T_, r_, q_, sg = m
        sq = mp.sqrt(T_)
        d1 = (mp.log(S_ / K_) + (r_ - q_) * T_) / (sg * sq) + sg * sq / 2
        d2 = d1 - sg * sq
        dfw, dk = S_ * mp.exp(-q_ * T_), K_ * mp.exp(-r_ * T_)
        vega = dfw * mp.npdf(d1) * sq
        grads = [theta * mp.exp(-q_ * T_) * mp.ncdf(theta * d1),                       # dV/dS
                 -theta * mp.exp(-r_ * T_) * mp.ncdf(theta * d2),                      # dV/dK
                 -q_ * theta * dfw * mp.ncdf(theta * d1) + r_ * theta * dk * mp.ncdf(theta * d2)
                 + dfw * mp.npdf(d1) * sg / (2 * sq),                                  # dV/dT
                 theta * K_ * T_ * mp.exp(-r_ * T_) * mp.ncdf(theta * d2),             # dV/dr
                 -theta * S_ * T_ * mp.exp(-q_ * T_) * mp.ncdf(theta * d1)]            # dV/dq
        cond_price = V / (m[5] * vega)
        cond_inputs = sum(abs(m[i] * grads[i]) for i in range(5)) / (m[5] * vega)
        intrinsic = max(theta * (m[0] * mp.exp(-m[4] * m[2]) - m[1] * mp.exp(-m[3] * m[2])), 0)
        rows.append(('Call' if theta == 1 else 'Put', S, K, T, r, q, sigma, float(V), float(vega),
                     float(cond_price), float(cond_inputs), float((V - intrinsic) / V)))
    with open(os.path.join(HERE, 'iv_grid.csv'), 'w') as f:
        f.write('type,S,K,T,r,q,sigma,price,vega,cond_price,cond_inputs,otm_ratio\n')
        for row in rows:
            f.write(row[0] + ',' + ','.join(repr(v) for v in row[1:]) + '\n')
    print(len(rows), 'rows')


if __name__ == '__main__':
    main()
