#!/usr/bin/python3
"""Golden vectors for the dispute encodings of Assay.Ledger (docs/ledger.md, "Disputes"), written independently of the
C# code from the documented layouts: the dispute id, Merkle-sum leaf/node hashes of a 3-leaf, 2-lane tree, the
Challenge (kind 16) and BisectionStep (kind 17) payload digests, and a DisputeRecord (tag 0x0330) encoding and hash.

Uses only Python 3 hashlib/struct and `cryptography` (38.0.4 on this machine) for the P-256 public keys of the fixed
test scalars. Deterministic. Rerun with:  /usr/bin/python3 generate_dispute_vectors.py
It rewrites dispute_vectors.csv (name,hex) next to this script.
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
def i128(v): return (v & ((1 << 128) - 1)).to_bytes(16, 'little')
def bstr(b): return u32(len(b)) + b


def pubkey(i: int) -> bytes:
    # TestNet.Key(i): scalar byte 0 = 0x11, byte 30 = i >> 8, byte 31 = i + 1 (big-endian scalar).
    s = bytearray(32)
    s[0], s[30], s[31] = 0x11, (i >> 8) & 0xff, (i + 1) & 0xff
    key = ec.derive_private_key(int.from_bytes(bytes(s), 'big'), ec.SECP256R1())
    return key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint)


def address(pk: bytes) -> bytes:
    return H("assay/address/v1", pk)[:20]


# Lane sums: u64 count || lanes as i128 LE (inside hashes); in ledger records: u64 count || u32 n || n x i128.
def sums_hashed(count, lanes): return u64(count) + b"".join(i128(x) for x in lanes)
def sums_record(count, lanes): return u64(count) + u32(len(lanes)) + b"".join(i128(x) for x in lanes)


def leaf_hash(index, payload, count, lanes):
    return H("assay/merkle-sum-leaf/v1", u64(index) + payload + sums_hashed(count, lanes))


def node_hash(lh, lc, ll, rh, rc, rl):
    return H("assay/merkle-sum-node/v1", lh + sums_hashed(lc, ll) + rh + sums_hashed(rc, rl))


def add(a, b): return [x + y for x, y in zip(a, b)]


rows = []
pk1 = pubkey(1)
a1 = address(pk1)
task = H("assay/test/v1", b"task")
rows.append(("dispute_id", H("assay/ledger-dispute-id/v1", task + a1 + u64(5))))

# A 3-leaf tree (RFC 9162 shape: left = leaves 0-1, right = leaf 2), 2 lanes, one negative.
leaves = [(H("assay/test/v1", bytes([i])), 1 + i, [1000 * (i + 1), -(i + 7)]) for i in range(3)]
lh = [leaf_hash(i, p, c, l) for i, (p, c, l) in enumerate(leaves)]
left_count, left_lanes = leaves[0][1] + leaves[1][1], add(leaves[0][2], leaves[1][2])
left = node_hash(lh[0], leaves[0][1], leaves[0][2], lh[1], leaves[1][1], leaves[1][2])
root_count, root_lanes = left_count + leaves[2][1], add(left_lanes, leaves[2][2])
root = node_hash(left, left_count, left_lanes, lh[2], leaves[2][1], leaves[2][2])
rows += [("leaf_hash_2", lh[2]), ("node_hash_left", left), ("root_hash", root)]

# Challenge (kind 16): task id || u64 bond || agreed root || claimed root; root = hash || u64 leaf count || sums.
claimed_hash = H("assay/test/v1", b"claimed")
claimed_lanes = [6001, -24]
challenge_body = (task + u64(1500) + root + u64(3) + sums_record(root_count, root_lanes)
                  + claimed_hash + u64(3) + sums_record(root_count, claimed_lanes))
challenge_payload = bstr(pk1) + u64(4) + u8(16) + challenge_body
rows.append(("challenge_payload_digest", H("assay/ledger-tx-payload/v1", challenge_payload)))

# BisectionStep (kind 17): dispute id || u64 step || left node || right node; node = hash || sums.
dispute_id = rows[0][1]
step_body = (dispute_id + u64(0) + left + sums_record(left_count, left_lanes)
             + lh[2] + sums_record(leaves[2][1], leaves[2][2]))
step_payload = bstr(pk1) + u64(5) + u8(17) + step_body
rows.append(("step_payload_digest", H("assay/ledger-tx-payload/v1", step_payload)))

# DisputeRecord (tag 0x0330, v1), open, challenger to move, with the defender's children stored.
record = (u16(0x0330) + u8(1) + dispute_id + task + bstr(a1) + u64(1500) + u64(5) + u8(1) + u8(0) + u8(2)
          + u64(0) + u64(9) + u64(0) + u64(3)
          + root + sums_record(root_count, root_lanes) + claimed_hash + sums_record(root_count, claimed_lanes)
          + u8(1) + left + sums_record(left_count, left_lanes) + lh[2] + sums_record(leaves[2][1], leaves[2][2]))
rows += [("dispute_record_encoding", record), ("dispute_record_hash", H("assay/ledger-dispute/v1", record))]
rows.append(("state_key_dispute", H("assay/ledger-state-key/v1", u8(7) + dispute_id)))

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "dispute_vectors.csv"), "w") as f:
    f.write("name,hex\n")
    for name, value in rows:
        f.write(f"{name},{value.hex()}\n")
print(f"{len(rows)} rows")
