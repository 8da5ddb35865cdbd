#!/usr/bin/python3
"""Derive the coefficients of the small-t Taylor expansion of the normalised Black function.

Used by src/Assay.Pricing/Volatility/NormalisedBlack.SmallT.cs (region II). Pure Python (fractions), no
third-party library. Rerun: /usr/bin/python3 tests/data/pricing/iv/derive_small_t_coefficients.py

Derivation (our own; the expansion is the one described in Jaeckel, "Let's Be Rational", Wilmott 2016, sec. 3):
with Y(z) = Phi(z)/phi(z) one has b(x, s) = phi0 * exp(-(h^2+t^2)/2) * (Y(h+t) - Y(h-t)), h = x/s, t = s/2,
phi0 = 1/sqrt(2 pi). Y' = 1 + z Y, hence Y^(n+1) = z Y^(n) + n Y^(n-1) (n >= 1) and every derivative is
P_n(z) + Q_n(z) Y. For odd n, Q_n is odd, so with a := 1 + h Y(h) (i.e. Y = (a - 1)/h):
    Y^(n)(h) = alpha_n(h^2) + beta_n(h^2) a,  alpha_n = P_n - Q_n/h,  beta_n = Q_n/h.
Y(h+t) - Y(h-t) = 2 sum_k Y^(2k+1)(h) t^(2k+1)/(2k+1)!, so
    b = phi0 exp(-(h^2+t^2)/2) 2t [a + sum_{k>=1} (alpha_k + beta_k a) w^k/(2k+1)!],  w = t^2.
Prints, for k = 1..6, the coefficients of alpha_k/(2k+1)! and beta_k/(2k+1)! in powers of h^2 (lowest first).
"""
from fractions import Fraction as Fr
from math import factorial


def add(a, b):
    n = max(len(a), len(b))
    return [(a[i] if i < len(a) else 0) + (b[i] if i < len(b) else 0) for i in range(n)]


P = [[Fr(0)], [Fr(1)]]
Q = [[Fr(1)], [Fr(0), Fr(1)]]
for n in range(1, 14):
    P.append(add([Fr(0)] + P[n], [n * c for c in P[n - 1]]))
    Q.append(add([Fr(0)] + Q[n], [n * c for c in Q[n - 1]]))

for k in range(1, 7):
    n = 2 * k + 1
    q_over_h = Q[n][1:]
    alpha = add(P[n], [-c for c in q_over_h])
    beta = q_over_h
    assert all(c == 0 for c in alpha[1::2]) and all(c == 0 for c in beta[1::2])
    f = factorial(n)
    a_even = [c / f for c in alpha[0::2]]
    b_even = [c / f for c in beta[0::2]]
    print(f"k={k} alpha/{n}! in h^2: " + ", ".join(f"{c.numerator}/{c.denominator}" for c in a_even))
    print(f"k={k}  beta/{n}! in h^2: " + ", ".join(f"{c.numerator}/{c.denominator}" for c in b_even))
