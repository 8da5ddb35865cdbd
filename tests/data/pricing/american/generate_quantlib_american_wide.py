#!/usr/bin/python3
"""Reference prices of American vanilla options over the whole allowed input range, from QuantLib 1.29 (Python).

Allowed range of Assay's AmericanOption (AmericanParameters): S, K > 0, T in (0, 30], r and q in [-0.5, 0.5],
sigma in (0, 4]. QuantLib dates limit T to whole days here (Actual365Fixed, T = days/365, 1 day to 30 years).

Columns of quantlib_american_wide.csv, one option per row:
  * qdfp      - ql.QdFpAmericanEngine(highPrecisionScheme()) (Andersen-Lake-Offengelds, tanh-sinh integrals,
                fixed-point equation Auto); empty when QuantLib throws or returns a non-finite value;
  * lr        - ql.BinomialVanillaEngine("lr", 2001) (Leisen-Reimer), an independent check: for American options
                LR converges only like 1/n (first fixed row: 0.72147, 0.72137, 0.72132 at n = 1001, 2003, 4003
                against QdFp 0.72127), so it confirms QdFp to about 1e-3 relative, not better;
  * european  - ql.AnalyticEuropeanEngine;
  * reference - the value the tests compare with, and ref_source says which:
                "european"  when early exercise is never optimal (put-equivalent rate r' <= 0 and q' >= r', where
                            r' = r, q' = q for a put and r' = q, q' = r for a call): the American price is European;
                "qdfp"      for r' > 0 when qdfp is finite, >= max(European, intrinsic) - 1e-6*K and within
                            2e-3 relative (or 1e-4*K absolute) of lr;
                "lr"        for the double-boundary regime q' < r' <= 0, which QdFp does not cover: the lattice
                            extrapolated as (n2 V(n2) - n1 V(n1)) / (n2 - n1) with n1 = 2001, n2 = 4003 (about
                            1e-4 relative);
                rows where qdfp fails those checks are dropped and reported on stderr (QuantLib's FP_A form,
                forced, is far off on several of them, e.g. 0.3785 for the second fixed row whose value is its
                intrinsic 0.36, so it is not used as a second opinion).
Rows: a few fixed hard cases (long T with large 2r/sigma^2, tiny sigma, large r and q, sigma = 4, T = 30) and 250
rows drawn with random.Random(20240613): type uniform, K = 100, T = days/365 with days log-uniform in [1, 10950],
sigma log-uniform in [0.01, 4], r and q each from uniform(-0.5, 0.5) (40%), uniform(0, 0.2) (40%) or
uniform(-0.02, 0.02) (20%), ln(S/K) uniform in [-w, w] with w = min(2 sigma sqrt(T) + 0.05, 2).
Doubles are written with repr() so they round-trip exactly.

Requires QuantLib 1.29 for /usr/bin/python3. Rerun from this directory (takes a few minutes):
    /usr/bin/python3 generate_quantlib_american_wide.py > quantlib_american_wide.csv
"""
import math
import random
import sys

import QuantLib as ql

assert ql.__version__ == "1.29", ql.__version__

TODAY = ql.Date(15, 6, 2023)
ql.Settings.instance().evaluationDate = TODAY
DC = ql.Actual365Fixed()

spot = ql.SimpleQuote(100.0)
rate = ql.SimpleQuote(0.0)
div = ql.SimpleQuote(0.0)
vol = ql.SimpleQuote(0.2)
process = ql.BlackScholesMertonProcess(
    ql.QuoteHandle(spot),
    ql.YieldTermStructureHandle(ql.FlatForward(TODAY, ql.QuoteHandle(div), DC)),
    ql.YieldTermStructureHandle(ql.FlatForward(TODAY, ql.QuoteHandle(rate), DC)),
    ql.BlackVolTermStructureHandle(ql.BlackConstantVol(TODAY, ql.NullCalendar(), ql.QuoteHandle(vol), DC)))
QDFP = ql.QdFpAmericanEngine(process, ql.QdFpAmericanEngine.highPrecisionScheme())
EUROPEAN = ql.AnalyticEuropeanEngine(process)
dropped = 0


def richardson(option, n1):
    n2 = 2 * n1 + 1
    values = []
    for n in (n1, n2):
        option.setPricingEngine(ql.BinomialVanillaEngine(process, "lr", n))
        values.append(option.NPV())
    return (n2 * values[1] - n1 * values[0]) / (n2 - n1)


def close(a, b, rel, k):
    return abs(a - b) <= max(rel * abs(b), 1e-6 * k)


