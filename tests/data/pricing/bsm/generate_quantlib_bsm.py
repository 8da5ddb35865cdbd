#!/usr/bin/python3
"""QuantLib 1.29 reference grid for the Black-Scholes-Merton price and Greeks (Assay.Pricing tests).

Computes, for a seeded random grid of European calls and puts, the NPV, delta, gamma, vega, theta (per year),
rho and dividend rho of QuantLib's AnalyticEuropeanEngine on a BlackScholesMertonProcess with flat
continuously compounded rate and dividend curves and a flat Black volatility, all on Actual/365 (Fixed).
Expiries are whole days, so T = days/365 exactly as QuantLib's year fraction computes it; the C# test
recomputes T the same way (days / 365.0).

Library: QuantLib-Python 1.29 (checked at start-up). Rerun with
    /usr/bin/python3 tests/data/pricing/bsm/generate_quantlib_bsm.py
which rewrites quantlib_bsm.csv next to this script. Doubles are written with repr() (round-trip).
"""
import os
import random

import QuantLib as ql

assert ql.__version__ == "1.29", ql.__version__

SEED = 20240611
ROWS = 400
HERE = os.path.dirname(os.path.abspath(__file__))


def row(option_type, spot, strike, days, r, q, sigma):
    today = ql.Date(15, ql.June, 2024)
    ql.Settings.instance().evaluationDate = today
    dc = ql.Actual365Fixed()
    expiry = today + days
    payoff = ql.PlainVanillaPayoff(ql.Option.Call if option_type == "Call" else ql.Option.Put, strike)
    option = ql.VanillaOption(payoff, ql.EuropeanExercise(expiry))
    spot_h = ql.QuoteHandle(ql.SimpleQuote(spot))
    r_ts = ql.YieldTermStructureHandle(ql.FlatForward(today, r, dc, ql.Continuous))
    q_ts = ql.YieldTermStructureHandle(ql.FlatForward(today, q, dc, ql.Continuous))
    vol = ql.BlackVolTermStructureHandle(ql.BlackConstantVol(today, ql.NullCalendar(), sigma, dc))
    process = ql.BlackScholesMertonProcess(spot_h, q_ts, r_ts, vol)
    option.setPricingEngine(ql.AnalyticEuropeanEngine(process))
    return [option_type, spot, strike, days, r, q, sigma, option.NPV(), option.delta(), option.gamma(),
            option.vega(), option.theta(), option.rho(), option.dividendRho()]


def main():
    rng = random.Random(SEED)
    header = ["type", "S", "K", "T_days", "r", "q", "sigma", "price", "delta", "gamma", "vega", "theta", "rho",
              "dividend_rho"]
    lines = [",".join(header)]
    for _ in range(ROWS):
        option_type = rng.choice(["Call", "Put"])
        spot = round(rng.uniform(20.0, 200.0), 2)
        moneyness = 2.0 ** rng.uniform(-1.0, 1.0)
        strike = round(spot * moneyness, 2)
        days = rng.choice([1, 7, 30, 91, 182, 365, 730, 1825, 3650])
        r = round(rng.uniform(-0.02, 0.12), 4)
        q = round(rng.choice([0.0, rng.uniform(0.0, 0.08)]), 4)
        sigma = round(rng.uniform(0.03, 1.2), 3)
        values = row(option_type, spot, strike, days, r, q, sigma)
        lines.append(",".join(v if isinstance(v, str) else repr(v) for v in values))
    with open(os.path.join(HERE, "quantlib_bsm.csv"), "w", encoding="ascii") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
