#!/usr/bin/python3
"""mpmath 1.2.1 high-precision references for the analytic exotic engines of Assay.Pricing.

Evaluates the published closed forms at 60 significant digits on the exact binary values of the double inputs:
  mpmath_floating_lookback_small_carry.csv
      Goldman-Sosin-Gatto floating lookback (Haug 2007, 4.15.1) for r - q in {0, +-1e-14 .. +-0.05}, where the
      formula's 1/(r - q) factor makes double evaluation cancel. r = q rows are evaluated at r - q = 1e-40
      (the limit is smooth; the difference is O(1e-40)). q = r - carry is rounded to double and the reference
      uses that double q exactly; an engine that forms r - q in double changes b by at most half an ulp.
  mpmath_barrier_extreme.csv
      Reiner-Rubinstein single barriers (Haug 2007, 4.17.1) with low volatility and large carry, where the
      powers (H/S)^(2 mu) reach e^(+-1000) and double evaluation of the textbook form overflows to inf * 0.
Rows whose price is below 1e-300 are skipped (not representable as a useful relative reference).

Rerun (from the repository root):  /usr/bin/python3 tests/data/pricing/exotics/generate_mpmath_exotics.py
"""
import csv
import os

import mpmath as mp

assert mp.__version__ == "1.2.1", mp.__version__
mp.mp.dps = 60
OUT = os.path.dirname(os.path.abspath(__file__))
N = mp.ncdf


def lookback(call, s, m, t, r, q, vol):
    s, m, t, r, q, vol = map(mp.mpf, (s, m, t, r, q, vol))
    b = r - q
    if b == 0:
        b = mp.mpf("1e-40")
        q = r - b
    sd = vol * mp.sqrt(t)
    if call:
        a1 = (mp.log(s / m) + (b + vol ** 2 / 2) * t) / sd
        a2 = a1 - sd
        return (s * mp.exp(-q * t) * N(a1) - m * mp.exp(-r * t) * N(a2)
                + s * mp.exp(-r * t) * vol ** 2 / (2 * b)
                * ((s / m) ** (-2 * b / vol ** 2) * N(-a1 + 2 * b * mp.sqrt(t) / vol) - mp.exp(b * t) * N(-a1)))
    b1 = (mp.log(s / m) + (b + vol ** 2 / 2) * t) / sd
    b2 = b1 - sd
    return (m * mp.exp(-r * t) * N(-b2) - s * mp.exp(-q * t) * N(-b1)
            + s * mp.exp(-r * t) * vol ** 2 / (2 * b)
            * (-(s / m) ** (-2 * b / vol ** 2) * N(b1 - 2 * b * mp.sqrt(t) / vol) + mp.exp(b * t) * N(b1)))


def barrier(call, btype, s, k, h, rebate, t, r, q, vol):
    s, k, h, rebate, t, r, q, vol = map(mp.mpf, (s, k, h, rebate, t, r, q, vol))
    phi = 1 if call else -1
    eta = 1 if btype.startswith("Down") else -1
    b = r - q
    sd = vol * mp.sqrt(t)
    mu = (b - vol ** 2 / 2) / vol ** 2
    lam = mp.sqrt(mu ** 2 + 2 * r / vol ** 2)
    x1 = mp.log(s / k) / sd + (1 + mu) * sd
    x2 = mp.log(s / h) / sd + (1 + mu) * sd
    y1 = mp.log(h * h / (s * k)) / sd + (1 + mu) * sd
    y2 = mp.log(h / s) / sd + (1 + mu) * sd
    z = mp.log(h / s) / sd + lam * sd
    dq, dr, hs = mp.exp(-q * t), mp.exp(-r * t), h / s
    A = phi * s * dq * N(phi * x1) - phi * k * dr * N(phi * x1 - phi * sd)
    B = phi * s * dq * N(phi * x2) - phi * k * dr * N(phi * x2 - phi * sd)
    C = phi * s * dq * hs ** (2 * (mu + 1)) * N(eta * y1) - phi * k * dr * hs ** (2 * mu) * N(eta * y1 - eta * sd)
    D = phi * s * dq * hs ** (2 * (mu + 1)) * N(eta * y2) - phi * k * dr * hs ** (2 * mu) * N(eta * y2 - eta * sd)
    E = rebate * dr * (N(eta * x2 - eta * sd) - hs ** (2 * mu) * N(eta * y2 - eta * sd))
    F = rebate * (hs ** (mu + lam) * N(eta * z) + hs ** (mu - lam) * N(eta * z - 2 * eta * lam * sd))
    above = k >= h
    table = {
        ("DownIn", True): (C + E, A - B + D + E), ("UpIn", True): (A + E, B - C + D + E),
        ("DownIn", False): (B - C + D + E, A + E), ("UpIn", False): (A - B + D + E, C + E),
        ("DownOut", True): (A - C + F, B - D + F), ("UpOut", True): (F, A - B + C - D + F),
        ("DownOut", False): (A - B + C - D + F, F), ("UpOut", False): (B - D + F, A - C + F),
    }
    return table[(btype, call)][0 if above else 1]


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow([repr(x) if isinstance(x, float) else x for x in row])
    print(name, len(rows), "rows")


def lookback_rows():
    rows = []
    carries = [0.0]
    for e in (1e-14, 1e-10, 1e-7, 1e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 5e-2):
        carries += [e, -e]
    cases = [  # (S, minmax for call, minmax for put, T, r, sigma)
        (100.0, 100.0, 100.0, 1.0, 0.05, 0.2),
        (100.0, 90.0, 115.0, 0.5, 0.03, 0.3),
        (120.0, 100.0, 130.0, 0.25, 0.0, 0.1),
        (50.0, 30.0, 80.0, 2.0, 0.08, 0.45),
        (100.0, 99.0, 101.0, 0.02, 0.01, 0.05),
    ]
    for s, mcall, mput, t, r, vol in cases:
        for call in (True, False):
            m = mcall if call else mput
            for c in carries:
                q = r - c
                price = lookback(call, s, m, t, r, q, vol)
                rows.append(["Call" if call else "Put", s, m, t, r, q, vol, float(price)])
    write("mpmath_floating_lookback_small_carry.csv", ["type", "S", "minmax", "T", "r", "q", "sigma", "price"], rows)


def barrier_rows():
    rows = []
    for vol in (0.01, 0.02, 0.04):
        for r, q in ((0.10, 0.0), (0.0, 0.10), (0.05, 0.04)):
            for btype, h in (("DownOut", 50.0), ("DownIn", 80.0), ("UpOut", 125.0), ("UpIn", 200.0)):
                for call, k in ((True, 95.0), (False, 110.0)):
                    for rebate in (0.0, 1.0):
                        t = 1.0
                        mu = (mp.mpf(r) - mp.mpf(q) - mp.mpf(vol) ** 2 / 2) / mp.mpf(vol) ** 2
                        if rebate > 0 and mu ** 2 + 2 * mp.mpf(r) / mp.mpf(vol) ** 2 < 0:
                            continue
                        price = barrier(call, btype, 100.0, k, h, rebate, t, r, q, vol)
                        if abs(price) < mp.mpf("1e-300"):
                            continue
                        rows.append(["Call" if call else "Put", btype, 100.0, k, h, rebate, t, r, q, vol, float(price)])
    write("mpmath_barrier_extreme.csv", ["type", "barrier_type", "S", "K", "H", "rebate", "T", "r", "q", "sigma", "price"], rows)


if __name__ == "__main__":
    lookback_rows()
    barrier_rows()
