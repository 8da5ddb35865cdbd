#!/usr/bin/python3
"""Reference values of the normalised Black function b(x, s, theta) for NormalisedBlackTests.

b(x, s, theta) = theta * (exp(x/2) Phi(theta (x/s + s/2)) - exp(-x/2) Phi(theta (x/s - s/2))), evaluated with
mpmath 1.2.1 at mp.dps = 60 from the exact double inputs written in the CSV. Also written: kappa, the relative
condition number |x db/dx|/b + |s db/ds|/b, which bounds how much the value can move when x and s are
perturbed by one rounding each (db/dx = theta/2 (exp(x/2) Phi(theta u) + exp(-x/2) Phi(theta v)),
db/ds = phi(u) exp(x/2)), and the region the grid point was aimed at (for reading the results only).

Grid: h = x/s and t = s/2 chosen on and around the region boundaries of Jaeckel, "Let's Be Rational" (2016) sec. 3,
both option types, in and out of the money, plus 600 seeded random points (seed 20240611). Rows whose value is
below 1e-300 or above 1e300, or with |x| > 700, are dropped.
Rerun: /usr/bin/python3 tests/data/pricing/iv/generate_normalised_black.py  (writes normalised_black.csv here)
"""
import os
import random

import mpmath as mp

mp.mp.dps = 60
HERE = os.path.dirname(os.path.abspath(__file__))


def b_and_kappa(x, s, theta):
    X, S = mp.mpf(x), mp.mpf(s)
    u, v = X / S + S / 2, X / S - S / 2
    ex, emx = mp.exp(X / 2), mp.exp(-X / 2)
    val = theta * (ex * mp.ncdf(theta * u) - emx * mp.ncdf(theta * v))
    dbdx = theta * (ex * mp.ncdf(theta * u) + emx * mp.ncdf(theta * v)) / 2
    dbds = mp.npdf(u) * ex
    return val, (abs(X * dbdx) + abs(S * dbds)) / val


rows = []


def add(x, s, theta, region):
    x, s = float(x), float(s)
    if s <= 0:
        return
    val, kappa = b_and_kappa(x, s, theta)
    if val < mp.mpf("1e-300") or val > mp.mpf("1e300") or abs(x) > 700:
        return
    rows.append((x, s, theta, float(val), float(kappa), region))


hs = [0.0, -1e-3, -0.1, -0.5, -1.0, -2.0, -3.0, -5.0, -7.0, -9.5, -10.0, -10.1, -10.5, -12.0, -15.0, -20.0, -25.0, -30.0, -35.0, -37.0]
ts = [1e-6, 1e-4, 0.01, 0.1, 0.19, 0.199, 0.201, 0.21, 0.5, 0.85, 1.0, 2.0, 5.0, 9.9, 10.1, 20.0, 35.0]
for h in hs:
    for t in ts:
        s = 2 * t
        x = h * s
        for theta in (1, -1):
            region = 'I' if h + t < -10 else 'II' if t < 0.2 else 'III' if h + t > 0.85 else 'IV'
            add(x, s, theta, region)          # out of the money for theta = +1 (x <= 0)
            if x != 0:
                add(-x, s, theta, region)     # the mirror: in the money for theta = +1

rng = random.Random(20240611)
for _ in range(600):
    s = 10 ** rng.uniform(-4, 1.7)
    h = rng.uniform(-38, 8)
    theta = rng.choice((1, -1))
    add(h * s * theta, s, theta, 'random')

with open(os.path.join(HERE, 'normalised_black.csv'), 'w') as f:
    f.write('x,s,theta,b,kappa,region\n')
    for r in rows:
        f.write(f'{r[0]!r},{r[1]!r},{r[2]},{r[3]!r},{r[4]!r},{r[5]}\n')
print(len(rows), 'rows')

# Probe values of the Numerics kernels this code builds on (erfcx and Phi), used by the tests to measure how
# accurate the kernels they run against are (the placeholders of the Numerics slice are ~1e-13 in places).
with open(os.path.join(HERE, 'kernel_probe.csv'), 'w') as f:
    f.write('function,z,value\n')
    for i in range(0, 121):
        z = -1.0 + i * 0.05          # erfcx on [-1, 5]
        f.write(f'erfcx,{z!r},{float(mp.exp(mp.mpf(z) ** 2) * mp.erfc(mp.mpf(z)))!r}\n')
    for z in (6.0, 7.5, 10.0, 15.0, 27.0, 50.0):
        f.write(f'erfcx,{z!r},{float(mp.exp(mp.mpf(z) ** 2) * mp.erfc(mp.mpf(z)))!r}\n')
    for i in range(0, 81):
        z = -38.0 + i * 0.5          # Phi on [-38, 2]
        f.write(f'cdf,{z!r},{float(mp.ncdf(mp.mpf(z)))!r}\n')
