#!/usr/bin/python3
"""Correctly rounded reference values for Assay.Numerics.DMath: exp, expm1, log, log1p.

What it computes: for a fixed, seeded set of double inputs per function (log-uniform over the domain, values
near 0, near 1, near the overflow / underflow / subnormal thresholds and their one-ulp neighbours, the
argument-reduction boundaries (j + 1/2) ln 2, subnormal inputs, integers, powers of two), the exact function
value with mpmath 1.2.1 at 200-bit precision, rounded to the nearest double (ties to even; subnormals and
overflow to +inf handled explicitly, not through mpmath's float conversion).

Output: elementary.csv with columns
    function   exp | expm1 | log | log1p
    x          input, 16 hex digits of its IEEE-754 bit pattern
    expected   correctly rounded result, 16 hex digits
    delta_ulp  (exact - expected) / ulp(expected), in [-0.5, 0.5], so that a test can report the true error
               of a result in ulps and not only its distance from the correctly rounded double; ulp(y) is
               2^(max(e, -1022) - 52) with e the binary exponent of y (2^-1074 for y = 0 or subnormal).
Only finite, non-NaN expected values that are not trivially special (the special values are tested in C#)
are written, except that exp overflow to +inf and underflow to +0 are kept as they sit on the thresholds.

Rerun (a few seconds):  /usr/bin/python3 tests/data/numerics/elementary/generate_elementary.py
"""
import math
import os
import random
import struct

import mpmath
from mpmath import mp, mpf

mp.prec = 200
SEED = 20240917
N_PER_FUNCTION = 3000


def bits(d):
    return struct.unpack("<Q", struct.pack("<d", d))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def next_up(d):
    return math.nextafter(d, math.inf)


def next_down(d):
    return math.nextafter(d, -math.inf)


def neighbours(d, n):
    """d and its n nearest doubles on each side."""
    out = [d]
    a = b = d
    for _ in range(n):
        a, b = next_down(a), next_up(b)
        out += [a, b]
    return out


def ulp_exponent(y_abs):
    """Exponent q with ulp = 2^q for a finite non-negative double or exact value y_abs."""
    if y_abs == 0:
        return -1074
    _, e = mpmath.frexp(mpf(y_abs))  # y = m 2^e, m in [0.5, 1)
    return max(int(e) - 1, -1022) - 52


def round_to_double(v):
    """Round an mpf to the nearest double, ties to even, with subnormals and overflow; returns (double, delta)."""
    if v == 0:
        return 0.0, 0.0
    sign = -1.0 if v < 0 else 1.0
    a = abs(v)
    q = ulp_exponent(a)
    scaled = a * mpf(2) ** (-q)  # exact: a power-of-two scaling
    n = int(mpmath.floor(scaled))
    frac = scaled - n
    if frac > 0.5 or (frac == 0.5 and n % 2 == 1):
        n += 1
    if n.bit_length() + q > 1024:  # n 2^q >= 2^1024: overflow
        return sign * math.inf, 0.0
    value = math.ldexp(n, q)  # exact: n <= 2^53
    q_result = ulp_exponent(abs(value))
    delta = (a - mpf(abs(value))) * mpf(2) ** (-q_result)
    return sign * value, float(sign * delta)


def log_uniform(rng, lo, hi):
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def random_double_with_exponent(rng, e):
    """A random double in [2^e, 2^(e+1)) for -1022 <= e <= 1023, or a random subnormal for e < -1022."""
    if e < -1022:
        return from_bits(rng.randrange(1, 1 << 52))
    return math.ldexp(1.0 + rng.randrange(0, 1 << 52) / 2.0 ** 52, e)


def exp_inputs(rng):
    xs = []
    ln2 = math.log(2)
    xs += [rng.uniform(-745.2, 709.8) for _ in range(700)]
    xs += [s * log_uniform(rng, 1e-300, 709.0) for s in (1, -1) for _ in range(350)]
    xs += [rng.uniform(-745.2, -708.3) for _ in range(300)]            # subnormal results
    xs += [rng.uniform(-1.0, 1.0) for _ in range(300)]
    xs += [s * log_uniform(rng, 1e-20, 1e-4) for s in (1, -1) for _ in range(60)]
    xs += neighbours(709.782712893384, 12)                              # overflow threshold
    xs += neighbours(-745.1332191019411, 12)                            # rounds to 0 below
    xs += neighbours(-744.4400719213812, 6)                             # 2^-1074
    xs += neighbours(-708.3964185322641, 6)                             # 2^-1022
    for j in range(-1076, 1025, 23):                                    # reduction boundaries (j + 1/2) ln 2
        xs += neighbours((j + 0.5) * ln2, 1)
    xs += [float(i) for i in range(-745, 710, 11)]
    xs += [from_bits(rng.randrange(1, 1 << 52)) * s for s in (1, -1) for _ in range(10)]
    return [x for x in xs if -746.0 < x < 710.0]


