#!/usr/bin/python3
"""QuantLib 1.29 references for the Monte Carlo path-dependent payoffs of Assay.Pricing (GBM).

Computes, with QuantLib-Python 1.29 (flat continuously compounded curves, Actual365Fixed, NullCalendar, evaluation
date 2020-01-01 and expiry `days` calendar days later, so T = days/365 exactly):
  quantlib_fixed_lookback.csv     AnalyticContinuousFixedLookbackEngine (Conze & Viswanathan 1991) at inception
                                  (minmax = S): price, and delta and vega by central differences of the same engine
                                  (relative bump 1e-4 of S, absolute 1e-4 of sigma).
  quantlib_arithmetic_asian.csv   MCDiscreteArithmeticAPEngine (pseudo-random, Brownian bridge off, geometric control
                                  variate on, seed 42, 2^18 samples, antithetic) for N fixings on today + i*days/N,
                                  i = 1..N (days divisible by N, so the fixing times are i*T/N): price and QuantLib's
                                  own error estimate (column `stderr`).
Every double is written with repr() (round-trip).

Rerun (from the repository root):  /usr/bin/python3 tests/data/pricing/monte-carlo/generate_quantlib_path_dependent.py
"""
import csv
import os

import QuantLib as ql

assert ql.__version__ == "1.29", ql.__version__

OUT = os.path.dirname(os.path.abspath(__file__))
TODAY = ql.Date(1, 1, 2020)
ql.Settings.instance().evaluationDate = TODAY
DC = ql.Actual365Fixed()


def process(s, r, q, vol):
    return ql.BlackScholesMertonProcess(
        ql.QuoteHandle(ql.SimpleQuote(s)),
        ql.YieldTermStructureHandle(ql.FlatForward(TODAY, q, DC)),
        ql.YieldTermStructureHandle(ql.FlatForward(TODAY, r, DC)),
        ql.BlackVolTermStructureHandle(ql.BlackConstantVol(TODAY, ql.NullCalendar(), vol, DC)))


def opt_type(name):
    return ql.Option.Call if name == "Call" else ql.Option.Put


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow([repr(x) if isinstance(x, float) else x for x in row])
    print(name, len(rows), "rows")


def fixed_lookback_price(otype, s, k, days, r, q, vol):
    option = ql.ContinuousFixedLookbackOption(s, ql.PlainVanillaPayoff(opt_type(otype), k), ql.EuropeanExercise(TODAY + days))
    option.setPricingEngine(ql.AnalyticContinuousFixedLookbackEngine(process(s, r, q, vol)))
    return option.NPV()


def fixed_lookbacks():
    cases = [
        ("Call", 100.0, 100.0, 365, 0.05, 0.02, 0.25),
        ("Call", 100.0, 110.0, 182, 0.03, 0.00, 0.35),
        ("Put", 100.0, 100.0, 365, 0.05, 0.02, 0.25),
        ("Put", 50.0, 45.0, 730, 0.02, 0.01, 0.20),
    ]
    rows = []
    for otype, s, k, days, r, q, vol in cases:
        price = fixed_lookback_price(otype, s, k, days, r, q, vol)
        # The running extreme is S at inception, so bumping S moves the extreme with it.
        h = 1e-4 * s
        up = fixed_lookback_price(otype, s + h, k, days, r, q, vol)
        down = fixed_lookback_price(otype, s - h, k, days, r, q, vol)
        vega = (fixed_lookback_price(otype, s, k, days, r, q, vol + 1e-4) - fixed_lookback_price(otype, s, k, days, r, q, vol - 1e-4)) / 2e-4
        rows.append([otype, s, k, days / 365.0, r, q, vol, price, (up - down) / (2 * h), vega])
    write("quantlib_fixed_lookback.csv", ["type", "S", "K", "T", "r", "q", "sigma", "price", "delta", "vega"], rows)


def arithmetic_asians():
    cases = [
        ("Call", 100.0, 100.0, 365, 0.05, 0.02, 0.30, 5),
        ("Put", 100.0, 105.0, 365, 0.03, 0.00, 0.25, 73),
        ("Call", 80.0, 75.0, 730, 0.04, 0.01, 0.45, 10),
    ]
    rows = []
    for otype, s, k, days, r, q, vol, n in cases:
        assert days % n == 0
        dates = [TODAY + (i * days) // n for i in range(1, n + 1)]
        option = ql.DiscreteAveragingAsianOption(
            ql.Average.Arithmetic, 0.0, 0, dates, ql.PlainVanillaPayoff(opt_type(otype), k), ql.EuropeanExercise(TODAY + days))
        engine = ql.MCDiscreteArithmeticAPEngine(process(s, r, q, vol), "pseudorandom", brownianBridge=False,
                                                 antitheticVariate=True, controlVariate=True,
                                                 requiredSamples=2 ** 18, seed=42)
        option.setPricingEngine(engine)
        rows.append([otype, s, k, days / 365.0, r, q, vol, n, option.NPV(), option.errorEstimate()])
    write("quantlib_arithmetic_asian.csv", ["type", "S", "K", "T", "r", "q", "sigma", "n_fixings", "price", "stderr"], rows)


fixed_lookbacks()
arithmetic_asians()
