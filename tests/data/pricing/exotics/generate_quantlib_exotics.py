#!/usr/bin/python3
"""QuantLib 1.29 reference prices for the analytic exotic engines of Assay.Pricing.

Computes, with QuantLib-Python 1.29 (flat continuously compounded curves, Actual365Fixed, NullCalendar, the
evaluation date 2020-01-01 and expiry `days` calendar days later, so that T = days/365 exactly):
  quantlib_barrier.csv          AnalyticBarrierEngine (BarrierOption, PlainVanillaPayoff, European exercise)
  quantlib_digital.csv          AnalyticEuropeanEngine with CashOrNothingPayoff / AssetOrNothingPayoff, and the
                                plain vanilla of the same type and strike (column `vanilla`, for parity tests)
  quantlib_geometric_asian.csv  AnalyticContinuousGeometricAveragePriceAsianEngine (averaging = Continuous)
                                AnalyticDiscreteGeometricAveragePriceAsianEngine (averaging = Discrete) with
                                fixings on the dates today + i*days/N, i = 1..N (days divisible by N, so the
                                fixing times are exactly i*T/N up to rounding)
  quantlib_floating_lookback.csv AnalyticContinuousFloatingLookbackEngine (|r - q| >= 0.002: QuantLib divides by r - q)
Inputs are drawn from a fixed seed and rounded to short decimals; every double is written with repr()
(round-trip). Rows QuantLib cannot price (NaN) are skipped.

Rerun (from the repository root):  /usr/bin/python3 tests/data/pricing/exotics/generate_quantlib_exotics.py
"""
import csv
import math
import os
import random

import QuantLib as ql

assert ql.__version__ == "1.29", ql.__version__

OUT = os.path.dirname(os.path.abspath(__file__))
TODAY = ql.Date(1, 1, 2020)
ql.Settings.instance().evaluationDate = TODAY
DC = ql.Actual365Fixed()
DAYS = [30, 73, 91, 182, 365, 547, 730, 1095]
RNG = random.Random(20240611)


def process(s, r, q, vol):
    return ql.BlackScholesMertonProcess(
        ql.QuoteHandle(ql.SimpleQuote(s)),
        ql.YieldTermStructureHandle(ql.FlatForward(TODAY, q, DC)),
        ql.YieldTermStructureHandle(ql.FlatForward(TODAY, r, DC)),
        ql.BlackVolTermStructureHandle(ql.BlackConstantVol(TODAY, ql.NullCalendar(), vol, DC)))


def u(lo, hi, digits):
    return round(RNG.uniform(lo, hi), digits)


def market():
    s = u(50.0, 150.0, 2)
    days = RNG.choice(DAYS)
    r = u(-0.01, 0.10, 4)
    q = u(-0.02, 0.08, 4)
    vol = u(0.05, 0.80, 3)
    return s, days, r, q, vol


def opt_type(name):
    return ql.Option.Call if name == "Call" else ql.Option.Put


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow([repr(x) if isinstance(x, float) else x for x in row])
    print(name, len(rows), "rows")


def barriers():
    ql_types = {"DownOut": ql.Barrier.DownOut, "DownIn": ql.Barrier.DownIn,
                "UpOut": ql.Barrier.UpOut, "UpIn": ql.Barrier.UpIn}
    rows = []
    for btype in ["DownOut", "DownIn", "UpOut", "UpIn"]:
        for otype in ["Call", "Put"]:
            made = 0
            while made < 60:
                s, days, r, q, vol = market()
                k = round(s * RNG.uniform(0.7, 1.3), 2)
                if btype.startswith("Down"):
                    h = round(s * RNG.uniform(0.7, 0.995), 2)
                else:
                    h = round(s * RNG.uniform(1.005, 1.3), 2)
                if made % 10 == 0:
                    k = h  # exercise the K = H branch boundary
                rebate = 0.0 if RNG.random() < 0.5 else u(0.5, 5.0, 2)
                option = ql.BarrierOption(ql_types[btype], h, rebate,
                                          ql.PlainVanillaPayoff(opt_type(otype), k),
                                          ql.EuropeanExercise(TODAY + days))
                option.setPricingEngine(ql.AnalyticBarrierEngine(process(s, r, q, vol)))
                price = option.NPV()
                if not math.isfinite(price):
                    continue
                rows.append([otype, btype, s, k, h, rebate, days / 365.0, r, q, vol, price])
                made += 1
    write("quantlib_barrier.csv", ["type", "barrier_type", "S", "K", "H", "rebate", "T", "r", "q", "sigma", "price"], rows)


