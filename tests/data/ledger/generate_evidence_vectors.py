#!/usr/bin/python3
"""Golden vectors for the equivocation-evidence and unjail encodings of Assay.Ledger (docs/ledger.md, "Equivocation
evidence" and "Jailing and unjailing"), written independently of the C# code from the documented layouts: the evidence
id, two signed Commit transactions (fixed signature bytes) and their hashes, the EquivocationEvidence (kind 8) payload
digest, transaction encoding and hash, the Unjail (kind 9) payload digest, the JailRecord (tag 0x0315) and
EvidenceRecord (tag 0x0316) encodings and hashes, and their state keys (namespaces 10 and 11).

Uses only Python 3 hashlib/struct and `cryptography` (38.0.4 on this machine, over OpenSSL 3.0) for the P-256 public
keys of the fixed test scalars (TestNet.Key). Deterministic. Rerun with:  /usr/bin/python3 generate_evidence_vectors.py
It rewrites evidence_vectors.csv (name,hex) next to this script.
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
def bstr(b): return u32(len(b)) + b


def pubkey(i: int) -> bytes:
    # TestNet.Key(i): scalar byte 0 = 0x11, byte 30 = i >> 8, byte 31 = i + 1 (big-endian scalar).
    s = bytearray(32)
    s[0], s[30], s[31] = 0x11, (i >> 8) & 0xff, (i + 1) & 0xff
    key = ec.derive_private_key(int.from_bytes(bytes(s), 'big'), ec.SECP256R1())
    return key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint)


def address(pk: bytes) -> bytes:
    return H("assay/address/v1", pk)[:20]


def signed_tx(pk, nonce, kind, body, signature):
    # SignedTransaction object: u16 tag 0x0301 || u8 format 1 || payload || signature (64-byte string).
    payload = bstr(pk) + u64(nonce) + u8(kind) + body
    return u16(0x0301) + u8(1) + payload + bstr(signature), H("assay/ledger-tx-payload/v1", payload)


rows = []
node_pk, reporter_pk = pubkey(100), pubkey(0)
node = address(node_pk)
reporter = address(reporter_pk)
task = H("assay/test/v1", b"task")
evidence_id = H("assay/ledger-equivocation-id/v1", node + task)
rows.append(("evidence_id", evidence_id))

# Two Commit transactions (kind 6: task id || commitment) by the node at nonce 7, with fixed (canonical, low-S) signatures.
sig_a = bytes([1]) * 32 + bytes([2]) * 32
sig_b = bytes([3]) * 32 + bytes([4]) * 32
tx_a, _ = signed_tx(node_pk, 7, 6, task + H("assay/test/v1", b"c1"), sig_a)
tx_b, _ = signed_tx(node_pk, 7, 6, task + H("assay/test/v1", b"c2"), sig_b)
hash_a, hash_b = H("assay/ledger-tx/v1", tx_a), H("assay/ledger-tx/v1", tx_b)
rows += [("commit_a_tx_hash", hash_a), ("commit_b_tx_hash", hash_b)]

# EquivocationEvidence (kind 8): first signed tx object || second signed tx object; sent by the reporter at nonce 2.
evidence_tx, evidence_digest = signed_tx(reporter_pk, 2, 8, tx_a + tx_b, bytes([5]) * 32 + bytes([6]) * 32)
rows += [("evidence_payload_digest", evidence_digest), ("evidence_tx_encoding", evidence_tx),
         ("evidence_tx_hash", H("assay/ledger-tx/v1", evidence_tx))]

# Unjail (kind 9): no body; sent by the node at nonce 4.
_, unjail_digest = signed_tx(node_pk, 4, 9, b"", bytes(64))
rows.append(("unjail_payload_digest", unjail_digest))

# JailRecord (tag 0x0315, v1): u64 jailed height || u64 unjail height || u32 times jailed.
jail = u16(0x0315) + u8(1) + u64(12) + u64(32) + u32(2)
rows += [("jail_record_encoding", jail), ("jail_record_hash", H("assay/ledger-jail/v1", jail)),
         ("state_key_jail", H("assay/ledger-state-key/v1", u8(10) + node))]

# EvidenceRecord (tag 0x0316, v1): id || node (20-byte string) || task || reporter (20-byte string) || u64 height ||
# u64 slashed || u64 reporter reward || first tx hash || second tx hash.
record = (u16(0x0316) + u8(1) + evidence_id + bstr(node) + task + bstr(reporter) + u64(9) + u64(2_000_000)
          + u64(1_000_000) + hash_a + hash_b)
rows += [("evidence_record_encoding", record), ("evidence_record_hash", H("assay/ledger-evidence/v1", record)),
         ("state_key_evidence", H("assay/ledger-state-key/v1", u8(11) + evidence_id))]

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "evidence_vectors.csv"), "w") as f:
    f.write("name,hex\n")
    for name, value in rows:
        f.write(f"{name},{value.hex()}\n")
print(f"{len(rows)} rows")
