#!/usr/bin/env python3
"""Reference values for Assay.Numerics.ErrorFunction (Erfc, Erfcx) and Assay.Numerics.Normal (Pdf, Cdf, InverseCdf).

What it computes: for a fixed, seeded set of double inputs per function (uniform over the domain, dense in the
tails, at every boundary of the kernels' approximation pieces and their one-ulp neighbours, plus special values;
dense rows for the fast paths of Phi, phi, erfc and erfcx, including every switch point of the fast Phi and erfcx
tables), the correctly rounded double of the exact function value, evaluated with mpmath 1.2.1 at 320 bits (the inverse by
Newton's method on mpmath.ncdf to 320 bits, for the exact double p). Rounding to double is done here explicitly,
including the subnormal range (no double rounding).
Output: erfc.csv, erfcx.csv, pdf.csv, cdf.csv, inverse_cdf.csv with header `input,expected`, both 16-hex-digit
IEEE-754 bit patterns.
Rerun:  /usr/bin/python3 tests/data/numerics/normal/generate_normal.py   (about a minute; output is deterministic)
"""
import math
import os
import random
import struct

import mpmath as mp

mp.mp.prec = 320
HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20240611
TINY = mp.mpf(2) ** -1074


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def next_up(x):
    return math.nextafter(x, math.inf)


def next_down(x):
    return math.nextafter(x, -math.inf)


def to_double(v):
    """Correctly rounded double of the mpf v (round to nearest even, gradual underflow, overflow to inf)."""
    if mp.isnan(v):
        return math.nan
    if mp.isinf(v):
        return math.inf if v > 0 else -math.inf
    if v == 0:
        return 0.0
    if abs(v) < mp.mpf(2) ** -1022:
        n = int(mp.nint(v / TINY))
        return math.ldexp(n, -1074)
    with mp.workprec(53):
        r = +v
    if abs(r) >= mp.mpf(2) ** 1024:
        return math.inf if r > 0 else -math.inf
    return float(r)


def with_neighbours(values):
    out = []
    for v in values:
        out += [next_down(v), v, next_up(v)]
    return out


def log_uniform(rng, lo, hi, n):
    a, b = math.log(lo), math.log(hi)
    return [math.exp(rng.uniform(a, b)) for _ in range(n)]


def inverse_lower(r):
    """Phi^-1(r) for 0 < r <= 1/2 (exact mpf r), by Newton's method on mpmath.ncdf."""
    if r == mp.mpf(0.5):
        return mp.mpf(0)
    from statistics import NormalDist
    x = mp.mpf(NormalDist().inv_cdf(max(float(r), 5e-324)))
    for _ in range(100):
        f = mp.ncdf(x)
        step = (f - r) / mp.npdf(x)
        # log-space step in the far tail keeps the iteration well behaved
        if r < mp.mpf("1e-10"):
            step = (mp.log(f) - mp.log(r)) * f / mp.npdf(x)
        x -= step
        if abs(step) < abs(x) * mp.mpf(2) ** -300 + mp.mpf(2) ** -310:
            break
    else:
        raise RuntimeError(f"no convergence for r={r}")
    return x


def inverse(p):
    if p == 0:
        return -mp.inf
    if p == 1:
        return mp.inf
    mpp = mp.mpf(p)
    if mpp <= mp.mpf(0.5):
        return inverse_lower(mpp)
    return -inverse_lower(1 - mpp)


def erfcx(x):
    x = mp.mpf(x)
    if x < 1e4:
        return mp.exp(x * x) * mp.erfc(x)
    # Asymptotic series 1/(x sqrt(pi)) * sum (-1)^k (2k-1)!! / (2x^2)^k; for x >= 1e4 forty terms leave a
    # remainder below 1e-250 relative.
    term, total = mp.mpf(1), mp.mpf(1)
    for k in range(1, 41):
        term *= -(2 * k - 1) / (2 * x * x)
        total += term
    return total / (x * mp.sqrt(mp.pi))


def write(name, inputs, f):
    seen, rows = set(), []
    for x in inputs:
        b = bits(x)
        if b in seen or math.isnan(x):
            continue
        seen.add(b)
        rows.append((b, bits(to_double(f(x)))))
    with open(os.path.join(HERE, name), "w", encoding="ascii", newline="\n") as fh:
        fh.write("input,expected\n")
        for a, e in rows:
            fh.write(f"{a:016x},{e:016x}\n")
    print(f"{name}: {len(rows)} rows")


