#!/usr/bin/python3
"""Golden vectors for Assay's canonical binary encoding (docs/proofs-encoding-and-merkle.md).

Computes, independently of the C# code, the exact bytes of each primitive and of the Merkle proof objects, the
domain-separated hashes of those objects, and byte strings a canonical reader must refuse (with the offset of the
offending item). Uses only the Python 3 standard library (struct, hashlib).

Rerun from the repository root:  /usr/bin/python3 tests/data/proofs/encoding/generate_encoding_vectors.py
Writes primitives.csv, objects.csv and rejects.csv next to this script. The CSVs are frozen by tests: a change to the
format must bump the format version, never edit the expected bytes.
"""
import csv
import hashlib
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def u8(v): return struct.pack('<B', v)
def u16(v): return struct.pack('<H', v)
def u32(v): return struct.pack('<I', v)
def u64(v): return struct.pack('<Q', v)
def i64(v): return struct.pack('<q', v)
def i128(v): return (v % (1 << 128)).to_bytes(16, 'little')


def f64_bits(bits):
    """Canonical encoding of the double with these IEEE-754 bits: -0.0 becomes +0.0; NaN has none."""
    value = struct.unpack('<d', struct.pack('<Q', bits))[0]
    assert value == value, 'NaN has no encoding'
    if bits == 0x8000000000000000:
        bits = 0
    return struct.pack('<Q', bits)


def bytestring(b): return u32(len(b)) + b
def utf8string(s): return bytestring(s.encode('utf-8', errors='strict'))
def header(tag, version): return u16(tag) + u8(version)
def hashes(hs): return u32(len(hs)) + b''.join(hs)


def domain_hash(tag, data):
    t = tag.encode('ascii')
    return hashlib.sha256(bytes([len(t)]) + t + data).hexdigest()


INCLUSION_PROOF_TAG = 0x0101
CONSISTENCY_PROOF_TAG = 0x0102

primitives = []  # (kind, value, hex)
for v in (0, 1, 0x7F, 0x80, 0xFF):
    primitives.append(('u8', str(v), u8(v)))
for v in (0, 1, 0x1234, 0xFFFF):
    primitives.append(('u16', str(v), u16(v)))
for v in (0, 1, 0x12345678, 0xFFFFFFFF):
    primitives.append(('u32', str(v), u32(v)))
for v in (0, 1, 0x0123456789ABCDEF, (1 << 64) - 1):
    primitives.append(('u64', str(v), u64(v)))
for v in (0, 1, -1, 1 << 62, -(1 << 63), (1 << 63) - 1):
    primitives.append(('i64', str(v), i64(v)))
for v in (0, 1, -1, 1 << 64, -(1 << 64) - 1, -(1 << 127), (1 << 127) - 1, 12345678901234567890123456789):
    primitives.append(('i128', str(v), i128(v)))
# Doubles are given by their input bit pattern (value column), so that -0.0, subnormals and infinities are exact.
for bits in (0x0000000000000000,  # +0.0
             0x8000000000000000,  # -0.0, encoded as +0.0
             0x3FF0000000000000,  # 1.0
             0xC004000000000000,  # -2.5
             0x3FB999999999999A,  # 0.1
             0x0000000000000001,  # smallest subnormal
             0x000FFFFFFFFFFFFF,  # largest subnormal
             0x0010000000000000,  # smallest normal
             0x7FEFFFFFFFFFFFFF,  # largest finite
             0x7FF0000000000000,  # +infinity
             0xFFF0000000000000):  # -infinity
    primitives.append(('f64', '%016x' % bits, f64_bits(bits)))
primitives.append(('bool', 'false', b'\x00'))
primitives.append(('bool', 'true', b'\x01'))
# Byte strings and strings: the value column is the content's hex (strings: its UTF-8, checked valid here).
for content in (b'', b'\x00', b'abc', bytes(range(16))):
    primitives.append(('bytes', content.hex(), bytestring(content)))
for text in ('', 'a', 'assay', 'caf\u00e9', '\u20ac', '\U0001F600', 'mixed \u00e9\u20ac\U0001F600 end', '\ufeffbom', '\u0000nul'):
    primitives.append(('string', text.encode('utf-8').hex(), utf8string(text)))
for digest in (b'\x00' * 32, hashlib.sha256(b'abc').digest()):
    primitives.append(('hash', digest.hex(), digest))
for n in (0, 1, 300):
    primitives.append(('count', str(n), u32(n)))
primitives.append(('header', '0101:1', header(0x0101, 1)))
primitives.append(('header', 'ff01:7', header(0xFF01, 7)))
primitives.append(('hashes', hashlib.sha256(b'a').hexdigest() + ':' + hashlib.sha256(b'b').hexdigest(),
                   hashes([hashlib.sha256(b'a').digest(), hashlib.sha256(b'b').digest()])))
primitives.append(('hashes', '', hashes([])))

ha, hb, hc = (hashlib.sha256(x).digest() for x in (b'a', b'b', b'c'))


def inclusion_proof(index, size, path):
    return header(INCLUSION_PROOF_TAG, 1) + u64(index) + u64(size) + hashes(path)


def consistency_proof(old, new, path):
    return header(CONSISTENCY_PROOF_TAG, 1) + u64(old) + u64(new) + hashes(path)


def path_text(path): return ':'.join(h.hex() for h in path)


