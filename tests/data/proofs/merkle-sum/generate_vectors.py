#!/usr/bin/python3
"""Golden vectors for Assay.Proofs Merkle-sum trees and spot checks, computed independently of the C# code.

What: leaf and node preimages and hashes, roots (hash, encoding, digest) of trees of 1, 5 and 7 leaves built by the
recursive RFC 6962 / RFC 9162 split (the C# code builds bottom-up), openings by the RFC's PATH definition, and a
spot-check challenge (key, Floyd uniform sample, mass targets resolved by a linear scan of cumulative sums) with the
encoded proof; spot-check policies (k_u by exact binomial ratios, k_m by exact rationals) and hypergeometric
detections. Byte layouts are those documented in docs/proofs-merkle-sum-and-spot-checks.md.
With: Python 3 standard library only (hashlib.sha256).
Rerun: /usr/bin/python3 tests/data/proofs/merkle-sum/generate_vectors.py   (writes leaves.csv and vectors.csv beside it)
"""
import csv
import hashlib
import math
import os
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
LANES = 3                      # payoff (signed, Fine), payoff_squared (non-negative, Medium), delta (signed, Coarse)
MASS_LANE = 1
POLICY_CASES = [(100000, 0.99, 0.01, 1.0), (1000, 0.99, 0.01, 1.0), (50, 0.9, 0.1, 1.0), (1000000, 0.999, 0.001, 2.0),
                (20, 0.99, 0.5, 1.0), (7, 0.95, 0.2, 1.0)]
HYPER_CASES = [(200, 6, 20), (100000, 1000, 458), (10, 3, 8), (1000, 1, 1), (1000, 10, 0)]


def dh(tag: str, data: bytes) -> bytes:
    t = tag.encode("ascii")
    return hashlib.sha256(bytes([len(t)]) + t + data).digest()


def u8(v): return bytes([v])
def u32(v): return v.to_bytes(4, "little")
def u64(v): return v.to_bytes(8, "little")
def i128(v): return (v & ((1 << 128) - 1)).to_bytes(16, "little")


def sums_bytes(s):
    count, lanes = s
    return u64(count) + b"".join(i128(v) for v in lanes)


def add(a, b):
    return (a[0] + b[0], [x + y for x, y in zip(a[1], b[1])])


def leaf_preimage(index, leaf):
    payload, s = leaf
    return u64(index) + payload + sums_bytes(s)


def leaf_hash(index, leaf):
    return dh("assay/merkle-sum-leaf/v1", leaf_preimage(index, leaf))


def node_preimage(left, right):
    return left[0] + sums_bytes(left[1]) + right[0] + sums_bytes(right[1])


def node_hash(left, right):
    return dh("assay/merkle-sum-node/v1", node_preimage(left, right))


