#!/usr/bin/python3
"""Golden Merkle roots, audit paths and consistency proofs for Assay.Proofs.Merkle (docs/proofs-encoding-and-merkle.md).

A reference implementation written from the definitions in RFC 6962 §2.1 (MTH), §2.1.1 (PATH) and §2.1.2 (PROOF /
SUBPROOF), recursive exactly as the RFC states them, with two hashing schemes:
  rfc6962: leaf = SHA-256(0x00 || d), node = SHA-256(0x01 || l || r), empty = SHA-256("")
  assay:   leaf = H("assay/merkle-leaf/v1", d), node = H("assay/merkle-node/v1", l || r),
           empty = H("assay/merkle-empty/v1", ""), where H(tag, x) = SHA-256(len(tag) || tag || x).
Before writing anything it checks the rfc6962 scheme against the Certificate Transparency test vectors published in
transparency-dev/merkle (testonly/constants.go at 582a6ad190b6848f1d26f8bf08ddef29955d9db1 and proof/verify_test.go
at 02194e9afb6c1d95b5381350007963aa70fff472), transcribed below, and writes those to rfc6962_published.csv.

Leaves of the generated trees: leaf i holds the 8 bytes of i as a little-endian u64. Uses only the Python 3
standard library. Rerun from the repository root:
    /usr/bin/python3 tests/data/proofs/merkle/generate_merkle_vectors.py
"""
import csv
import hashlib
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def domain_hash(tag, data):
    t = tag.encode('ascii')
    return hashlib.sha256(bytes([len(t)]) + t + data).digest()


SCHEMES = {
    'rfc6962': (lambda d: hashlib.sha256(b'\x00' + d).digest(),
                lambda l, r: hashlib.sha256(b'\x01' + l + r).digest(),
                hashlib.sha256(b'').digest()),
    'assay': (lambda d: domain_hash('assay/merkle-leaf/v1', d),
              lambda l, r: domain_hash('assay/merkle-node/v1', l + r),
              domain_hash('assay/merkle-empty/v1', b'')),
}


def largest_power_of_two_below(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k


class Tree:
    """RFC 6962 definitions over the leaf data D[lo:hi], memoising MTH of each range."""

    def __init__(self, scheme, data):
        self.leaf, self.node, self.empty = SCHEMES[scheme]
        self.data = data
        self.memo = {}

    def mth(self, lo, hi):
        n = hi - lo
        if n == 0:
            return self.empty
        if n == 1:
            return self.leaf(self.data[lo])
        key = (lo, hi)
        if key not in self.memo:
            k = largest_power_of_two_below(n)
            self.memo[key] = self.node(self.mth(lo, lo + k), self.mth(lo + k, hi))
        return self.memo[key]

    def path(self, m, lo, hi):
        """PATH(m, D[lo:hi]) with m relative to lo."""
        n = hi - lo
        if n == 1:
            return []
        k = largest_power_of_two_below(n)
        if m < k:
            return self.path(m, lo, lo + k) + [self.mth(lo + k, hi)]
        return self.path(m - k, lo + k, hi) + [self.mth(lo, lo + k)]

    def proof(self, m, n):
        """PROOF(m, D[0:n]) for 0 < m < n; empty for m = 0 or m = n (Assay's convention, see the doc)."""
        if m == 0 or m == n:
            return []
        return self.subproof(m, 0, n, True)

    def subproof(self, m, lo, hi, b):
        n = hi - lo
        if m == n:
            return [] if b else [self.mth(lo, hi)]
        k = largest_power_of_two_below(n)
        if m <= k:
            return self.subproof(m, lo, lo + k, b) + [self.mth(lo + k, hi)]
        return self.subproof(m - k, lo + k, hi, False) + [self.mth(lo, lo + k)]


# ---- Published Certificate Transparency vectors (transparency-dev/merkle), transcribed as data. ----
CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f']
CT_ROOTS = [  # tree sizes 0..8
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
    '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
    'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
    '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
]
# verify_test.go lists leaf numbers from 1; they are converted to 0-based indices here.
CT_INCLUSION = [
    (0, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
            '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
            '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']),
    (5, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
            'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
            'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']),
    (2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']),
    (1, 5, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
            '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
            'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']),
    (0, 1, []),
]
CT_CONSISTENCY = [
    (1, 1, []),
    (1, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
            '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
            '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']),
    (6, 8, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
            'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
            'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']),
    (2, 5, ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
            'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']),
    (6, 7, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
            'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
            'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']),
]