def digitals():
    rows = []
    for payoff in ["CashOrNothing", "AssetOrNothing"]:
        for otype in ["Call", "Put"]:
            for _ in range(50):
                s, days, r, q, vol = market()
                k = round(s * RNG.uniform(0.6, 1.4), 2)
                cash = u(1.0, 20.0, 2) if payoff == "CashOrNothing" else 0.0
                if payoff == "CashOrNothing":
                    ql_payoff = ql.CashOrNothingPayoff(opt_type(otype), k, cash)
                else:
                    ql_payoff = ql.AssetOrNothingPayoff(opt_type(otype), k)
                option = ql.VanillaOption(ql_payoff, ql.EuropeanExercise(TODAY + days))
                option.setPricingEngine(ql.AnalyticEuropeanEngine(process(s, r, q, vol)))
                vanilla = ql.VanillaOption(ql.PlainVanillaPayoff(opt_type(otype), k), ql.EuropeanExercise(TODAY + days))
                vanilla.setPricingEngine(ql.AnalyticEuropeanEngine(process(s, r, q, vol)))
                rows.append([otype, payoff, s, k, cash, days / 365.0, r, q, vol, option.NPV(), vanilla.NPV()])
    write("quantlib_digital.csv", ["type", "payoff", "S", "K", "cash", "T", "r", "q", "sigma", "price", "vanilla"], rows)


def asians():
    rows = []
    for otype in ["Call", "Put"]:
        for _ in range(50):
            s, days, r, q, vol = market()
            k = round(s * RNG.uniform(0.7, 1.3), 2)
            option = ql.ContinuousAveragingAsianOption(ql.Average.Geometric,
                                                       ql.PlainVanillaPayoff(opt_type(otype), k),
                                                       ql.EuropeanExercise(TODAY + days))
            option.setPricingEngine(ql.AnalyticContinuousGeometricAveragePriceAsianEngine(process(s, r, q, vol)))
            rows.append([otype, "Continuous", s, k, days / 365.0, r, q, vol, 0, option.NPV()])
    grid = [(360, n) for n in (1, 2, 3, 4, 6, 12, 24, 60, 120, 360)] + \
           [(365, n) for n in (1, 5, 73, 365)] + [(730, n) for n in (2, 10, 73, 146, 730)] + \
           [(91, n) for n in (1, 7, 13, 91)] + [(1095, n) for n in (3, 15, 365, 1095)]
    for otype in ["Call", "Put"]:
        for days, n in grid:
            for _ in range(3):
                s, _, r, q, vol = market()
                k = round(s * RNG.uniform(0.7, 1.3), 2)
                fixings = [TODAY + i * (days // n) for i in range(1, n + 1)]
                assert days % n == 0 and fixings[-1] == TODAY + days
                option = ql.DiscreteAveragingAsianOption(ql.Average.Geometric, 1.0, 0, fixings,
                                                         ql.PlainVanillaPayoff(opt_type(otype), k),
                                                         ql.EuropeanExercise(TODAY + days))
                option.setPricingEngine(ql.AnalyticDiscreteGeometricAveragePriceAsianEngine(process(s, r, q, vol)))
                rows.append([otype, "Discrete", s, k, days / 365.0, r, q, vol, n, option.NPV()])
    write("quantlib_geometric_asian.csv", ["type", "averaging", "S", "K", "T", "r", "q", "sigma", "n_fixings", "price"], rows)


def lookbacks():
    rows = []
    for otype in ["Call", "Put"]:
        made = 0
        while made < 75:
            s, days, r, q, vol = market()
            if abs(r - q) < 0.002:
                continue
            if made % 5 == 0:
                minmax = s
            elif otype == "Call":
                minmax = round(s * RNG.uniform(0.7, 1.0), 2)
            else:
                minmax = round(s * RNG.uniform(1.0, 1.4), 2)
            option = ql.ContinuousFloatingLookbackOption(minmax, ql.FloatingTypePayoff(opt_type(otype)),
                                                         ql.EuropeanExercise(TODAY + days))
            option.setPricingEngine(ql.AnalyticContinuousFloatingLookbackEngine(process(s, r, q, vol)))
            rows.append([otype, s, minmax, days / 365.0, r, q, vol, option.NPV()])
            made += 1
    write("quantlib_floating_lookback.csv", ["type", "S", "minmax", "T", "r", "q", "sigma", "price"], rows)


if __name__ == "__main__":
    barriers()
    digitals()
    asians()
    lookbacks()
