#!/usr/bin/python3
"""Golden vectors for Assay.Proofs keys, addresses, signatures, key files and commit-reveal.

Computed independently of the C# code with Python 3.11 hashlib and the `cryptography` package 38.0.4
(OpenSSL 3.0) on Debian: P-256 public keys (compressed SEC1), addresses = first 20 bytes of
SHA-256(len(tag) || tag || compressed key) with tag "assay/address/v1", ECDSA signatures over the prehashed
32-byte digest SHA-256(len(tag) || tag || message), commitments SHA-256(len || "assay/commit/v1" || taskId ||
node || resultRoot || salt), and PKCS#8 PEM files written by OpenSSL (plain, PBES2-encrypted, other curves and
algorithms).

ECDSA signing draws a random nonce, so rerunning produces different (equally valid) signatures and encrypted
files; everything else is reproduced exactly. Rerun from the repository root with:
    /usr/bin/python3 tests/data/proofs/signatures/generate_signature_vectors.py
It rewrites signature_vectors.csv, commit_vectors.csv and the *.pem files next to this script.
"""
import hashlib
import os

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa, utils

HERE = os.path.dirname(os.path.abspath(__file__))
# FIPS 186-4 D.1.2.3: order of the P-256 base point.
N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
PASSWORD = b"correct horse battery staple"


def domain_hash(tag: str, data: bytes) -> bytes:
    t = tag.encode("utf-8")
    return hashlib.sha256(bytes([len(t)]) + t + data).digest()


def scalar(label: str) -> int:
    return int.from_bytes(hashlib.sha256(label.encode()).digest(), "big") % (N - 1) + 1


def compressed(key) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint)


rows = []
keys = []
for i in range(1, 7):
    d = scalar(f"assay keys-vdf golden key {i}")
    key = ec.derive_private_key(d, ec.SECP256R1())
    pub = compressed(key)
    addr = domain_hash("assay/address/v1", pub)[:20]
    keys.append((key, pub, addr))
    rows += [(f"key{i}_scalar", d.to_bytes(32, "big").hex()),
             (f"key{i}_public", pub.hex()),
             (f"key{i}_address", addr.hex()),
             (f"key{i}_address_text", ("asy" + addr.hex()).encode().hex())]

# A signature of a fixed message by key 1, normalised to low S, plus its high-S twin (also valid ECDSA).
tag = "assay/test-message/v1"
message = b"transfer 100 units to asy0000000000000000000000000000000000000000 nonce 7"
digest = domain_hash(tag, message)
key1, pub1, _ = keys[0]
der = key1.sign(digest, ec.ECDSA(utils.Prehashed(hashes.SHA256())))
r, s = utils.decode_dss_signature(der)
low_s = min(s, N - s)
high_s = N - low_s
for sig_s in (low_s, high_s):
    key1.public_key().verify(utils.encode_dss_signature(r, sig_s), digest, ec.ECDSA(utils.Prehashed(hashes.SHA256())))
rows += [("message_tag", tag.encode().hex()),
         ("message", message.hex()),
         ("message_digest", digest.hex()),
         ("signature_low_s", r.to_bytes(32, "big").hex() + low_s.to_bytes(32, "big").hex()),
         ("signature_high_s", r.to_bytes(32, "big").hex() + high_s.to_bytes(32, "big").hex())]

with open(os.path.join(HERE, "signature_vectors.csv"), "w") as f:
    f.write("name,hex\n")
    for name, value in rows:
        f.write(f"{name},{value}\n")

# Commit-reveal: H("assay/commit/v1", taskId(32) || node(20) || resultRoot(32) || salt(32)).
task_id = hashlib.sha256(b"golden task").digest()
result_root = hashlib.sha256(b"golden result root").digest()
salt = hashlib.sha256(b"golden salt").digest()
node = keys[0][2]
preimage = task_id + node + result_root + salt
with open(os.path.join(HERE, "commit_vectors.csv"), "w") as f:
    f.write("name,hex\n")
    for name, value in [("task_id", task_id), ("node", node), ("result_root", result_root), ("salt", salt),
                        ("preimage", preimage), ("commitment", domain_hash("assay/commit/v1", preimage))]:
        f.write(f"{name},{value.hex()}\n")


def write(name: str, data: bytes) -> None:
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


plain = serialization.NoEncryption()
encrypted = serialization.BestAvailableEncryption(PASSWORD)
pkcs8 = serialization.PrivateFormat.PKCS8
pem = serialization.Encoding.PEM
write("key1_plain.pem", key1.private_bytes(pem, pkcs8, plain))
write("key1_encrypted.pem", key1.private_bytes(pem, pkcs8, encrypted))
k1 = ec.derive_private_key(scalar("assay keys-vdf secp256k1 key"), ec.SECP256K1())
write("secp256k1_plain.pem", k1.private_bytes(pem, pkcs8, plain))
write("secp256k1_encrypted.pem", k1.private_bytes(pem, pkcs8, encrypted))
write("p384_plain.pem", ec.derive_private_key(scalar("assay keys-vdf p384 key"), ec.SECP384R1()).private_bytes(pem, pkcs8, plain))
write("ed25519_plain.pem", ed25519.Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"ed").digest()).private_bytes(pem, pkcs8, plain))
rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
write("rsa_plain.pem", rsa_key.private_bytes(pem, pkcs8, plain))
write("rsa_encrypted.pem", rsa_key.private_bytes(pem, pkcs8, encrypted))
write("key1_public.pem", key1.public_key().public_bytes(pem, serialization.PublicFormat.SubjectPublicKeyInfo))
write("key1_sec1.pem", key1.private_bytes(pem, serialization.PrivateFormat.TraditionalOpenSSL, plain))
print("wrote", len(rows), "signature rows and the key files")
