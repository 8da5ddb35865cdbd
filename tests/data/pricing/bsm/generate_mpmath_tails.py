#!/usr/bin/python3
"""mpmath 1.2.1 reference prices for Black-Scholes-Merton options far out of (and far in) the money.

For S = 100 and strikes placed so that d2 (call) or -d1 (put) runs from -1 to about -38 standard deviations,
computes the exact price of the call and of the put at each strike with 60 significant digits, for prices down
to 1e-300 * S, at the double inputs written in the file (so the reference is exact for those doubles). Each row
also carries kappa = sum over p in (S, K, T, r, q, sigma) of |d ln V / d ln p|, the relative condition number
of the price: an algorithm working in double precision cannot beat about kappa * 2^-53 in general, since a
rounding of any intermediate derived from the inputs acts like a relative perturbation of one of them.

Library: mpmath 1.2.1 (checked at start-up). Rerun with
    /usr/bin/python3 tests/data/pricing/bsm/generate_mpmath_tails.py
which rewrites mpmath_tails.csv next to this script. Doubles are written with repr() (round-trip); price is
the exact value rounded to the nearest double.
"""
import os

import mpmath as mp

assert mp.__version__ == "1.2.1", mp.__version__
mp.mp.dps = 60
HERE = os.path.dirname(os.path.abspath(__file__))


def price_and_kappa(is_call, s, k, t, r, q, sigma):
    s, k, t, r, q, sigma = (mp.mpf(v) for v in (s, k, t, r, q, sigma))
    sd = sigma * mp.sqrt(t)
    d1 = (mp.log(s / k) + (r - q) * t) / sd + sd / 2
    d2 = d1 - sd
    th = 1 if is_call else -1
    dq, dr = mp.exp(-q * t), mp.exp(-r * t)
    n1, n2 = mp.ncdf(th * d1), mp.ncdf(th * d2)
    v = th * (s * dq * n1 - k * dr * n2)
    pdf1 = mp.npdf(d1)
    d_s = th * dq * n1
    d_k = -th * dr * n2
    d_sigma = s * dq * pdf1 * mp.sqrt(t)
    d_t = s * dq * pdf1 * sigma / (2 * mp.sqrt(t)) + th * r * k * dr * n2 - th * q * s * dq * n1
    d_r = th * k * t * dr * n2
    d_q = -th * s * t * dq * n1
    kappa = (abs(s * d_s) + abs(k * d_k) + abs(t * d_t) + abs(r * d_r) + abs(q * d_q) + abs(sigma * d_sigma)) / v
    return v, kappa


def main():
    spot = 100.0
    lines = ["type,S,K,T,r,q,sigma,price,kappa"]
    for sigma in (0.05, 0.1, 0.2, 0.5, 1.0, 2.0):
        for t in (0.02, 0.25, 1.0, 5.0):
            for r, q in ((0.0, 0.0), (0.05, 0.02), (-0.01, 0.03)):
                sd = sigma * mp.sqrt(t)
                for side in (-1, 1):  # strikes above the forward (calls OTM), then below (puts OTM)
                    for depth in (1, 2, 3, 4, 5, 6, 8, 10, 12, 14, 17, 20, 24, 28, 32, 36, 38):
                        x = side * (depth * sd + sd * sd / 2)  # ln(F/K) putting d2 (or -d1) at -depth
                        strike = float(mp.nstr(spot * mp.exp((r - q) * t - x), 6))
                        if not (1e-300 < strike < 1e300):
                            continue
                        otm_is_call = side < 0
                        otm, _ = price_and_kappa(otm_is_call, spot, strike, t, r, q, sigma)
                        if otm < mp.mpf(1e-300) * spot:
                            break
                        for is_call in (True, False):
                            v, kappa = price_and_kappa(is_call, spot, strike, t, r, q, sigma)
                            lines.append(",".join(["Call" if is_call else "Put"] + [repr(float(z)) for z in (
                                spot, strike, t, r, q, sigma, v, kappa)]))
    with open(os.path.join(HERE, "mpmath_tails.csv"), "w", encoding="ascii") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
