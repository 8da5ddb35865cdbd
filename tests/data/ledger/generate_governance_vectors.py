#!/usr/bin/python3
"""Golden vectors for Assay.Ledger governance and the VDF beacon (docs/ledger.md, sections "Governance" and "Beacon"),
written independently of the C# code from the documented layouts.

Computes: the GovernanceConfig encoding and hash, the governance state key, the payload digests of a propose and an
approve transaction, and the VDF beacon of one block with a 2^10-squaring delay (seed, hash-to-group x, output y by
plain repeated squaring with Python's pow, beacon output). Uses only Python 3 hashlib/struct and `cryptography`
38.0.4 (P-256 public keys). The RSA-2048 modulus is the RSA Factoring Challenge number RSA-2048 (RSA Laboratories,
1991; published decimal). Deterministic. Rerun with:  /usr/bin/python3 generate_governance_vectors.py
It rewrites governance_vectors.csv (name,hex) next to this script.
"""
import hashlib
import math
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
    # TestNet.Key(i): byte 0 = 0x11, byte 30 = i >> 8, byte 31 = i + 1.
    s = bytearray(32)
    s[0] = 0x11
    s[30] = (i >> 8) & 0xff
    s[31] = (i + 1) & 0xff
    key = ec.derive_private_key(int.from_bytes(bytes(s), 'big'), ec.SECP256R1())
    return key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint)


def address(pk: bytes) -> bytes:
    return H("assay/address/v1", pk)[:20]


rows = []
governors = sorted(address(pubkey(i)) for i in range(3))

# GovernanceConfig (tag 0x0340, v1): u32 n || n x address (20-byte string, ascending bytes) || u32 k || u64 lock || u64 life.
config = u16(0x0340) + u8(1) + u32(3) + b"".join(bstr(a) for a in governors) + u32(2) + u64(2) + u64(10)
rows += [("governance_config_encoding", config), ("governance_config_hash", H("assay/ledger-governance-config/v1", config))]
rows.append(("state_key_governance", H("assay/ledger-state-key/v1", u8(8))))

# Propose (kind 32): pubkey string || u64 nonce || u8 kind || u32 n || n x (u16 code || u64 value) || bool || [config].
pk0 = pubkey(0)
changes = [(1, 20_000_000), (6, 2_500)]  # min_stake, slash_wrong_reveal_bps
propose = bstr(pk0) + u64(4) + u8(32) + u32(len(changes)) + b"".join(u16(c) + u64(v) for c, v in changes) + u8(1) + config
rows.append(("propose_payload_digest", H("assay/ledger-tx-payload/v1", propose)))
approve = bstr(pk0) + u64(5) + u8(33) + H("assay/test/v1", b"proposal")
rows.append(("approve_payload_digest", H("assay/ledger-tx-payload/v1", approve)))

# VDF beacon, delay T = 2^10: seed = H(vdf-input, parent beacon || pre-hash); x = hash-to-group(seed) (attempt 0:
# nine blocks H("assay/vdf-input/v1", seed || u32 a || u32 i) as a little-endian integer, mod N, then min(r, N - r));
# y = x^(2^T) mod N taken as min(y, N - y); beacon = H("assay/ledger-vdf-beacon/v1", y as 256 little-endian bytes).
N = int(
    "25195908475657893494027183240048398571429282126204032027777137836043662020707595556264018525880784406918290641249515082189298559149176184502808489120072"
    "84499268739280728777673597141834727026189637501497182469116507761337985909570009733045974880842840179742910064245869181719511874612151517265463228221686"
    "99875491824224336372590851418654620435767984233871847744479207399342365848238242811981638150106748104516603773060562016196762561338441436038339044149526"
    "34432190114657544454178424020924616515723350778707749817125772467962926386356373289912154831438167899885040445364023527381951378636564391212010397122822120720357")
assert N.bit_length() == 2048
W = 256
parent_beacon = H("assay/test/v1", b"beacon")
pre_hash = H("assay/test/v1", b"prehash")
seed = H("assay/ledger-vdf-input/v1", parent_beacon + pre_hash)
for attempt in range(16):
    expanded = b"".join(H("assay/vdf-input/v1", seed + u32(attempt) + u32(i)) for i in range((W + 32 + 31) // 32))
    r = int.from_bytes(expanded, 'little') % N
    x = min(r, N - r)
    if x > 1 and math.gcd(x, N) == 1:
        break
T = 1 << 10
y = pow(x, 1 << T, N)
y = min(y, N - y)
rows += [("vdf_seed", seed), ("vdf_x", x.to_bytes(W, 'little')), ("vdf_y", y.to_bytes(W, 'little')),
         ("vdf_beacon", H("assay/ledger-vdf-beacon/v1", y.to_bytes(W, 'little')))]

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "governance_vectors.csv"), "w") as f:
    f.write("name,hex\n")
    for name, value in rows:
        f.write(f"{name},{value.hex()}\n")
print(f"{len(rows)} rows")