def split(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(leaves, start=0):
    """(hash, sums) of the tree over leaves, whose first leaf has index start."""
    if len(leaves) == 1:
        return (leaf_hash(start, leaves[0]), leaves[0][1])
    k = split(len(leaves))
    left = mth(leaves[:k], start)
    right = mth(leaves[k:], start + k)
    return (node_hash(left, right), add(left[1], right[1]))


def path(m, leaves, start=0):
    """RFC 6962 PATH(m, D[n]): siblings bottom-up, each (hash, sums)."""
    if len(leaves) == 1:
        return []
    k = split(len(leaves))
    if m < k:
        return path(m, leaves[:k], start) + [mth(leaves[k:], start + k)]
    return path(m - k, leaves[k:], start + k) + [mth(leaves[:k], start)]


def root_encoding(leaves):
    h, s = mth(leaves)
    return u8(1) + u8(LANES) + u64(len(leaves)) + h + sums_bytes(s)


def opening_body(m, leaves):
    payload, s = leaves[m]
    sib = path(m, leaves)
    return u64(m) + payload + sums_bytes(s) + u8(len(sib)) + b"".join(h + sums_bytes(x) for h, x in sib)


def opening_encoding(m, leaves):
    return u8(1) + u8(LANES) + u64(len(leaves)) + opening_body(m, leaves)


class Draws:
    def __init__(self, key, stream):
        self.key, self.stream, self.counter = key, stream, 0

    def block(self):
        b = dh("assay/spot-check-draw/v1", self.key + u8(self.stream) + u64(self.counter))
        self.counter += 1
        return b

    def below(self, bound, width):
        limit = (1 << (8 * width)) - ((1 << (8 * width)) % bound)   # accept x < limit
        while True:
            x = int.from_bytes(self.block()[:width], "little")
            if x < limit:
                return x % bound


def challenge(leaves, seed, k_uniform, k_mass):
    n = len(leaves)
    digest = dh("assay/merkle-sum-root/v1", root_encoding(leaves))
    key = dh("assay/spot-check-challenge/v1", digest + seed)
    uni = Draws(key, 0)
    chosen = set()
    k = min(k_uniform, n)
    for j in range(n - k, n):
        t = uni.below(j + 1, 8)
        chosen.add(j if t in chosen else t)
    total = mth(leaves)[1][1][MASS_LANE]
    mass = Draws(key, 1)
    targets = [mass.below(total, 16) for _ in range(k_mass)] if total > 0 else []
    hits = []
    for t in targets:
        acc = 0
        for i, (_, s) in enumerate(leaves):
            if acc <= t < acc + s[1][MASS_LANE]:
                hits.append(i)
                break
            acc += s[1][MASS_LANE]
    return digest, key, sorted(chosen), targets, hits


def make_leaves(n):
    leaves = []
    for i in range(n):
        payload = hashlib.sha256(b"assay golden payload %d" % i).digest()
        count = 1000 + 17 * i
        payoff = (-1) ** i * (i + 1) * (1 << 90) + i            # signed, exercises two's complement
        squared = 0 if i == 3 else (i + 1) ** 2 * (1 << 95) + 12345  # leaf 3 carries no mass
        delta = -(i * 3 ** 40)
        leaves.append((payload, (count, [payoff, squared, delta])))
    return leaves


def main():
    leaves = make_leaves(7)
    rows = []
    with open(os.path.join(HERE, "leaves.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["index", "payload_hex", "count", "payoff", "payoff_squared", "delta"])
        for i, (p, (c, l)) in enumerate(leaves):
            w.writerow([i, p.hex(), c] + l)
    for i, leaf in enumerate(leaves):
        rows.append((f"leaf_preimage_{i}", leaf_preimage(i, leaf).hex()))
        rows.append((f"leaf_hash_{i}", leaf_hash(i, leaf).hex()))
    l0 = (leaf_hash(0, leaves[0]), leaves[0][1])
    l1 = (leaf_hash(1, leaves[1]), leaves[1][1])
    rows.append(("node_preimage_0_1", node_preimage(l0, l1).hex()))
    rows.append(("node_hash_0_1", node_hash(l0, l1).hex()))
    for n in (1, 5, 7):
        h, s = mth(leaves[:n])
        rows.append((f"root_hash_{n}", h.hex()))
        rows.append((f"root_sums_{n}", sums_bytes(s).hex()))
        rows.append((f"root_encoding_{n}", root_encoding(leaves[:n]).hex()))
        rows.append((f"root_digest_{n}", dh("assay/merkle-sum-root/v1", root_encoding(leaves[:n])).hex()))
    for m in (0, 4, 6):
        rows.append((f"opening_7_{m}", opening_encoding(m, leaves).hex()))
    seed = bytes(range(32))
    k_uniform, k_mass = 3, 4
    digest, key, uniform, targets, hits = challenge(leaves, seed, k_uniform, k_mass)
    rows.append(("challenge_seed", seed.hex()))
    rows.append(("challenge_policy", f"{k_uniform} {k_mass} {MASS_LANE}"))
    rows.append(("challenge_key", key.hex()))
    rows.append(("challenge_draw_0_0", dh("assay/spot-check-draw/v1", key + u8(0) + u64(0)).hex()))
    rows.append(("challenge_uniform", " ".join(map(str, uniform))))
    rows.append(("challenge_mass_targets", " ".join(map(str, targets))))
    rows.append(("challenge_mass_leaves", " ".join(map(str, hits))))
    opened = sorted(set(uniform) | set(hits))
    proof = u8(1) + u8(LANES) + u64(len(leaves)) + u32(len(opened)) + b"".join(opening_body(m, leaves) for m in opened)
    rows.append(("proof_encoding", proof.hex()))
    # Policies: smallest k_u with C(n-m,k)/C(n,k) <= 1-target (m = ceil((eps/rho)*n)), exact integers; smallest k_m with
    # (1+eps)^-k <= 1-target, exact rationals of the binary doubles.
    for n, target, eps, rho in POLICY_CASES:
        m = min(n, math.ceil((eps / rho) * n))  # in IEEE doubles, as the C# code evaluates it
        miss_limit = 1 - Fraction(target)
        ku, num, den = 0, 1, 1
        while Fraction(num, den) > miss_limit:
            num *= n - m - ku
            den *= n - ku
            ku += 1
        km, power = 0, Fraction(1)
        while 1 / power > miss_limit:
            power *= 1 + Fraction(eps)
            km += 1
        rows.append((f"policy {n} {target!r} {eps!r} {rho!r}", f"{ku} {km}"))
    for n, m, k in HYPER_CASES:
        rows.append((f"hypergeometric {n} {m} {k}", repr(1 - math.comb(n - m, k) / math.comb(n, k))))
    with open(os.path.join(HERE, "vectors.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "value"])
        w.writerows(rows)


if __name__ == "__main__":
    main()