ct_data = [bytes.fromhex(x) for x in CT_LEAVES]
for size, root in enumerate(CT_ROOTS):
    assert Tree('rfc6962', ct_data[:size]).mth(0, size).hex() == root, ('CT root', size)
for index, size, path in CT_INCLUSION:
    assert [h.hex() for h in Tree('rfc6962', ct_data[:size]).path(index, 0, size)] == path, ('CT path', index, size)
for m, n, path in CT_CONSISTENCY:
    assert [h.hex() for h in Tree('rfc6962', ct_data[:n]).proof(m, n)] == path, ('CT proof', m, n)


def leaf_data(i): return struct.pack('<Q', i)


def joined(hs): return ':'.join(h.hex() for h in hs)


SMALL = range(0, 21)
LARGE = [31, 32, 33, 100, 1000, 1023, 1024, 1025, 4097, 100000]
roots, inclusion, consistency = [], [], []
for scheme in ('assay', 'rfc6962'):
    biggest = Tree(scheme, [leaf_data(i) for i in range(max(LARGE))])
    for n in list(SMALL) + LARGE:
        roots.append((scheme, n, biggest.mth(0, n).hex()))
    for n in SMALL:
        for i in range(n):
            inclusion.append((scheme, n, i, joined(biggest.path(i, 0, n))))
        for m in range(n + 1):
            consistency.append((scheme, m, n, joined(biggest.proof(m, n) if m < n else [])))
    for n in LARGE:
        for i in sorted({0, 1, n // 3, n // 2, n - 2, n - 1}):
            inclusion.append((scheme, n, i, joined(biggest.path(i, 0, n))))
        for m in sorted({1, 2, n // 3, n // 2 + 1, n - 1, n}):
            consistency.append((scheme, m, n, joined(biggest.proof(m, n) if m < n else [])))


def write(name, header, rows, note):
    with open(os.path.join(HERE, name), 'w', newline='') as f:
        f.write('# Generated by generate_merkle_vectors.py (Python %s, hashlib); %s Do not edit.\n'
                % ('.'.join(map(str, sys.version_info[:3])), note))
        w = csv.writer(f, lineterminator='\n')
        w.writerow(header)
        w.writerows(rows)


note = 'Leaf i = u64 little-endian i; paths are hex hashes joined by ":".'
write('roots.csv', ['scheme', 'n', 'root'], roots, note)
write('inclusion.csv', ['scheme', 'n', 'index', 'path'], inclusion, note)
write('consistency.csv', ['scheme', 'm', 'n', 'path'], consistency, note)
published = [('leaf', i, '', x) for i, x in enumerate(CT_LEAVES)]
published += [('root', n, '', r) for n, r in enumerate(CT_ROOTS)]
published += [('inclusion', i, n, ':'.join(p)) for i, n, p in CT_INCLUSION]
published += [('consistency', m, n, ':'.join(p)) for m, n, p in CT_CONSISTENCY]
write('rfc6962_published.csv', ['kind', 'a', 'b', 'hex'], published,
      'Certificate Transparency vectors from transparency-dev/merkle testonly/constants.go (582a6ad) and '
      'proof/verify_test.go (02194e9), leaf numbers made 0-based; checked against the RFC 6962 reference above.')
print('roots %d, inclusion %d, consistency %d, published %d' % (len(roots), len(inclusion), len(consistency), len(published)))
