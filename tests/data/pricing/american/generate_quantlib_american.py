#!/usr/bin/python3
"""Reference prices and Greeks of American vanilla options from QuantLib 1.29 (Python).

What it computes, one row per option (quantlib_american.csv):
  * qdfp      - ql.QdFpAmericanEngine with ql.QdFpAmericanEngine.highPrecisionScheme() (Andersen-Lake-
                Offengelds with tanh-sinh integration), the accurate reference;
  * crr1000   - ql.BinomialVanillaEngine(process, "crr", 1000);
  * lr1001    - ql.BinomialVanillaEngine(process, "lr", 1001);
  * european  - ql.AnalyticEuropeanEngine;
  * delta, gamma - fourth-order central differences of the qdfp price with spot step 0.01*S*sigma*sqrt(T);
  * vega, rho - central differences of the qdfp price (vol step 1e-4, rate step 1e-5);
                all left empty when spot is within 3% of the exercise region (or inside it), where the
                price has a kink;
  * theta     - -dV/dT from the Black-Scholes PDE in the continuation region:
                theta = r V - (r - q) S delta - sigma^2 S^2 gamma / 2 (empty where the Greeks are empty).
Rows: the 27 Geske-Johnson (1984) Table I puts (S = 40, r = 0.0488, T = 1/12, 4/12, 7/12 via a 30/360 day
count), a few fixed edge cases, and 300 rows drawn with random.Random(20240611): type uniform, S in [80, 120],
K = 100, T = days/365 with days log-uniform in [7, 1095], r and q in [0, 0.1], sigma in [0.1, 0.6].
Doubles are written with repr() so they round-trip exactly.

Requires QuantLib 1.29 for /usr/bin/python3. Rerun from this directory:
    /usr/bin/python3 generate_quantlib_american.py > quantlib_american.csv
"""
import math
import random

import QuantLib as ql

assert ql.__version__ == "1.29", ql.__version__

TODAY = ql.Date(15, 6, 2023)
ql.Settings.instance().evaluationDate = TODAY


class Market:
    def __init__(self, dc):
        self.dc = dc
        self.spot = ql.SimpleQuote(100.0)
        self.rate = ql.SimpleQuote(0.0)
        self.div = ql.SimpleQuote(0.0)
        self.vol = ql.SimpleQuote(0.2)
        self.process = ql.BlackScholesMertonProcess(
            ql.QuoteHandle(self.spot),
            ql.YieldTermStructureHandle(ql.FlatForward(TODAY, ql.QuoteHandle(self.div), dc)),
            ql.YieldTermStructureHandle(ql.FlatForward(TODAY, ql.QuoteHandle(self.rate), dc)),
            ql.BlackVolTermStructureHandle(ql.BlackConstantVol(TODAY, ql.NullCalendar(), ql.QuoteHandle(self.vol), dc)))
        self.qdfp = ql.QdFpAmericanEngine(self.process, ql.QdFpAmericanEngine.highPrecisionScheme())
        self.crr = ql.BinomialVanillaEngine(self.process, "crr", 1000)
        self.lr = ql.BinomialVanillaEngine(self.process, "lr", 1001)
        self.european = ql.AnalyticEuropeanEngine(self.process)

    def row(self, kind, s, k, maturity, r, q, sigma):
        t = self.dc.yearFraction(TODAY, maturity)
        payoff = ql.PlainVanillaPayoff(ql.Option.Call if kind == "Call" else ql.Option.Put, k)
        american = ql.VanillaOption(payoff, ql.AmericanExercise(TODAY, maturity))
        european = ql.VanillaOption(payoff, ql.EuropeanExercise(maturity))
        european.setPricingEngine(self.european)
        self.spot.setValue(s)
        self.rate.setValue(r)
        self.div.setValue(q)
        self.vol.setValue(sigma)

        def price(engine):
            american.setPricingEngine(engine)
            return american.NPV()

        qdfp = price(self.qdfp)
        crr = price(self.crr)
        lr = price(self.lr)
        eur = european.NPV()

        def bumped(quote, base, h):
            quote.setValue(base + h)
            up = price(self.qdfp)
            quote.setValue(base - h)
            down = price(self.qdfp)
            quote.setValue(base)
            return up, down

        greeks = ["", "", "", "", ""]
        intrinsic = (lambda x: max(x - k, 0.0)) if kind == "Call" else (lambda x: max(k - x, 0.0))
        self.spot.setValue(s * (0.97 if kind == "Put" else 1.03))
        far_from_exercise = price(self.qdfp) > intrinsic(self.spot.value()) + 1e-6
        self.spot.setValue(s)
        if far_from_exercise:
            # Fourth-order central stencils with a step scaled to the width S*sigma*sqrt(T) of the price curve.
            hs = 0.01 * s * sigma * math.sqrt(t)
            up, down = bumped(self.spot, s, hs)
            up2, down2 = bumped(self.spot, s, 2 * hs)
            delta = (8 * (up - down) - (up2 - down2)) / (12 * hs)
            gamma = (-up2 + 16 * up - 30 * qdfp + 16 * down - down2) / (12 * hs * hs)
            up, down = bumped(self.vol, sigma, 1e-4)
            vega = (up - down) / 2e-4
            up, down = bumped(self.rate, r, 1e-5)
            rho = (up - down) / 2e-5
            theta = r * qdfp - (r - q) * s * delta - 0.5 * sigma * sigma * s * s * gamma
            greeks = [repr(delta), repr(gamma), repr(vega), repr(theta), repr(rho)]
        return [kind, repr(s), repr(k), repr(t), repr(r), repr(q), repr(sigma),
                repr(qdfp), repr(crr), repr(lr), repr(eur)] + greeks


