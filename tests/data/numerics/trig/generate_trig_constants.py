#!/usr/bin/python3
"""Constants for the deterministic trigonometric kernels in src/Assay.Numerics/DMath.Trig.cs.

Computes with mpmath 1.2.1 at 60 significant digits:
  * the Cody-Waite split of pi/2 into three 33-bit parts P1, P2, P3 (so k*Pi is exact for |k| < 2^20) and a
    53-bit tail P4;
  * Taylor coefficients (-1)^n/(2n+1)! for sin and (-1)^n/(2n)! for cos on |r| <= pi/4, and (-1)^n/(2n+1) for atan,
    each rounded to the nearest double, with the truncation error bound of the chosen degree;
  * atan(j/32) for j = 2..32 as a double-double (hi = nearest double, lo = nearest double to the remainder);
  * pi and pi/2 as double-doubles.
Prints C# literals (repr round-trips) to stdout; the kernel file carries a copy.
Rerun: /usr/bin/python3 tests/data/numerics/trig/generate_trig_constants.py
"""
import mpmath as mp

mp.mp.dps = 60


def split_bits(value, bits):
    """Leading `bits` significant bits of value (truncated), as an exact double."""
    e = mp.floor(mp.log(abs(value), 2))
    scale = mp.mpf(2) ** (bits - 1 - e)
    return mp.floor(value * scale) / scale


def dd(value):
    hi = float(value)
    lo = float(value - mp.mpf(hi))
    return hi, lo


pio2 = mp.pi / 2
p1 = split_bits(pio2, 33)
p2 = split_bits(pio2 - p1, 33)
p3 = split_bits(pio2 - p1 - p2, 33)
p4 = float(pio2 - p1 - p2 - p3)
for name, v in (("PiOver2Part1", p1), ("PiOver2Part2", p2), ("PiOver2Part3", p3)):
    assert mp.mpf(float(v)) == v
    print(f"private const double {name} = {float(v)!r};")
print(f"private const double PiOver2Part4 = {p4!r};")
print(f"// |pi/2 - (P1+P2+P3+P4)| = {mp.nstr(abs(pio2 - p1 - p2 - p3 - mp.mpf(p4)), 5)}")
print(f"private const double TwoOverPi = {float(2 / mp.pi)!r};")
for name, v in (("Pi", mp.pi), ("PiOver2", pio2), ("PiOver4", mp.pi / 4), ("ThreePiOver4", 3 * mp.pi / 4)):
    hi, lo = dd(v)
    print(f"private const double {name}Hi = {hi!r};")
    print(f"private const double {name}Lo = {lo!r};")

r = mp.pi / 4
print("// sin(r) = r + r*z*(S1 + z*(S2 + ...)), z = r^2, Taylor to r^17")
for n in range(1, 9):
    print(f"private const double Sin{n} = {float((-1) ** n / mp.factorial(2 * n + 1))!r};")
print(f"// truncation |r^19/19!| / sin(pi/4) = {mp.nstr(r ** 19 / mp.factorial(19) / mp.sin(r), 5)} (2^-53 = 1.1e-16)")
print("// cos(r) = 1 - z/2 + z*z*(C2 + z*(C3 + ...)), Taylor to r^16")
for n in range(2, 9):
    print(f"private const double Cos{n} = {float((-1) ** n / mp.factorial(2 * n))!r};")
print(f"// truncation |r^18/18!| / cos(pi/4) = {mp.nstr(r ** 18 / mp.factorial(18) / mp.cos(r), 5)}")
print("// atan(t) = t + t*z*(A1 + z*(A2 + ...)), Taylor to t^15 on |t| <= 1/16 (and to t^9 on |t| <= 1/64)")
for n in range(1, 8):
    print(f"private const double Atan{n} = {float(mp.mpf((-1) ** n) / (2 * n + 1))!r};")
t = mp.mpf(1) / 16
print(f"// truncation |t^17/17| / atan(1/16) = {mp.nstr(t ** 17 / 17 / mp.atan(t), 5)}")
t = mp.mpf(1) / 64
print(f"// truncation |t^11/11| / atan(1/64) = {mp.nstr(t ** 11 / 11 / mp.atan(t), 5)}")
his, los = [], []
for j in range(0, 33):
    hi, lo = dd(mp.atan(mp.mpf(j) / 32))
    his.append(repr(hi))
    los.append(repr(lo))
print("private static ReadOnlySpan<double> AtanTableHi => [" + ", ".join(his) + "];")
print("private static ReadOnlySpan<double> AtanTableLo => [" + ", ".join(los) + "];")
