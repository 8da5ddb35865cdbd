#!/usr/bin/python3
"""QuantLib 1.29 references for path-dependent payoffs under Heston in the Monte Carlo engine of Assay.Pricing.

Computes, with QuantLib-Python 1.29 (flat continuously compounded curves, Actual365Fixed, NullCalendar, evaluation
date 2020-01-01 and expiry `days` calendar days later, so T = days/365 exactly; HestonProcess(r, q, S, v0, kappa,
theta, sigma_v, rho)):
  quantlib_heston_geometric_asian.csv  AnalyticDiscreteGeometricAveragePriceAsianHestonEngine (Kim & Wee 2014,
                                       "Pricing of geometric Asian options under Heston's stochastic volatility
                                       model", Quantitative Finance 14(10)) for N fixings on today + i*days/N,
                                       i = 1..N (days divisible by N, so the fixing times are i*T/N): price.
  quantlib_heston_barrier.csv          FdHestonBarrierEngine (continuously monitored single barrier, no rebate,
                                       Douglas scheme) on a fine grid (t, x, v) = (400, 400, 200): price, and as
                                       `fd_error` the absolute difference from the coarser grid (200, 200, 100),
                                       a conservative bound on the finite-difference error of the fine price.
Every double is written with repr() (round-trip).

Rerun (from the repository root):  /usr/bin/python3 tests/data/pricing/monte-carlo/generate_quantlib_heston_path_dependent.py
"""
import csv
import os

import QuantLib as ql

assert ql.__version__ == "1.29", ql.__version__

OUT = os.path.dirname(os.path.abspath(__file__))
TODAY = ql.Date(1, 1, 2020)
ql.Settings.instance().evaluationDate = TODAY
DC = ql.Actual365Fixed()


def heston(s, r, q, v0, kappa, theta, sigma_v, rho):
    process = ql.HestonProcess(
        ql.YieldTermStructureHandle(ql.FlatForward(TODAY, r, DC)),
        ql.YieldTermStructureHandle(ql.FlatForward(TODAY, q, DC)),
        ql.QuoteHandle(ql.SimpleQuote(s)),
        v0, kappa, theta, sigma_v, rho)
    return process, ql.HestonModel(process)


def opt_type(name):
    return ql.Option.Call if name == "Call" else ql.Option.Put


MODEL_COLUMNS = ["S", "r", "q", "v0", "kappa", "theta", "sigma_v", "rho"]

# (type, K, days, N, S, r, q, v0, kappa, theta, sigma_v, rho)
ASIANS = [
    ("Call", 100.0, 365, 5, 100.0, 0.03, 0.01, 0.04, 1.5, 0.04, 0.5, -0.7),
    ("Put", 105.0, 730, 10, 100.0, 0.02, 0.0, 0.09, 2.0, 0.06, 0.4, -0.5),
    ("Call", 95.0, 365, 5, 100.0, 0.01, 0.02, 0.0625, 3.0, 0.04, 0.8, -0.9),
]

# (type, barrier type, K, H, days, S, r, q, v0, kappa, theta, sigma_v, rho)
BARRIERS = [
    ("Call", "DownOut", 100.0, 90.0, 365, 100.0, 0.03, 0.01, 0.04, 1.5, 0.04, 0.5, -0.7),
    ("Call", "DownIn", 100.0, 90.0, 365, 100.0, 0.03, 0.01, 0.04, 1.5, 0.04, 0.5, -0.7),
    ("Put", "UpOut", 100.0, 120.0, 365, 100.0, 0.02, 0.0, 0.04, 2.0, 0.05, 0.3, -0.5),
    ("Call", "UpOut", 90.0, 130.0, 365, 100.0, 0.0, 0.0, 0.09, 1.0, 0.09, 0.6, -0.3),
]


def geometric_asian(row):
    kind, k, days, n, s, r, q, v0, kappa, theta, sigma_v, rho = row
    assert days % n == 0
    process, _ = heston(s, r, q, v0, kappa, theta, sigma_v, rho)
    expiry = TODAY + days
    fixings = [TODAY + i * (days // n) for i in range(1, n + 1)]
    option = ql.DiscreteAveragingAsianOption(
        ql.Average.Geometric, 1.0, 0, fixings, ql.PlainVanillaPayoff(opt_type(kind), k), ql.EuropeanExercise(expiry))
    option.setPricingEngine(ql.AnalyticDiscreteGeometricAveragePriceAsianHestonEngine(process))
    return option.NPV()


def barrier(row, grid):
    kind, barrier_type, k, h, days, s, r, q, v0, kappa, theta, sigma_v, rho = row
    _, model = heston(s, r, q, v0, kappa, theta, sigma_v, rho)
    option = ql.BarrierOption(
        getattr(ql.Barrier, barrier_type), h, 0.0, ql.PlainVanillaPayoff(opt_type(kind), k), ql.EuropeanExercise(TODAY + days))
    t_grid, x_grid, v_grid = grid
    option.setPricingEngine(ql.FdHestonBarrierEngine(model, t_grid, x_grid, v_grid))
    return option.NPV()


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    asian_rows = []
    for row in ASIANS:
        kind, k, days, n, *model = row
        asian_rows.append([kind, repr(k), repr(days / 365.0), n, *[repr(x) for x in model], repr(geometric_asian(row))])
    write("quantlib_heston_geometric_asian.csv", ["type", "K", "T", "n_fixings", *MODEL_COLUMNS, "price"], asian_rows)

    barrier_rows = []
    for row in BARRIERS:
        kind, barrier_type, k, h, days, *model = row
        fine = barrier(row, (400, 400, 200))
        coarse = barrier(row, (200, 200, 100))
        barrier_rows.append([kind, barrier_type, repr(k), repr(h), repr(days / 365.0), *[repr(x) for x in model], repr(fine), repr(abs(fine - coarse))])
    write("quantlib_heston_barrier.csv", ["type", "barrier_type", "K", "H", "T", *MODEL_COLUMNS, "price", "fd_error"], barrier_rows)


if __name__ == "__main__":
    main()