def main():
    print("source,type,S,K,T,r,q,sigma,qdfp,crr1000,lr1001,european,delta,gamma,vega,theta,rho")
    thirty = Market(ql.Thirty360(ql.Thirty360.USA))
    for sigma in (0.2, 0.3, 0.4):
        for k in (35.0, 40.0, 45.0):
            for months in (1, 4, 7):
                maturity = TODAY + ql.Period(months, ql.Months)
                print(",".join(["geske-johnson"] + thirty.row("Put", 40.0, k, maturity, 0.0488, 0.0, sigma)))

    act = Market(ql.Actual365Fixed())
    fixed = [
        ("Put", 100.0, 100.0, 365, 0.05, 0.0, 0.2),
        ("Put", 60.0, 100.0, 365, 0.08, 0.0, 0.2),
        ("Put", 100.0, 100.0, 1095, 0.1, 0.0, 0.6),
        ("Put", 100.0, 100.0, 730, 0.02, 0.08, 0.3),
        ("Put", 100.0, 100.0, 730, 0.05, 0.05, 0.3),
        ("Put", 120.0, 100.0, 7, 0.1, 0.0, 0.1),
        ("Call", 100.0, 100.0, 365, 0.05, 0.0, 0.2),
        ("Call", 110.0, 100.0, 1095, 0.03, 0.07, 0.2),
        ("Call", 150.0, 100.0, 365, 0.02, 0.1, 0.15),
        ("Call", 80.0, 100.0, 1095, 0.0, 0.1, 0.4),
    ]
    for kind, s, k, days, r, q, sigma in fixed:
        print(",".join(["fixed"] + act.row(kind, s, k, TODAY + days, r, q, sigma)))

    rng = random.Random(20240611)
    for _ in range(300):
        kind = rng.choice(("Call", "Put"))
        s = round(rng.uniform(80.0, 120.0), 2)
        days = int(round(math.exp(rng.uniform(math.log(7.0), math.log(1095.0)))))
        r = round(rng.uniform(0.0, 0.1), 4)
        q = round(rng.uniform(0.0, 0.1), 4)
        sigma = round(rng.uniform(0.1, 0.6), 3)
        print(",".join(["random"] + act.row(kind, s, 100.0, TODAY + days, r, q, sigma)))


if __name__ == "__main__":
    main()
