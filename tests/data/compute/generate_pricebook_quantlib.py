#!/usr/bin/python3
"""QuantLib reference for PriceBookKind: per-position Black-Scholes-Merton price and Greeks times quantity, summed.

QuantLib 1.29 (AnalyticEuropeanEngine, GeneralizedBlackScholesProcess, flat continuous rates, Actual365Fixed).
Units: vega and rho per 1.00, theta per year (QuantLib's theta()), gamma per unit of spot. Expiries are whole days
(T = days/365) so the QuantLib dates give exactly T. Writes one row per position (inputs) and a final TOTAL row.
Rerun: /usr/bin/python3 tests/data/compute/generate_pricebook_quantlib.py  (writes pricebook_quantlib.csv next to this file)
"""
import os
import QuantLib as ql

assert ql.__version__ == '1.29', ql.__version__
today = ql.Date(15, 1, 2026)
ql.Settings.instance().evaluationDate = today
dc = ql.Actual365Fixed()

# type, S, K, days, r, q, sigma, quantity
BOOK = [
    ('call', 100.0, 95.0, 182, 0.03, 0.01, 0.25, 10.0),
    ('put', 42.0, 40.0, 274, 0.10, 0.0, 0.35, -5.0),
    ('call', 250.0, 300.0, 730, 0.02, 0.015, 0.40, 3.0),
    ('put', 80.0, 100.0, 73, 0.045, 0.0, 0.18, 120.0),
    ('call', 1500.0, 1450.0, 30, 0.05, 0.02, 0.12, -2.0),
    ('put', 10.0, 9.5, 365, -0.005, 0.01, 0.60, 1000.0),
]

rows = []
totals = [0.0] * 7
for kind, s, k, days, r, q, vol, qty in BOOK:
    payoff = ql.PlainVanillaPayoff(ql.Option.Call if kind == 'call' else ql.Option.Put, k)
    option = ql.VanillaOption(payoff, ql.EuropeanExercise(today + days))
    process = ql.GeneralizedBlackScholesProcess(
        ql.QuoteHandle(ql.SimpleQuote(s)),
        ql.YieldTermStructureHandle(ql.FlatForward(today, q, dc)),
        ql.YieldTermStructureHandle(ql.FlatForward(today, r, dc)),
        ql.BlackVolTermStructureHandle(ql.BlackConstantVol(today, ql.NullCalendar(), vol, dc)))
    option.setPricingEngine(ql.AnalyticEuropeanEngine(process))
    vals = [option.NPV(), option.delta(), option.gamma(), option.vega(), option.theta(), option.rho()]
    vals = [v * qty for v in vals] + [abs(option.NPV() * qty)]
    totals = [a + b for a, b in zip(totals, vals)]
    rows.append([kind, repr(s), repr(k), repr(days / 365.0), repr(r), repr(q), repr(vol), repr(qty)] + [repr(v) for v in vals])

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'pricebook_quantlib.csv'), 'w') as out:
    out.write('type,S,K,T,r,q,sigma,quantity,price,delta,gamma,vega,theta,rho,gross_value\n')
    for row in rows:
        out.write(','.join(row) + '\n')
    out.write('TOTAL,,,,,,,,' + ','.join(repr(v) for v in totals) + '\n')
print(open(os.path.join(here, 'pricebook_quantlib.csv')).read())
