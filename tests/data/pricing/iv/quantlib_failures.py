#!/usr/bin/python3
"""QuantLib 1.29 implied volatility over the acceptance grid iv_grid.csv, for comparison in the docs.

For every row: BlackScholesMertonProcess (flat continuous r and q curves, Actual365Fixed, T = whole days / 365),
EuropeanOption + AnalyticEuropeanEngine, option.impliedVolatility(price, process, accuracy=1e-12,
maxEvaluations=1000, minVol=1e-7, maxVol=10). A row fails when QuantLib raises; otherwise its relative error
|sigma_QL - sigma|/sigma is recorded. Rows are split into well-posed (1 + cond_price + cond_inputs <= 1e10) and
ill-posed (the double price carries no volatility information); a third bucket repeats the well-posed rows
whose price is at least 1e-6 S (QuantLib's accuracy is an absolute price tolerance, so tiny prices defeat it). Writes quantlib_comparison.json next to this
script; not read by the tests. Rerun: /usr/bin/python3 tests/data/pricing/iv/quantlib_failures.py
"""
import csv
import json
import os

import QuantLib as ql

HERE = os.path.dirname(os.path.abspath(__file__))


def percentile(values, p):
    values = sorted(values)
    return values[int(p * (len(values) - 1))] if values else None


def main():
    today = ql.Date(15, ql.June, 2024)
    ql.Settings.instance().evaluationDate = today
    dc = ql.Actual365Fixed()
    rows = list(csv.DictReader(open(os.path.join(HERE, 'iv_grid.csv'))))
    stats = {'well_posed': {'rows': 0, 'failures': 0, 'errors': []}, 'ill_posed': {'rows': 0, 'failures': 0, 'errors': []},
             'well_posed_price_above_1e-6_S': {'rows': 0, 'failures': 0, 'errors': []}}
    failure_examples = []
    for row in rows:
        S, K, T, r, q, sigma, price = (float(row[k]) for k in ('S', 'K', 'T', 'r', 'q', 'sigma', 'price'))
        cond = 1 + float(row['cond_price']) + float(row['cond_inputs'])
        buckets = [stats['well_posed' if cond <= 1e10 else 'ill_posed']]
        if cond <= 1e10 and price >= 1e-6 * S:
            buckets.append(stats['well_posed_price_above_1e-6_S'])
        for bucket in buckets:
            bucket['rows'] += 1
        days = round(T * 365)
        maturity = today + days
        spot = ql.QuoteHandle(ql.SimpleQuote(S))
        rts = ql.YieldTermStructureHandle(ql.FlatForward(today, r, dc))
        qts = ql.YieldTermStructureHandle(ql.FlatForward(today, q, dc))
        vts = ql.BlackVolTermStructureHandle(ql.BlackConstantVol(today, ql.NullCalendar(), 0.2, dc))
        process = ql.BlackScholesMertonProcess(spot, qts, rts, vts)
        payoff = ql.PlainVanillaPayoff(ql.Option.Call if row['type'] == 'Call' else ql.Option.Put, K)
        option = ql.EuropeanOption(payoff, ql.EuropeanExercise(maturity))
        option.setPricingEngine(ql.AnalyticEuropeanEngine(process))
        try:
            vol = option.impliedVolatility(price, process, 1e-12, 1000, 1e-7, 10.0)
            for bucket in buckets:
                bucket['errors'].append(abs(vol - sigma) / sigma)
        except RuntimeError as e:
            for bucket in buckets:
                bucket['failures'] += 1
            if len(failure_examples) < 5 and cond <= 1e10:
                failure_examples.append({'row': row, 'error': str(e)[:160]})
    out = {'quantlib_version': ql.__version__, 'grid': 'iv_grid.csv',
           'settings': {'accuracy': 1e-12, 'maxEvaluations': 1000, 'minVol': 1e-7, 'maxVol': 10.0}}
    for name, b in stats.items():
        errs = b['errors']
        out[name] = {'rows': b['rows'], 'failures': b['failures'],
                     'max_rel_error': max(errs) if errs else None,
                     'p99_rel_error': percentile(errs, 0.99), 'median_rel_error': percentile(errs, 0.5),
                     'rows_rel_error_above_1e-8': sum(1 for e in errs if e > 1e-8)}
    out['well_posed_failure_examples'] = failure_examples
    with open(os.path.join(HERE, 'quantlib_comparison.json'), 'w') as f:
        json.dump(out, f, indent=1)
    print(json.dumps({k: v for k, v in out.items() if k != 'well_posed_failure_examples'}, indent=1))


if __name__ == '__main__':
    main()