objects = []  # (kind, value, hex, hash)
for index, size, path in ((0, 1, []), (5, 8, [ha, hb, hc]), ((1 << 63) - 2, (1 << 63) - 1, [hc])):
    enc = inclusion_proof(index, size, path)
    objects.append(('inclusion_proof', '%d;%d;%s' % (index, size, path_text(path)), enc,
                    domain_hash('assay/inclusion-proof/v1', enc)))
for old, new, path in ((0, 0, []), (3, 7, [ha, hb, hc]), (4, 4, [])):
    enc = consistency_proof(old, new, path)
    objects.append(('consistency_proof', '%d;%d;%s' % (old, new, path_text(path)), enc,
                    domain_hash('assay/consistency-proof/v1', enc)))

# Byte strings a canonical reader must refuse. The C# test reads each with the method named by kind, with a per-call
# maximum of 16 for byte strings, strings and counts; offset = where the offending item starts.
valid_proof = inclusion_proof(5, 8, [ha, hb, hc])
rejects = [  # (kind, hex, offset, why)
    ('bool', b'\x02', 0, 'boolean 2'),
    ('bool', b'\xff', 0, 'boolean 255'),
    ('bool', b'', 0, 'empty input'),
    ('u32', b'\x01\x02\x03', 0, 'truncated integer'),
    ('i128', b'\x00' * 15, 0, 'truncated i128'),
    ('f64', struct.pack('<Q', 0x7FF8000000000000), 0, 'quiet NaN'),
    ('f64', struct.pack('<Q', 0x7FF0000000000001), 0, 'signalling NaN'),
    ('f64', struct.pack('<Q', 0xFFF8000000000000), 0, 'negative NaN'),
    ('f64', struct.pack('<Q', 0x8000000000000000), 0, '-0.0 bit pattern'),
    ('f64', b'\x00' * 7, 0, 'truncated double'),
    ('bytes', u32(5) + b'abc', 0, 'length past the end'),
    ('bytes', u32(0xFFFFFFFF), 0, 'length 2^32-1'),
    ('bytes', u32(17) + b'a' * 17, 0, 'length above the per-call maximum'),
    ('string', u32(2) + b'\xc0\xaf', 4, 'overlong 2-byte form of /'),
    ('string', u32(3) + b'\xe0\x80\xaf', 4, 'overlong 3-byte form of /'),
    ('string', u32(3) + b'\xed\xa0\x80', 4, 'UTF-16 surrogate U+D800'),
    ('string', u32(4) + b'\xf4\x90\x80\x80', 4, 'code point above U+10FFFF'),
    ('string', u32(1) + b'\xc3', 4, 'truncated 2-byte sequence'),
    ('string', u32(1) + b'\x80', 4, 'lone continuation byte'),
    ('string', u32(1) + b'\xff', 4, 'byte 0xFF'),
    ('string', u32(6) + b'abc', 0, 'length past the end'),
    ('string', u32(17) + b'a' * 17, 0, 'length above the per-call maximum'),
    ('hashes', u32(2) + b'\x00' * 32, 0, 'count whose elements do not fit'),
    ('hashes', u32(17) + b'\x00' * (17 * 32), 0, 'count above the per-call maximum'),
    ('hashes', u32(0xFFFFFFFF), 0, 'count 2^32-1'),
    ('inclusion_proof', header(0x0102, 1) + valid_proof[3:], 0, 'type tag of a consistency proof'),
    ('inclusion_proof', header(INCLUSION_PROOF_TAG, 2) + valid_proof[3:], 2, 'unknown format version'),
    ('inclusion_proof', header(INCLUSION_PROOF_TAG, 0) + valid_proof[3:], 2, 'format version 0'),
    ('inclusion_proof', valid_proof + b'\x00', len(valid_proof), 'trailing byte'),
    ('inclusion_proof', valid_proof[:-1], 19, 'truncated last hash: the count no longer fits'),
    ('inclusion_proof', header(INCLUSION_PROOF_TAG, 1) + u64(1 << 63) + u64(1) + hashes([]), 3, 'leaf index above 2^63-1'),
    ('inclusion_proof', header(INCLUSION_PROOF_TAG, 1) + u64(0) + u64(1 << 63) + hashes([]), 11, 'tree size above 2^63-1'),
    ('inclusion_proof', header(INCLUSION_PROOF_TAG, 1) + u64(0) + u64(1) + u32(65) + b'\x00' * (65 * 32), 19,
     'audit path longer than 64'),
    ('consistency_proof', header(CONSISTENCY_PROOF_TAG, 1) + u64(1) + u64(2), 19, 'missing path count'),
    ('consistency_proof', b'', 0, 'empty input'),
]


def write(name, header_row, rows):
    with open(os.path.join(HERE, name), 'w', newline='') as f:
        f.write('# Generated by generate_encoding_vectors.py (Python %s, struct + hashlib); do not edit.\n'
                % '.'.join(map(str, __import__('sys').version_info[:3])))
        w = csv.writer(f, lineterminator='\n')
        w.writerow(header_row)
        for row in rows:
            w.writerow([x.hex() if isinstance(x, bytes) else x for x in row])


write('primitives.csv', ['kind', 'value', 'hex'], primitives)
write('objects.csv', ['kind', 'value', 'hex', 'hash'], objects)
write('rejects.csv', ['kind', 'hex', 'offset', 'why'], rejects)
print('primitives %d, objects %d, rejects %d' % (len(primitives), len(objects), len(rejects)))
