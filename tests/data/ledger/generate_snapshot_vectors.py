#!/usr/bin/python3
"""Golden vector for the ledger snapshot (docs/ledger-storage.md): the genesis snapshot of a two-account genesis,
written independently of the C# code from the documented layouts (docs/ledger.md state records, block header,
sparse Merkle tree; docs/ledger-storage.md snapshot format 1).

Genesis: timestamp 1 790 000 000 000 ms, default parameters, no nodes; TestNet key 0 holds ASY 1000, key 1 holds
ASY 5 and USD 7. Uses only Python 3 hashlib/struct plus `cryptography` (38.0.4 here, over OpenSSL 3.0) to derive
the P-256 public keys whose addresses key the accounts. Deterministic.
Rerun with:  /usr/bin/python3 generate_snapshot_vectors.py   (rewrites snapshot_vectors.csv: name,hex)
"""
import hashlib
import os
import struct

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives import serialization


def H(tag, data):
    t = tag.encode()
    return hashlib.sha256(bytes([len(t)]) + t + data).digest()


def u8(v): return struct.pack('<B', v)
def u16(v): return struct.pack('<H', v)
def u32(v): return struct.pack('<I', v)
def u64(v): return struct.pack('<Q', v)
def i64(v): return struct.pack('<q', v)
def i128(v): return v.to_bytes(16, 'little', signed=True)
def bstr(b): return u32(len(b)) + b
def sstr(s): return bstr(s.encode())


def address_of(i):
    s = bytearray(32)
    s[0] = 0x11
    s[30] = (i >> 8) & 0xff
    s[31] = (i + 1) & 0xff
    key = ec.derive_private_key(int.from_bytes(bytes(s), 'big'), ec.SECP256R1())
    pk = key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint)
    return H("assay/address/v1", pk)[:20]


ZERO = bytes(32)
TIME = 1_790_000_000_000


def bit(k, d):
    return (k[d >> 3] >> (7 - (d & 7))) & 1


def smt(pairs, depth=0):
    if not pairs:
        return ZERO
    if len(pairs) == 1:
        return H("assay/ledger-smt-leaf/v1", pairs[0][0] + pairs[0][1])
    left = [p for p in pairs if bit(p[0], depth) == 0]
    right = [p for p in pairs if bit(p[0], depth) == 1]
    return H("assay/ledger-smt-node/v1", smt(left, depth + 1) + smt(right, depth + 1))


def account(balances):  # no key yet, nonce 0, balances in ordinal order
    body = u64(0) + u8(0) + u32(len(balances)) + b"".join(sstr(a) + u64(v) for a, v in sorted(balances.items()))
    return u16(0x0310) + u8(1) + body


# ProtocolParameters defaults (docs/ledger.md): native ASY, min stake 10^6, windows 5/5/3, unbonding 20, bps 2000/100/500/5000/9000,
# reputation 5000 +100 -1000, jail 3, max replication 16, max replacements 16, min fee 1, beacon delay 2^20 squarings
# (format 2 added the beacon delay).
params = (u16(0x0313) + u8(2) + sstr("ASY") + u64(1_000_000) + u64(5) + u64(5) + u64(3) + u64(20)
          + u32(2000) + u32(100) + u32(500) + u32(5000) + u32(9000) + u32(5000) + u32(100) + u32(1000) + u32(3) + u32(16) + u32(16) + u64(1) + u64(1 << 20))
chain = (u16(0x0314) + u8(1) + u64(0) + i64(TIME) + ZERO + ZERO + u64(0) + u64(0) + u64(0)
         + u32(2) + sstr("ASY") + i128(1005) + sstr("USD") + i128(7))

a0, a1 = address_of(0), address_of(1)
records = [(1, a0, account({"ASY": 1000})), (1, a1, account({"ASY": 5, "USD": 7})), (5, b"", params), (6, b"", chain)]
records.sort(key=lambda r: (r[0], r[1]))
hash_tags = {1: "assay/ledger-account/v1", 5: "assay/ledger-parameters/v2", 6: "assay/ledger-chain/v1"}
leaves = [(H("assay/ledger-state-key/v1", u8(ns) + key), H(hash_tags[ns], value)) for ns, key, value in records]
state_root = smt(leaves)

empty = H("assay/merkle-empty/v1", b"")


def header(beacon):
    return u16(0x0302) + u8(1) + u64(0) + ZERO + i64(TIME) + empty + empty + state_root + beacon + u32(0)


beacon = H("assay/ledger-beacon/v1", ZERO + H("assay/ledger-block-prehash/v1", header(ZERO)))
genesis = header(beacon)
snapshot = u16(0x0308) + u8(1) + genesis + genesis + u32(len(records)) + b"".join(u8(ns) + bstr(k) + bstr(v) for ns, k, v in records)

rows = [("state_root", state_root), ("genesis_hash", H("assay/ledger-block/v1", genesis)),
        ("snapshot_sha256", hashlib.sha256(snapshot).digest()), ("snapshot", snapshot)]
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "snapshot_vectors.csv"), "w") as f:
    f.write("name,hex\n")
    for name, value in rows:
        f.write(f"{name},{value.hex()}\n")
print(f"{len(rows)} rows, snapshot {len(snapshot)} bytes")