def expm1_inputs(rng):
    xs = []
    ln2 = math.log(2)
    xs += [s * log_uniform(rng, 1e-300, 1.0) for s in (1, -1) for _ in range(450)]
    xs += [rng.uniform(-1.0, 1.0) for _ in range(500)]
    xs += [rng.uniform(-45.0, 709.78) for _ in range(400)]
    xs += [rng.uniform(-3.0, 3.0) for _ in range(400)]
    xs += [rng.uniform(-40.0, -30.0) for _ in range(100)]                # approach to -1
    xs += [s * log_uniform(rng, 1e-9, 1e-5) for s in (1, -1) for _ in range(60)]
    xs += neighbours(709.782712893384, 8)
    xs += neighbours(-37.42994775023705, 6)                              # e^x = 2^-54
    xs += neighbours(-36.7368005696771, 6)                               # e^x = 2^-53
    for j in range(-60, 61):                                             # reduction boundaries
        xs += neighbours((j + 0.5) * ln2, 1)
    xs += [float(i) for i in range(-50, 710, 7)]
    xs += [from_bits(rng.randrange(1, 1 << 52)) * s for s in (1, -1) for _ in range(10)]
    xs += [2.0 ** -1022, -(2.0 ** -1022), 5e-324, -5e-324]
    return [x for x in xs if x != 0.0 and -60.0 < x < 710.0]


def log_inputs(rng):
    xs = []
    xs += [random_double_with_exponent(rng, rng.randrange(-1022, 1024)) for _ in range(1000)]
    xs += [from_bits(rng.randrange(1, 1 << 52)) for _ in range(250)]        # subnormal inputs
    xs += [1.0 + s * rng.random() * 2.0 ** -rng.randrange(1, 53) for s in (1, -1) for _ in range(300)]
    xs += [rng.uniform(0.7, 1.42) for _ in range(400)]
    xs += [log_uniform(rng, 1e-5, 1e5) for _ in range(300)]
    xs += neighbours(math.sqrt(0.5), 8) + neighbours(math.sqrt(2.0), 8)   # reduction boundaries
    xs += neighbours(1.0, 12)
    xs += [math.ldexp(1.0, e) for e in range(-1074, 1024, 7)]
    xs += [float(i) for i in range(2, 400, 3)]
    xs += [1.7976931348623157e308, 2.2250738585072014e-308, 5e-324, next_up(5e-324), next_down(2.0 ** -1022)]
    return [x for x in xs if x > 0.0 and x != 1.0]


def log1p_inputs(rng):
    xs = []
    xs += [s * log_uniform(rng, 1e-300, 0.9) for s in (1, -1) for _ in range(450)]
    xs += [-1.0 + rng.random() * 2.0 ** -rng.randrange(1, 53) for _ in range(250)]   # near -1
    xs += [rng.uniform(-0.5, 1.0) for _ in range(500)]
    xs += [log_uniform(rng, 1.0, 1.7e308) for _ in range(450)]
    xs += [s * log_uniform(rng, 1e-10, 1e-4) for s in (1, -1) for _ in range(60)]
    xs += [s * rng.random() * 2.0 ** -52 for s in (1, -1) for _ in range(50)]          # 1 + x rounds to 1
    xs += neighbours(math.sqrt(0.5) - 1.0, 6) + neighbours(math.sqrt(2.0) - 1.0, 6)
    xs += neighbours(-0.5, 6) + neighbours(1.0, 6) + neighbours(2.0 ** -53, 4) + neighbours(-(2.0 ** -54), 4)
    xs += [float(i) for i in range(1, 400, 3)]
    xs += [from_bits(rng.randrange(1, 1 << 52)) * s for s in (1, -1) for _ in range(10)]
    xs += [1.7976931348623157e308, next_up(-1.0), 2.0 ** -1022, -(2.0 ** -1022)]
    return [x for x in xs if x != 0.0 and x > -1.0 and math.isfinite(x)]


FUNCTIONS = [
    ("exp", exp_inputs, mpmath.exp),
    ("expm1", expm1_inputs, mpmath.expm1),
    ("log", log_inputs, mpmath.log),
    ("log1p", log1p_inputs, mpmath.log1p),
]


def main():
    rng = random.Random(SEED)
    here = os.path.dirname(os.path.abspath(__file__))
    rows = []
    for name, inputs, f in FUNCTIONS:
        xs = inputs(rng)
        seen = set()
        unique = []
        for x in xs:
            if bits(x) not in seen:
                seen.add(bits(x))
                unique.append(x)
        for x in unique:
            y, delta = round_to_double(f(mpf(x)))
            rows.append((name, bits(x), bits(y), delta))
        print(f"{name}: {len(unique)} inputs")
    with open(os.path.join(here, "elementary.csv"), "w", newline="\n") as out:
        out.write("# generated by generate_elementary.py (mpmath %s, 200-bit), seed %d\n" % (mpmath.__version__, SEED))
        out.write("function,x,expected,delta_ulp\n")
        for name, xb, yb, delta in rows:
            out.write(f"{name},{xb:016X},{yb:016X},{delta:.6f}\n")


if __name__ == "__main__":
    main()
