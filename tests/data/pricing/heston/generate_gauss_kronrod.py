#!/usr/bin/python3
"""Nodes and weights of the 21-point Gauss-Kronrod rule (10-point Gauss-Legendre plus 11 Kronrod nodes) on [-1, 1].

Used by src/Assay.Pricing/Engines/Fourier/GaussKronrod21.cs. Computed with mpmath 1.2.1 at 60 digits from the
definitions (Kronrod, 1965; Laurie, "Calculation of Gauss-Kronrod quadrature rules", Math. Comp. 66, 1997):
  * Gauss nodes: roots of the Legendre polynomial P_10 (Newton), weights 2/((1-x^2) P_10'(x)^2);
  * Kronrod nodes: roots of the Stieltjes polynomial E_11, the monic polynomial of degree 11 orthogonal to
    P_10(x) x^k for k = 0..10 (solved as a linear system for its coefficients);
  * Kronrod weights: the unique weights that integrate P_0..P_20 exactly on all 21 nodes.
Checks that the rule integrates x^30 exactly (degree 3n+1 = 31) and prints C# literals (repr round-trips).
Rerun: /usr/bin/python3 tests/data/pricing/heston/generate_gauss_kronrod.py
"""
import mpmath as mp

mp.mp.dps = 60
n = 10


def legendre(x):
    return mp.legendre(n, x)


gauss = [mp.findroot(legendre, mp.cos(mp.pi * (i + 0.75) / (n + 0.5)), solver="newton",
                     df=lambda x: mp.diff(legendre, x)) for i in range(n)]
gauss_w = [2 / ((1 - x * x) * mp.diff(legendre, x) ** 2) for x in gauss]

m = n + 1
M = mp.matrix(m, m)
rhs = mp.matrix(m, 1)
for k in range(m):
    for j in range(m):
        M[k, j] = mp.quad(lambda x: legendre(x) * x ** (k + j), [-1, 1])
    rhs[k] = -mp.quad(lambda x: legendre(x) * x ** (k + m), [-1, 1])
c = mp.lu_solve(M, rhs)
stieltjes = [mp.mpf(1)] + [c[j] for j in range(m - 1, -1, -1)]
kronrod = [mp.re(x) for x in mp.polyroots(stieltjes, maxsteps=200, extraprec=200)]
nodes = sorted(kronrod + gauss)
V = mp.matrix(len(nodes), len(nodes))
mom = mp.matrix(len(nodes), 1)
for i in range(len(nodes)):
    for j, x in enumerate(nodes):
        V[i, j] = mp.legendre(i, x)
    mom[i] = 2 if i == 0 else 0
kw = mp.lu_solve(V, mom)
for deg in (30, 31):
    s = sum(kw[i] * x ** deg for i, x in enumerate(nodes))
    exact = mp.mpf(2) / (deg + 1) if deg % 2 == 0 else 0
    assert abs(s - exact) < mp.mpf(10) ** -40, (deg, s - exact)
assert abs(sum(gauss_w) - 2) < mp.mpf(10) ** -40

# Non-negative half, descending, as QUADPACK lays it out: odd positions are the Gauss nodes.
half = [(x, kw[i]) for i, x in enumerate(nodes) if x >= -mp.mpf(10) ** -50][::-1]
gauss_half = sorted([(x, w) for x, w in zip(gauss, gauss_w) if x > 0], reverse=True)
for i, (x, _) in enumerate(half):
    is_gauss = any(abs(x - g) < mp.mpf(10) ** -40 for g, _ in gauss_half)
    assert is_gauss == (i % 2 == 1), i
print("private static ReadOnlySpan<double> Nodes => [" + ", ".join(repr(float(x)) for x, _ in half) + "];")
print("private static ReadOnlySpan<double> KronrodWeights => [" + ", ".join(repr(float(w)) for _, w in half) + "];")
print("private static ReadOnlySpan<double> GaussWeights => [" + ", ".join(repr(float(w)) for _, w in gauss_half) + "];")
