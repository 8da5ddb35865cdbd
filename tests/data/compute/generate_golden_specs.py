#!/usr/bin/python3
"""Golden vectors for Assay.Compute canonical encodings (TaskSpec, MonteCarloInputs, PriceBookInputs).

Computes, independently of the C# code, the canonical bytes of task specs and their task ids
  task_id = SHA-256(len(tag) || tag || header || body), tag = "assay/task-spec/v2" (format 1: "assay/task-spec/v1")
following the layouts written in docs/compute-tasks.md (header = u16 type tag LE || u8 format version;
integers little-endian; doubles as IEEE-754 LE bits; byte strings and counts as u32 LE length first).
TaskSpec format 2: the inputs are u8 form 0 (inline byte string) or 1 (inputs hash || u32 length || address string),
inputs hash = SHA-256(len(tag) || tag || inputs bytes), tag = "assay/task-inputs/v1".
Monte Carlo inputs: a tagged union on the model (1 GBM, 2 Heston, 3 basket); American payoffs carry u32 basis size (4)
and u32 pilot paths (clamp(paths, 8192, 65536) rounded up to a multiple of 8) before the trailing paths/steps/antithetic.
golden_specs_v1.csv is the frozen output of the format-1 version of this script (see git history); format 1 is refused now.
The specs carry ENGINE_VERSION, which must equal EngineVersion.Current (src/Assay.Compute/EngineVersion.cs): the C# tests
build the same specs with the current version and run some of them. Version 4 since the Black-Scholes kernel's
tail pair (eleventh look, docs/pricing-black-scholes.md); 3 for its region-2 pair, 2 from its eighth look, 1 before.
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
ENGINE_VERSION = 4

# Monte Carlo inputs (format 2): GBM S=100 T=1 r=0.05 q=0.02 sigma=0.2; European call K=100; 10000 paths, 1 step,
# no antithetic, 4096 paths per leaf.
mc_body = (u8(1) + f64(100.0) + f64(1.0) + f64(0.05) + f64(0.02) + f64(0.2)
           + u8(0)            # PayoffKind.European
           + u8(0)            # OptionType.Call
           + f64(100.0) + u32(0) + u8(0) + f64(0.0) + f64(0.0) + u8(0)  # K, n_fixings, barrier type, H, rebate, monitoring
           + u64(10000) + u32(1) + u8(0)
           + u32(4096))      # paths_per_leaf (format 2): one leaf per 4096 paths, item count 3
mc_inputs = header(MC_INPUTS, 2) + mc_body

# Heston S=100 T=1 r=0.03 q=0.01 v0=0.04 kappa=1.5 theta=0.05 sigma_v=0.5 rho=-0.7, QE scheme; European put K=95;
# 6000 paths, 16 steps, no antithetic.
payoff_fields = lambda kind, typ, k: u8(kind) + u8(typ) + f64(k) + u32(0) + u8(0) + f64(0.0) + f64(0.0) + u8(0)
heston_body = (u8(2) + b''.join(f64(x) for x in (100.0, 1.0, 0.03, 0.01, 0.04, 1.5, 0.05, 0.5, -0.7)) + u8(0)
               + payoff_fields(0, 1, 95.0)            # European, Put
               + u64(6000) + u32(16) + u8(0) + u32(4096))
heston_inputs = header(MC_INPUTS, 2) + heston_body

# Basket of 3 correlated GBM assets, T=1 r=0.03; (S, q, sigma, weight) per asset; call on the basket value K=140;
# 5000 paths, 1 step, antithetic.
assets = [(100.0, 0.01, 0.2, 0.5), (50.0, 0.0, 0.3, 1.0), (20.0, 0.02, 0.25, 2.0)]
corr = [1.0, 0.5, 0.2, 0.5, 1.0, 0.3, 0.2, 0.3, 1.0]
basket_body = (u8(3) + f64(1.0) + f64(0.03) + u32(len(assets))
               + b''.join(f64(x) for a in assets for x in a) + b''.join(f64(x) for x in corr)
               + payoff_fields(7, 0, 140.0)           # Basket, Call
               + u64(5000) + u32(1) + u8(1) + u32(4096))
basket_inputs = header(MC_INPUTS, 2) + basket_body

# American put by Longstaff-Schwartz on GBM S=36 T=1 r=0.06 q=0 sigma=0.2, K=40; 10 exercise dates; 6000 paths.
def pilot_paths(paths): return (min(max(paths, 8192), 65536) + 7) // 8 * 8
american_body = (u8(1) + f64(36.0) + f64(1.0) + f64(0.06) + f64(0.0) + f64(0.2)
                 + payoff_fields(8, 1, 40.0)          # American, Put
                 + u32(4) + u32(pilot_paths(6000))
                 + u64(6000) + u32(10) + u8(0) + u32(4096))
american_inputs = header(MC_INPUTS, 2) + american_body

# Price-book inputs: two positions (call long 10, put short 5).
pb_body = (u32(2)
           + u8(0) + f64(100.0) + f64(95.0) + f64(0.5) + f64(0.03) + f64(0.01) + f64(0.25) + f64(10.0)
           + u8(1) + f64(42.0) + f64(40.0) + f64(0.75) + f64(0.1) + f64(0.0) + f64(0.35) + f64(-5.0))
pb_inputs = header(PB_INPUTS, 1) + pb_body

def tail(items, seed, r, q, uni, mass, lane, z, window, bond, fee, deadline):
    return (u64(items) + u64(seed) + u32(r) + u32(q) + u32(uni) + u32(mass) + u32(lane) + f64(z) + u64(window)
            + u64(bond) + u64(fee) + i64(deadline))

def spec(kind, engine, inputs, *rest):
    return header(TASK_SPEC, 2) + u16(kind) + u32(engine) + u8(0) + bstr(inputs) + tail(*rest)

def spec_ref(kind, engine, inputs, address, *rest):
    a = address.encode('utf-8')
    return (header(TASK_SPEC, 2) + u16(kind) + u32(engine) + u8(1) + bytes.fromhex(domain_hash("assay/task-inputs/v1", inputs))
            + u32(len(inputs)) + bstr(a) + tail(*rest))

MC_POLICY = (3, 2, 8, 4, 1, 3.0, 100, 5000000, 250000, 1795000000000)
PB_POLICY = (1, 1, 2, 1, 6, 0.0, 50, 1000, 99, 1795000000000)
rows = [
    ('montecarlo', spec(2, ENGINE_VERSION, mc_inputs, 3, 0x0123456789ABCDEF, *MC_POLICY)),
    ('pricebook', spec(1, ENGINE_VERSION, pb_inputs, 2, 0, *PB_POLICY)),
    ('pricebook-referenced', spec_ref(1, ENGINE_VERSION, pb_inputs, 'book.bin', 2, 0, *PB_POLICY)),
    ('heston', spec(2, ENGINE_VERSION, heston_inputs, 2, 7, *MC_POLICY)),
    ('basket', spec(2, ENGINE_VERSION, basket_inputs, 2, 7, *MC_POLICY)),
    ('american', spec(2, ENGINE_VERSION, american_inputs, 2, 7, *MC_POLICY)),
]

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'golden_specs.csv'), 'w') as out:
    out.write('name,spec_hex,task_id_hex,inputs_hex,inputs_hash_hex\n')
    for name, b in rows:
        inputs = {'montecarlo': mc_inputs, 'heston': heston_inputs, 'basket': basket_inputs, 'american': american_inputs}.get(name, pb_inputs)
        out.write(f'{name},{b.hex()},{domain_hash("assay/task-spec/v2", b)},{inputs.hex()},{domain_hash("assay/task-inputs/v1", inputs)}\n')
print(open(os.path.join(here, 'golden_specs.csv')).read())
