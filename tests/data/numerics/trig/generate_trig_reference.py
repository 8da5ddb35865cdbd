#!/usr/bin/python3
"""Reference values for DMath.Sin/Cos/Atan/Atan2 and the ComplexD functions.

Computes with mpmath 1.2.1 at 80 significant digits and rounds to the nearest double (round-half-even of the
exact value, which is what the tests compare against in ulps).
  trig_reference.csv:    function,x_bits,y_bits,expected_bits   (hex of the IEEE-754 bits; y unused except atan2,
                         where the call is atan2(y, x))
  complex_reference.csv: function,a_re,a_im,b_re,b_im,expected_re,expected_im   (repr doubles; b only for div)
Inputs are drawn from random.Random(20240611) plus hand-picked hard cases: for sin/cos the doubles closest to
k*pi/2 (the worst cases of the argument reduction) for |x| <= 2^20, found by scanning every k.
Rerun: /usr/bin/python3 tests/data/numerics/trig/generate_trig_reference.py   (about a minute)
"""
import math
import random
import struct

import mpmath as mp

mp.mp.dps = 80
rng = random.Random(20240611)
here = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."


def bits(v):
    return "0x%016X" % struct.unpack("<Q", struct.pack("<d", v))[0]


def rnd(v):
    """Nearest double to the mpmath value (mpmath's float() rounds to nearest)."""
    return float(v)


rows = []


def add(fn, x, y, value):
    rows.append((fn, bits(x), bits(y), bits(rnd(value))))


# ---- sin / cos ----
xs = []
xs += [rng.uniform(-math.pi / 4, math.pi / 4) for _ in range(400)]
xs += [rng.uniform(-10, 10) for _ in range(400)]
xs += [rng.uniform(-1e5, 1e5) for _ in range(400)]
xs += [rng.uniform(-1048576, 1048576) for _ in range(200)]
xs += [math.copysign(10 ** rng.uniform(-12, math.log10(1048576)), rng.random() - 0.5) for _ in range(400)]
xs += [1e-300, -5e-324, 2.2250738585072014e-308, 3.7e-9, 1e-8, math.pi / 4, math.nextafter(math.pi / 4, 1),
       math.pi / 2, math.pi, 2 * math.pi, 1e5, -1e5, 1048575.9999999999, 0.5, 1.0, 2.0, 3.0]
# Worst cases of the reduction: for each k, the double nearest k*pi/2; keep the 60 with the smallest |x - k*pi/2|/|x|.
with mp.workdps(40):
    half_pi = mp.pi / 2
    worst = []
    kmax = int(1048576 / math.pi * 2)
    for k in range(1, kmax + 1):
        t = k * half_pi
        x = float(t)
        r = abs(mp.mpf(x) - t)
        worst.append((r, x))
    worst.sort()
    hard = [x for _, x in worst[:60]]
xs += hard + [-x for x in hard[:20]]
for x in xs:
    add("sin", x, 0.0, mp.sin(mp.mpf(x)))
    add("cos", x, 0.0, mp.cos(mp.mpf(x)))

# ---- atan ----
ts = []
ts += [rng.uniform(-1, 1) for _ in range(400)]
ts += [math.copysign(10 ** rng.uniform(-20, 20), rng.random() - 0.5) for _ in range(600)]
ts += [math.copysign(10 ** rng.uniform(-300, 300), rng.random() - 0.5) for _ in range(100)]
for j in range(1, 33):
    for d in (-1 / 64, -1e-17, 0.0, 1e-17, 1 / 64):
        c = j / 32 + d
        ts += [c, math.nextafter(c, 2), math.nextafter(c, -2), 1 / c if c > 0 else 1.0]
ts += [0.0625, math.nextafter(0.0625, 1), 1.0, math.nextafter(1.0, 2), math.nextafter(1.0, 0), 1e308, 5e-324]
for t in ts:
    add("atan", t, 0.0, mp.atan(mp.mpf(t)))

# ---- atan2 (y, x) ----
pairs = []
for _ in range(1200):
    x = math.copysign(10 ** rng.uniform(-5, 5), rng.random() - 0.5)
    y = math.copysign(10 ** rng.uniform(-5, 5), rng.random() - 0.5)
    pairs.append((y, x))
for _ in range(400):
    a = rng.uniform(-math.pi, math.pi)
    m = 10 ** rng.uniform(-3, 3)
    pairs.append((m * math.sin(a), m * math.cos(a)))
for _ in range(100):
    pairs.append((math.copysign(10 ** rng.uniform(-300, 300), rng.random() - 0.5),
                  math.copysign(10 ** rng.uniform(-300, 300), rng.random() - 0.5)))
pairs += [(1.0, 1.0), (1.0, -1.0), (-1.0, -1.0), (-1.0, 1.0), (1e-300, -1.0), (-1e-300, -1.0), (1.0, 1e-300),
          (1.0, -1e-300)]
for y, x in pairs:
    add("atan2", x, y, mp.atan2(mp.mpf(y), mp.mpf(x)))

with open(f"{here}/trig_reference.csv", "w") as f:
    f.write("function,x_bits,y_bits,expected_bits\n")
    for r in rows:
        f.write(",".join(r) + "\n")

# ---- complex ----
crow = []


def cz():
    return complex(math.copysign(10 ** rng.uniform(-3, 3), rng.random() - 0.5),
                   math.copysign(10 ** rng.uniform(-3, 3), rng.random() - 0.5))


for _ in range(300):
    a, b = cz(), cz()
    ma, mb = mp.mpc(a), mp.mpc(b)
    crow.append(("div", a, b, ma / mb))
    crow.append(("mul", a, b, ma * mb))
    crow.append(("sqrt", a, 0j, mp.sqrt(ma)))
    crow.append(("log", a, 0j, mp.log(ma)))
    crow.append(("abs", a, 0j, mp.mpc(abs(ma), 0)))
    e = complex(rng.uniform(-30, 30), rng.uniform(-50, 50))
    crow.append(("exp", e, 0j, mp.exp(mp.mpc(e))))
    s = complex(math.copysign(10 ** rng.uniform(-12, -0.5), rng.random() - 0.5),
                math.copysign(10 ** rng.uniform(-12, -0.5), rng.random() - 0.5))
    crow.append(("log1p", s, 0j, mp.log(1 + mp.mpc(s))))
for a in (complex(-4, 0), complex(0, 2), complex(0, -2), complex(-1, 1e-20), complex(-1, -1e-20),
          complex(1, 0), complex(3, 4)):
    crow.append(("sqrt", a, 0j, mp.sqrt(mp.mpc(a.real, a.imag))))
    crow.append(("log", a, 0j, mp.log(mp.mpc(a.real, a.imag))))
with open(f"{here}/complex_reference.csv", "w") as f:
    f.write("function,a_re,a_im,b_re,b_im,expected_re,expected_im\n")
    for fn, a, b, v in crow:
        f.write(f"{fn},{a.real!r},{a.imag!r},{b.real!r},{b.imag!r},{float(v.real)!r},{float(v.imag)!r}\n")
print(len(rows), "trig rows,", len(crow), "complex rows")
