#!/usr/bin/python3
"""Bermudan vanilla reference prices from QuantLib 1.29 (Python) for the Longstaff-Schwartz Monte Carlo tests.

The Monte Carlo engine exercises at t_i = i*T/N, i = 1..N. Here T is a whole number of days and N divides it,
so QuantLib's BermudanExercise on the dates today + i*(days/N) (Actual/365 Fixed) is exactly that contract.

Columns, one row per contract (quantlib_bermudan.csv):
  * bermudan     - ql.FdBlackScholesVanillaEngine(process, 4000, 1600, 0) on the BermudanExercise (finite differences,
                   Douglas scheme, the exercise dates are stopping times of the grid);
  * bermudan_err - |bermudan - the same engine on a (2000, 800) grid|, an estimate of the grid error;
  * bermudan_delta - the delta of that (4000, 1600) grid (read from the grid by the engine);
  * bermudan_vega  - central difference of the (4000, 1600) price in sigma with step 0.005;
  * american     - ql.QdFpAmericanEngine(highPrecisionScheme) on the AmericanExercise (continuous exercise);
  * european     - ql.AnalyticEuropeanEngine.
Doubles are written with repr() so they round-trip exactly.

Requires QuantLib 1.29 for /usr/bin/python3. Rerun from this directory:
    /usr/bin/python3 generate_quantlib_bermudan.py > quantlib_bermudan.csv
"""
import QuantLib as ql

assert ql.__version__ == "1.29", ql.__version__

TODAY = ql.Date(15, 6, 2023)
ql.Settings.instance().evaluationDate = TODAY
DC = ql.Actual365Fixed()

# (type, S, K, days, dates N, r, q, sigma)
CASES = [
    ("Put", 36.0, 40.0, 365, 73, 0.06, 0.0, 0.2),
    ("Put", 40.0, 40.0, 365, 73, 0.06, 0.0, 0.4),
    ("Put", 44.0, 40.0, 730, 73, 0.06, 0.02, 0.3),
    ("Put", 100.0, 100.0, 365, 73, 0.02, 0.0, 0.15),
    ("Put", 85.0, 100.0, 365, 73, 0.10, 0.0, 0.25),
    ("Call", 100.0, 90.0, 365, 73, 0.03, 0.08, 0.25),
    ("Call", 100.0, 110.0, 730, 73, 0.05, 0.06, 0.35),
    ("Call", 110.0, 100.0, 365, 73, 0.01, 0.04, 0.2),
]


def process(s, r, q, sigma):
    return ql.BlackScholesMertonProcess(
        ql.QuoteHandle(ql.SimpleQuote(s)),
        ql.YieldTermStructureHandle(ql.FlatForward(TODAY, q, DC)),
        ql.YieldTermStructureHandle(ql.FlatForward(TODAY, r, DC)),
        ql.BlackVolTermStructureHandle(ql.BlackConstantVol(TODAY, ql.NullCalendar(), sigma, DC)))


def main():
    print("type,S,K,T,steps,r,q,sigma,bermudan,bermudan_err,bermudan_delta,bermudan_vega,american,european")
    for kind, s, k, days, n, r, q, sigma in CASES:
        assert days % n == 0
        p = process(s, r, q, sigma)
        up = process(s, r, q, sigma + 0.005)
        down = process(s, r, q, sigma - 0.005)
        payoff = ql.PlainVanillaPayoff(ql.Option.Call if kind == "Call" else ql.Option.Put, k)
        maturity = TODAY + days
        dates = [TODAY + i * (days // n) for i in range(1, n + 1)]
        bermudan = ql.VanillaOption(payoff, ql.BermudanExercise(dates))
        bermudan.setPricingEngine(ql.FdBlackScholesVanillaEngine(p, 4000, 1600, 0))
        fine = bermudan.NPV()
        delta = bermudan.delta()
        bermudan.setPricingEngine(ql.FdBlackScholesVanillaEngine(up, 4000, 1600, 0))
        vega = bermudan.NPV()
        bermudan.setPricingEngine(ql.FdBlackScholesVanillaEngine(down, 4000, 1600, 0))
        vega = (vega - bermudan.NPV()) / 0.01
        bermudan.setPricingEngine(ql.FdBlackScholesVanillaEngine(p, 2000, 800, 0))
        coarse = bermudan.NPV()
        american = ql.VanillaOption(payoff, ql.AmericanExercise(TODAY, maturity))
        american.setPricingEngine(ql.QdFpAmericanEngine(p, ql.QdFpAmericanEngine.highPrecisionScheme()))
        european = ql.VanillaOption(payoff, ql.EuropeanExercise(maturity))
        european.setPricingEngine(ql.AnalyticEuropeanEngine(p))
        t = DC.yearFraction(TODAY, maturity)
        print(",".join([kind] + [repr(v) for v in (s, k, t)] + [str(n)]
                       + [repr(v) for v in (r, q, sigma, fine, abs(fine - coarse), delta, vega, american.NPV(), european.NPV())]))


if __name__ == "__main__":
    main()
