#!/usr/bin/python3
"""Golden vectors for Assay.Ledger canonical encodings, state keys, the sparse Merkle state tree, the transaction
payload digest and the block header hash (docs/ledger.md), written independently of the C# code from the layouts.

Uses only Python 3 hashlib/struct and `cryptography` (38.0.4 on this machine, over OpenSSL 3.0) to derive the P-256
public key of a fixed scalar. Deterministic. Rerun with:  /usr/bin/python3 generate_ledger_vectors.py
It rewrites ledger_vectors.csv (name,hex) next to this script.
"""
import hashlib
import os
import struct

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives import serialization


def H(tag: str, data: bytes) -> bytes:
    t = tag.encode()
    return hashlib.sha256(bytes([len(t)]) + t + data).digest()


def u8(v): return struct.pack('<B', v)
def u16(v): return struct.pack('<H', v)
def u32(v): return struct.pack('<I', v)
def u64(v): return struct.pack('<Q', v)
def i64(v): return struct.pack('<q', v)
def bstr(b): return u32(len(b)) + b
def sstr(s): return bstr(s.encode())


def pubkey(scalar: bytes) -> bytes:
    key = ec.derive_private_key(int.from_bytes(scalar, 'big'), ec.SECP256R1())
    return key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint)


def address(pk: bytes) -> bytes:
    return H("assay/address/v1", pk)[:20]


def scalar_of(i: int) -> bytes:
    # TestNet.Key(i): byte 0 = 0x11, byte 30 = i >> 8, byte 31 = i + 1.
    s = bytearray(32)
    s[0] = 0x11
    s[30] = (i >> 8) & 0xff
    s[31] = (i + 1) & 0xff
    return bytes(s)


rows = []
pk0 = pubkey(scalar_of(0))
pk1 = pubkey(scalar_of(1))
a0, a1 = address(pk0), address(pk1)
rows += [("pubkey_0", pk0), ("address_0", a0), ("address_1", a1)]

# State keys: DomainHash("assay/ledger-state-key/v1", u8 namespace || key).
rows.append(("state_key_account_0", H("assay/ledger-state-key/v1", u8(1) + a0)))
rows.append(("state_key_parameters", H("assay/ledger-state-key/v1", u8(5))))

# Account (tag 0x0310, v1): nonce 7, key of account 0, balances ASY 1000, USD 5 (ordinal order).
account_body = u64(7) + u8(1) + bstr(pk0) + u32(2) + sstr("ASY") + u64(1000) + sstr("USD") + u64(5)
account = u16(0x0310) + u8(1) + account_body
rows += [("account_encoding", account), ("account_hash", H("assay/ledger-account/v1", account))]


# Sparse Merkle tree: empty = zero; one leaf = H(leaf, k || v); else H(node, left || right). Bits MSB first.
ZERO = bytes(32)


def bit(k, d):
    return (k[d >> 3] >> (7 - (d & 7))) & 1


def smt(pairs, depth=0):
    if not pairs:
        return ZERO
    if len(pairs) == 1:
        k, v = pairs[0]
        return H("assay/ledger-smt-leaf/v1", k + v)
    left = [p for p in pairs if bit(p[0], depth) == 0]
    right = [p for p in pairs if bit(p[0], depth) == 1]
    return H("assay/ledger-smt-node/v1", smt(left, depth + 1) + smt(right, depth + 1))


def smt_path(pairs, key, depth=0):
    if len(pairs) <= 1:
        return []
    left = [p for p in pairs if bit(p[0], depth) == 0]
    right = [p for p in pairs if bit(p[0], depth) == 1]
    if bit(key, depth) == 0:
        return [smt(right, depth + 1)] + smt_path(left, key, depth + 1)
    return [smt(left, depth + 1)] + smt_path(right, key, depth + 1)


pairs = [(H("assay/test/v1", bytes([i])), H("assay/test-value/v1", bytes([i]))) for i in range(40)]
for n in (0, 1, 2, 3, 5, 40):
    rows.append((f"smt_root_{n}", smt(pairs[:n])))
rows.append(("smt_path_40_key_7", b"".join(smt_path(pairs, pairs[7][0]))))

# Transfer payload: pubkey string || u64 nonce || u8 kind 1 || to (20-byte string) || asset || u64 amount.
payload = bstr(pk0) + u64(3) + u8(1) + bstr(a1) + sstr("ASY") + u64(12345)
rows.append(("transfer_payload_digest", H("assay/ledger-tx-payload/v1", payload)))
signature = bytes([1]) * 32 + bytes([2]) * 32  # canonical: r, s in range and s low.
tx = u16(0x0301) + u8(1) + payload + bstr(signature)
rows += [("transfer_tx_encoding", tx), ("transfer_tx_hash", H("assay/ledger-tx/v1", tx))]

# Block header (tag 0x0302, v1).
def header(beacon):
    return (u16(0x0302) + u8(1) + u64(5) + H("assay/test/v1", b"parent") + i64(1_790_000_005_000)
            + H("assay/test/v1", b"tx") + H("assay/test/v1", b"out") + H("assay/test/v1", b"state") + beacon + u32(17))

pre = H("assay/ledger-block-prehash/v1", header(ZERO))
parent_beacon = H("assay/test/v1", b"beacon")
beacon = H("assay/ledger-beacon/v1", parent_beacon + pre)
rows += [("header_prehash", pre), ("header_beacon", beacon), ("header_hash", H("assay/ledger-block/v1", header(beacon)))]

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ledger_vectors.csv"), "w") as f:
    f.write("name,hex\n")
    for name, value in rows:
        f.write(f"{name},{value.hex()}\n")
print(f"{len(rows)} rows")
