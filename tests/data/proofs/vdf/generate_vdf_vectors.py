#!/usr/bin/python3
"""Golden vectors for the Assay.Proofs Wesolowski VDF and its Baillie-PSW prime test.

Computed independently of the C# code with Python 3.11 integers and hashlib; primality of the challenge prime
(and compositeness of every candidate before it) is decided by mpmath 1.2.1 `mpmath.libmp.isprime` and confirmed
by the OpenSSL 3.0 CLI (`openssl prime`). Definitions (see docs/proofs-keys-and-vdf.md):
  H(tag, data)   = SHA-256(len(tag) || tag || data)
  x              = canon(int_le(H("assay/vdf-input/v1", seed || u32le(a) || u32le(i)) for i < m) mod N), a = 0
                   with m = ceil((w + 32) / 32), w = element bytes, canon(v) = min(v, N - v)
  l              = first c_j = int_le(H("assay/vdf-prime/v1", u64le(T) || x_w || y_w || u32le(j))) | 2^255 | 1 that is prime
  y              = canon(x^(2^T) mod N), pi = canon(x^floor(2^T / l) mod N)
  encoding       = 0x01 || seed || u64le(T) || y_w || pi_w   (integers little-endian, w bytes)
Moduli: RSA-2048 (RSA Laboratories factoring challenge) and a 64-bit semiprime with known factors, where y is also
checked by the group-order shortcut x^(2^T mod lambda(N)).
Rerun from the repository root with:
    /usr/bin/python3 tests/data/proofs/vdf/generate_vdf_vectors.py
It rewrites vdf_vectors.csv and primality_vectors.csv next to this script (deterministic output).
"""
import hashlib
import math
import os
import subprocess

import mpmath.libmp

HERE = os.path.dirname(os.path.abspath(__file__))
RSA2048 = int(
    "25195908475657893494027183240048398571429282126204032027777137836043662020707595556264018525880784406918290641249515082189298559149176184502808489120072"
    "84499268739280728777673597141834727026189637501497182469116507761337985909570009733045974880842840179742910064245869181719511874612151517265463228221686"
    "99875491824224336372590851418654620435767984233871847744479207399342365848238242811981638150106748104516603773060562016196762561338441436038339044149526"
    "34432190114657544454178424020924616515723350778707749817125772467962926386356373289912154831438167899885040445364023527381951378636564391212010397122822120720357")
assert RSA2048.bit_length() == 2048 and len(str(RSA2048)) == 617 and sum(map(int, str(RSA2048))) == 2738


def openssl_prime(n: int) -> bool:
    out = subprocess.run(["openssl", "prime", str(n)], capture_output=True, text=True, check=True).stdout
    return out.strip().endswith("is prime")


def is_prime(n: int, confirm: bool) -> bool:
    p = bool(mpmath.libmp.isprime(n))
    if confirm:
        assert p == openssl_prime(n), n
    return p


# The 64-bit semiprime: the first primes after 2^32 and after 2^32 + 2^20.
def next_prime(n: int) -> int:
    n += 1
    while not is_prime(n, True):
        n += 1
    return n


P_SMALL = next_prime(2 ** 32)
Q_SMALL = next_prime(2 ** 32 + 2 ** 20)
SMALL = P_SMALL * Q_SMALL
LAMBDA_SMALL = (P_SMALL - 1) * (Q_SMALL - 1) // math.gcd(P_SMALL - 1, Q_SMALL - 1)


def domain_hash(tag: str, data: bytes) -> bytes:
    t = tag.encode("utf-8")
    return hashlib.sha256(bytes([len(t)]) + t + data).digest()


def width(n: int) -> int:
    return (n.bit_length() + 7) // 8


def canon(v: int, n: int) -> int:
    return min(v, n - v)


def hash_to_group(seed: bytes, n: int) -> int:
    m = (width(n) + 32 + 31) // 32
    for attempt in range(16):
        data = b"".join(domain_hash("assay/vdf-input/v1", seed + attempt.to_bytes(4, "little") + i.to_bytes(4, "little")) for i in range(m))
        x = canon(int.from_bytes(data, "little") % n, n)
        if x > 1 and math.gcd(x, n) == 1:
            return x
    raise ValueError("no unit")


def hprime(t: int, x: int, y: int, n: int) -> int:
    w = width(n)
    base = t.to_bytes(8, "little") + x.to_bytes(w, "little") + y.to_bytes(w, "little")
    for j in range(1 << 16):
        c = int.from_bytes(domain_hash("assay/vdf-prime/v1", base + j.to_bytes(4, "little")), "little") | (1 << 255) | 1
        if is_prime(c, confirm=True):
            return c
    raise ValueError("no prime")


rows = []
cases = [("rsa2048", RSA2048, [1, 2, 255, 256, 257, 1000, 4096, 20000]), ("small64", SMALL, [1, 7, 300, 5000, 100000])]
for name, n, delays in cases:
    for k, t in enumerate(delays):
        seed = domain_hash("assay/test/v1", f"vdf golden {name} {k}".encode())
        x = hash_to_group(seed, n)
        y = canon(pow(x, 2 ** t, n), n)
        if n == SMALL:
            assert y == canon(pow(x, pow(2, t, LAMBDA_SMALL), n), n)
        ell = hprime(t, x, y, n)
        pi = canon(pow(x, 2 ** t // ell, n), n)
        r = pow(2, t, ell)
        assert canon(pow(pi, ell, n) * pow(x, r, n) % n, n) == y
        w = width(n)
        encoding = b"\x01" + seed + t.to_bytes(8, "little") + y.to_bytes(w, "little") + pi.to_bytes(w, "little")
        rows.append((name, seed.hex(), t, x, ell, y, pi, encoding.hex()))

with open(os.path.join(HERE, "vdf_vectors.csv"), "w") as f:
    f.write(f"# small64 = {P_SMALL} * {Q_SMALL}\n")
    f.write("modulus,seed,delay,x,ell,y,pi,encoding\n")
    for row in rows:
        f.write(",".join(str(v) for v in row) + "\n")

# 256-bit odd candidates with the top bit set (as the challenge prime derivation draws them), labelled by mpmath and OpenSSL.
with open(os.path.join(HERE, "primality_vectors.csv"), "w") as f:
    f.write("n,is_prime\n")
    primes = composites = 0
    j = 0
    while primes < 40 or composites < 40:
        c = int.from_bytes(hashlib.sha256(f"primality candidate {j}".encode()).digest(), "little") | (1 << 255) | 1
        j += 1
        p = is_prime(c, confirm=True)
        if (p and primes < 40) or (not p and composites < 40 and c % 3 and c % 5 and c % 7):
            f.write(f"{c},{int(p)}\n")
            primes += p
            composites += not p
    # Products of two 128-bit primes survive trial division and must be caught by the strong tests.
    a, b = next_prime(2 ** 127), next_prime(2 ** 128 + 2 ** 64)
    for v in (a, b, a * b, (2 ** 127 - 1), (2 ** 127 - 1) ** 2, 2 ** 255 - 19, 2 ** 256 - 189, 2 ** 256 - 187):
        f.write(f"{v},{int(is_prime(v, confirm=True))}\n")
print("wrote", len(rows), "VDF vectors; small modulus", P_SMALL, "*", Q_SMALL)
