#!/usr/bin/python3
"""Golden vectors for Assay.Compute canonical encodings (TaskSpec, MonteCarloInputs, PriceBookInputs).

Computes, independently of the C# code, the canonical bytes of two task specs and their task ids
  task_id = SHA-256(len(tag) || tag || header || body), tag = "assay/task-spec/v1"
following the layouts written in docs/compute-tasks.md (header = u16 type tag LE || u8 format version;
integers little-endian; doubles as IEEE-754 LE bits; byte strings and counts as u32 LE length first).
Library: Python 3 standard library only (struct, hashlib).
Rerun: /usr/bin/python3 tests/data/compute/generate_golden_specs.py  (writes golden_specs.csv next to this file)
"""
import hashlib
import os
import struct

def u8(v): return struct.pack('<B', v)
def u16(v): return struct.pack('<H', v)
def u32(v): return struct.pack('<I', v)
def u64(v): return struct.pack('<Q', v)
def i64(v): return struct.pack('<q', v)
def f64(v): return struct.pack('<d', v + 0.0)
def bstr(b): return u32(len(b)) + b
def header(tag, version): return u16(tag) + u8(version)

def domain_hash(tag, data):
    t = tag.encode('ascii')
    return hashlib.sha256(bytes([len(t)]) + t + data).hexdigest()

TASK_SPEC, MC_INPUTS, PB_INPUTS = 0x0201, 0x0210, 0x0220

# Monte Carlo inputs (format 2): GBM S=100 T=1 r=0.05 q=0.02 sigma=0.2; European call K=100; 10000 paths, 1 step,
# no antithetic, 4096 paths per leaf.
mc_body = (u8(1) + f64(100.0) + f64(1.0) + f64(0.05) + f64(0.02) + f64(0.2)
           + u8(0)            # PayoffKind.European
           + u8(0)            # OptionType.Call
           + f64(100.0) + u32(0) + u8(0) + f64(0.0) + f64(0.0) + u8(0)  # K, n_fixings, barrier type, H, rebate, monitoring
           + u64(10000) + u32(1) + u8(0)
           + u32(4096))      # paths_per_leaf (format 2): one leaf per 4096 paths, item count 3
mc_inputs = header(MC_INPUTS, 2) + mc_body

# Price-book inputs: two positions (call long 10, put short 5).
pb_body = (u32(2)
           + u8(0) + f64(100.0) + f64(95.0) + f64(0.5) + f64(0.03) + f64(0.01) + f64(0.25) + f64(10.0)
           + u8(1) + f64(42.0) + f64(40.0) + f64(0.75) + f64(0.1) + f64(0.0) + f64(0.35) + f64(-5.0))
pb_inputs = header(PB_INPUTS, 1) + pb_body

def spec(kind, engine, inputs, items, seed, r, q, uni, mass, lane, z, window, bond, fee, deadline):
    body = (u16(kind) + u32(engine) + bstr(inputs) + u64(items) + u64(seed)
            + u32(r) + u32(q) + u32(uni) + u32(mass) + u32(lane) + f64(z) + u64(window) + u64(bond)
            + u64(fee) + i64(deadline))
    return header(TASK_SPEC, 1) + body

rows = [
    ('montecarlo', spec(2, 1, mc_inputs, 3, 0x0123456789ABCDEF, 3, 2, 8, 4, 1, 3.0, 100, 5000000, 250000, 1795000000000)),
    ('pricebook', spec(1, 1, pb_inputs, 2, 0, 1, 1, 2, 1, 6, 0.0, 50, 1000, 99, 1795000000000)),
]

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'golden_specs.csv'), 'w') as out:
    out.write('name,spec_hex,task_id_hex\n')
    for name, b in rows:
        out.write(f'{name},{b.hex()},{domain_hash("assay/task-spec/v1", b)}\n')
print(open(os.path.join(here, 'golden_specs.csv')).read())