def main():
    rng = random.Random(SEED)
    # Rows added for the fast paths (x > -8.5 for Phi, x < 6 for erfc, |x| < 37.5 for phi) come from a second
    # generator and are appended, so the rows above them stay exactly as they were.
    fast_rng = random.Random(SEED + 1)
    midpoints = [(2 * j + 1) / 64 for j in range(272)]  # where the fast Phi table switches from centre j/32 to (j+1)/32
    quarter = [j / 4 for j in range(1, 49)]
    specials = [0.0, -0.0, math.inf, -math.inf, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-300, -1e-300]

    # erfc: domain [-6, 27.3]; 2 below, 0 above.
    xs = [rng.uniform(-6.0, 27.3) for _ in range(1500)]
    xs += [rng.uniform(-6.0, 6.0) for _ in range(500)]
    xs += [rng.uniform(20.0, 27.3) for _ in range(400)]
    xs += [s * v for s in (1, -1) for v in log_uniform(rng, 1e-300, 1.0, 200)]
    xs += with_neighbours([s * v for s in (1, -1) for v in quarter[:34] + [8.5, 27.2, 27.25, 27.3]])
    xs += [-7.0, -30.0, 28.0, 40.0, 1e10, -1e10] + specials
    xs += [fast_rng.uniform(-6.0, 6.0) for _ in range(1000)]
    xs += with_neighbours([s * m / math.sqrt(2) for s in (1, -1) for m in midpoints if m < 8.49])
    write("erfc.csv", xs, lambda x: mp.erfc(x))

    # erfcx: every x; ~1/(x sqrt(pi)) for large x, +inf below about -26.63.
    xs = [rng.uniform(-26.6, 0.0) for _ in range(600)]
    xs += [rng.uniform(0.0, 8.5) for _ in range(900)]
    xs += log_uniform(rng, 8.5, 1e4, 400) + log_uniform(rng, 1e4, 1.7e308, 300)
    xs += [-v for v in log_uniform(rng, 1e-300, 1.0, 150)] + log_uniform(rng, 1e-300, 1.0, 150)
    xs += with_neighbours([s * v for s in (1, -1) for v in quarter[:34] + [8.5, 26.5, 26.6]])
    xs += with_neighbours([3.273390607896142e150, 1e300, 1.7976931348623157e308])
    xs += [-26.7, -27.0, -30.0, -1e10] + specials
    # Rows added for the fast erfcx table (rows of centres j/32 on [-1, 127/64), j/16 on [127/64, 8.5]) and the
    # exponential path on [-26, -1): a third generator, appended, so every earlier row of every file is unchanged.
    erfcx_rng = random.Random(SEED + 2)
    xs += [erfcx_rng.uniform(-1.0, 8.5) for _ in range(1500)]
    xs += [erfcx_rng.uniform(-26.0, -1.0) for _ in range(500)]
    xs += [erfcx_rng.uniform(-1.0, 2.0) for _ in range(300)]
    erfcx_switches = [(2 * j + 1) / 64 for j in range(-32, 63)] + [(2 * j + 1) / 32 for j in range(32, 136)]
    xs += with_neighbours(erfcx_switches + [-1.0, 127 / 64, 2.0, 8.5, -26.0])
    xs += with_neighbours([-m for m in erfcx_switches if m > 1.0])  # the table at -x on the exponential path
    write("erfcx.csv", xs, erfcx)

    # pdf: everywhere.
    xs = [rng.uniform(-40.0, 40.0) for _ in range(1500)]
    xs += [rng.uniform(-8.0, 8.0) for _ in range(500)]
    xs += [s * v for s in (1, -1) for v in log_uniform(rng, 1e-300, 1.0, 150)]
    xs += with_neighbours([s * v for s in (1, -1) for v in [0.5, 1.0, 12.0, 37.5, 38.5, 38.6, 40.0]])
    xs += [1e10, -1e10, 1e300] + specials
    xs += [fast_rng.uniform(-8.5, 8.5) for _ in range(1000)]
    xs += with_neighbours([37.4, 37.45, -37.45])
    write("pdf.csv", xs, lambda x: mp.npdf(x))

    # cdf: domain [-38.5, 8.3] (0 below, 1 above), subnormal results near -37.5 .. -38.5.
    xs = [rng.uniform(-38.5, 8.3) for _ in range(1500)]
    xs += [rng.uniform(-6.0, 6.0) for _ in range(600)]
    xs += [rng.uniform(-38.5, -30.0) for _ in range(400)]
    xs += [rng.uniform(5.0, 8.3) for _ in range(150)]
    xs += [s * v for s in (1, -1) for v in log_uniform(rng, 1e-300, 1.0, 150)]
    xs += with_neighbours([s * v for s in (1, -1) for v in quarter + [37.5, 38.0, 38.5, 40.0]])
    xs += [-39.0, -50.0, 8.5, 9.0, 50.0] + specials
    xs += [fast_rng.uniform(-8.5, 8.5) for _ in range(1500)]
    xs += with_neighbours([s * m for s in (1, -1) for m in midpoints])
    write("cdf.csv", xs, lambda x: mp.ncdf(x))

    # inverse cdf: p in (0, 1), log-uniform down to the smallest subnormal and up to 1 - 2^-53.
    ps = [rng.uniform(0.0, 1.0) for _ in range(1000)]
    ps += [math.ldexp(rng.uniform(1.0, 2.0), rng.randint(-1074, -2)) for _ in range(1200)]
    ps += [1.0 - math.ldexp(rng.uniform(1.0, 2.0), rng.randint(-53, -2)) for _ in range(500)]
    ps += [rng.uniform(0.3, 0.7) for _ in range(300)]
    ps += with_neighbours([0.075, 0.925, 0.3125, 0.6875, 0.5, 0.25, 0.75, 1e-300, 2.2250738585072014e-308])
    ps += [5e-324, 1e-323, 2e-323, 1.0 - 2.0**-53, 1.0 - 2.0**-52, 0.5 + 2.0**-53, 0.5 - 2.0**-54, 0.0, 1.0]
    ps = [p for p in ps if 0.0 <= p <= 1.0]
    write("inverse_cdf.csv", ps, inverse)


if __name__ == "__main__":
    main()
