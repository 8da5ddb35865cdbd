#!/usr/bin/python3
"""Golden vectors for the other Assay.Compute hash preimages: a Monte Carlo leaf payload and a TaskResult.

mc_leaf: the BatchSums bytes = nine FixedPointAccumulator encodings (u8 version 1 || u8 scale id 2 (Medium) || i128 LE
  scaled sum || u64 LE count), and the Merkle-sum leaf hash of that batch as leaf 5: SHA-256(len(tag) || tag || u64 LE
  index 5 || 32 zero bytes (the Monte Carlo payload hash: the sums are the leaf's whole content) || u64 LE count ||
  nine i128 LE lanes), tag "assay/merkle-sum-leaf/v1". (Until 2026-11-21 the row held a separate payload hash
  SHA-256(len || "assay/montecarlo-batch/v1" || BatchSums bytes); the leaf format dropped it to save one hash per leaf.)
task_result: canonical TaskResult (header u16 0x0202 || u8 1, then the body of docs/compute-tasks.md) and its hash with
  tag "assay/task-result/v1". All inputs are synthetic constants repeated in the C# test; the engine version 1 among them
  is one too, left at 1 when EngineVersion.Current moved to 2 (the encoding does not depend on the version).
Library: Python 3 standard library only (struct, hashlib).
Rerun: /usr/bin/python3 tests/data/compute/generate_golden_objects.py  (writes golden_objects.csv next to this file)
"""
import hashlib
import os
import struct

def domain_hash(tag, data):
    t = tag.encode('ascii')
    return hashlib.sha256(bytes([len(t)]) + t + data).hexdigest()

def i128(v): return (v % (1 << 128)).to_bytes(16, 'little')

# Monte Carlo leaf: count 4096, scaled sums s_i = (i - 4) * 123456789012345 (payoff, payoff^2, ... in BatchSums order).
MC_SUMS = [(i - 4) * 123456789012345 for i in range(9)]
MC_SUMS[1] = abs(MC_SUMS[1]); MC_SUMS[3] = abs(MC_SUMS[3]); MC_SUMS[5] = abs(MC_SUMS[5]); MC_SUMS[7] = abs(MC_SUMS[7])
batch = b''.join(bytes([1, 2]) + i128(s) + struct.pack('<Q', 4096) for s in MC_SUMS)

# TaskResult: task id = bytes 0..31, engine 1, item count 3, root hash = bytes 32..63, leaf count 3, sums count 12288,
# lanes = MC_SUMS, aggregate price=10.5, stderr=0.125, node = bytes 1..20, empty signature.
def s(text): b = text.encode(); return struct.pack('<I', len(b)) + b
body = (bytes(range(32)) + struct.pack('<I', 1) + struct.pack('<Q', 3) + bytes(range(32, 64)) + struct.pack('<Q', 3)
        + struct.pack('<Q', 12288) + struct.pack('<I', 9) + b''.join(i128(v) for v in MC_SUMS)
        + struct.pack('<I', 2) + s('price') + struct.pack('<d', 10.5) + s('stderr') + struct.pack('<d', 0.125)
        + struct.pack('<I', 20) + bytes(range(1, 21)) + struct.pack('<I', 0))
result = struct.pack('<HB', 0x0202, 1) + body

rows = [
    ('mc_leaf', batch.hex(), domain_hash('assay/merkle-sum-leaf/v1', struct.pack('<Q', 5) + bytes(32) + struct.pack('<Q', 4096)
                                         + b''.join(i128(v) for v in MC_SUMS))),
    ('task_result', result.hex(), domain_hash('assay/task-result/v1', result)),
]
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'golden_objects.csv'), 'w') as out:
    out.write('name,hex,hash_hex\n')
    for r in rows:
        out.write(','.join(r) + '\n')
print(open(os.path.join(here, 'golden_objects.csv')).read()[:300])