def row(source, kind, s, k, days, r, q, sigma):
    global dropped
    maturity = TODAY + days
    t = DC.yearFraction(TODAY, maturity)
    payoff = ql.PlainVanillaPayoff(ql.Option.Call if kind == "Call" else ql.Option.Put, k)
    american = ql.VanillaOption(payoff, ql.AmericanExercise(TODAY, maturity))
    european = ql.VanillaOption(payoff, ql.EuropeanExercise(maturity))
    european.setPricingEngine(EUROPEAN)
    spot.setValue(s)
    rate.setValue(r)
    div.setValue(q)
    vol.setValue(sigma)
    eur = european.NPV()
    try:
        american.setPricingEngine(QDFP)
        qdfp = american.NPV()
        if not math.isfinite(qdfp):
            qdfp = None
    except RuntimeError:
        qdfp = None
    american.setPricingEngine(ql.BinomialVanillaEngine(process, "lr", 2001))
    lr = american.NPV()
    put_rate, put_yield = (r, q) if kind == "Put" else (q, r)
    intrinsic = max(s - k, 0.0) if kind == "Call" else max(k - s, 0.0)
    if put_rate <= 0 and put_yield >= put_rate:
        reference, ref_source = eur, "european"
    elif put_rate <= 0:
        reference, ref_source = richardson(american, 2001), "lr"
    elif (qdfp is not None and qdfp >= max(eur, intrinsic) - 1e-6 * k
          and abs(qdfp - lr) <= max(2e-3 * abs(lr), 1e-4 * k)):
        reference, ref_source = qdfp, "qdfp"
    else:
        dropped += 1
        print(f"dropped {kind} S={s} K={k} days={days} r={r} q={q} sigma={sigma}: "
              f"qdfp {qdfp} lr {lr} european {eur}", file=sys.stderr)
        return
    print(",".join([source, kind, repr(s), repr(k), repr(t), repr(r), repr(q), repr(sigma), repr(reference),
                    ref_source, "" if qdfp is None else repr(qdfp), repr(lr), repr(eur)]))
    sys.stdout.flush()


def draw_rate(rng):
    u = rng.random()
    if u < 0.4:
        return round(rng.uniform(-0.5, 0.5), 4)
    if u < 0.8:
        return round(rng.uniform(0.0, 0.2), 4)
    return round(rng.uniform(-0.02, 0.02), 5)


def main():
    print("source,type,S,K,T,r,q,sigma,reference,ref_source,qdfp,lr,european")
    fixed = [
        # docs/pricing-american.md "Known limits": FP-B off by 4e-4 here before this change.
        ("Put", 112.84, 100.0, 2205, 0.1227, 0.0, 0.1447),
        # ... and NaN here (alpha = 2r/sigma^2 ~ 3500).
        ("Put", 99.64, 100.0, 28, 0.3785, -0.1958, 0.0146),
        ("Put", 100.0, 100.0, 10950, 0.5, 0.0, 0.01),
        ("Put", 100.0, 100.0, 10950, 0.1, 0.0, 0.1),
        ("Put", 90.0, 100.0, 3650, 0.2, 0.1, 0.05),
        ("Put", 100.0, 100.0, 10950, 0.05, 0.0, 4.0),
        ("Put", 150.0, 100.0, 10950, 0.5, 0.5, 4.0),
        ("Put", 100.0, 100.0, 365, 0.5, -0.5, 0.01),
        ("Put", 100.0, 100.0, 1, 0.5, 0.0, 0.01),
        ("Put", 110.0, 100.0, 2920, 0.15, 0.0, 0.1),
        ("Call", 100.0, 100.0, 10950, 0.0, 0.5, 0.05),
        ("Call", 120.0, 100.0, 2190, 0.0, 0.12, 0.12),
        ("Call", 100.0, 100.0, 10950, -0.5, 0.5, 0.01),
        ("Call", 100.0, 100.0, 3650, 0.01, 0.3, 0.2),
        ("Put", 100.0, 100.0, 3650, -0.05, -0.2, 0.2),
        ("Call", 100.0, 100.0, 3650, -0.2, -0.05, 0.2),
    ]
    for kind, s, k, days, r, q, sigma in fixed:
        row("fixed", kind, s, k, days, r, q, sigma)

    rng = random.Random(20240613)
    for _ in range(250):
        kind = rng.choice(("Call", "Put"))
        days = int(round(math.exp(rng.uniform(0.0, math.log(10950.0)))))
        sigma = float(f"{math.exp(rng.uniform(math.log(0.01), math.log(4.0))):.4g}")
        r = draw_rate(rng)
        q = draw_rate(rng)
        w = min(2 * sigma * math.sqrt(days / 365.0) + 0.05, 2.0)
        s = round(100.0 * math.exp(rng.uniform(-w, w)), 2)
        if s <= 0:
            s = 0.01
        row("random", kind, s, 100.0, days, r, q, sigma)
    print(f"dropped {dropped} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
