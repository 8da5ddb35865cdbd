#!/usr/bin/python3
"""Reference prices of American vanilla options for the finite-difference engine, from QuantLib 1.29 (Python).

The finite-difference engine (Assay.Pricing.Engines.FiniteDifference) is routed where the Andersen-Lake-Offengelds
engine does not apply: kappa = max(r', |r' - q'|)*sqrt(T)/sigma > 20 (tiny sigma against the rates or long T) and the
double-boundary regime q' < r' <= 0 (r', q' are the rate and yield of the put-equivalent: r' = r, q' = q for a put,
r' = q, q' = r for a call, by McDonald-Schroder symmetry). This script writes fd_reference.csv with three groups:

  * region "kappa":    kappa > 20 with r' > 0, spot not beyond the perpetual boundary (where the value is exactly
                       intrinsic). Reference: ql.QdFpAmericanEngine(highPrecisionScheme()) (Andersen-Lake-Offengelds
                       with tanh-sinh integrals, FP equation Auto). Check: a finer QdFpTanhSinhIterationScheme(16, 64,
                       1e-12); rows where the two differ by more than 1e-5 relative (floor 1e-7*K) are dropped.
                       QuantLib's finite-difference engine is no check here: its central differences and explicit
                       exercise projection are far off at these Peclet numbers (e.g. 0.00101 at 4000x4000 for put
                       S = K = 100, T = 1, r = 0.5, q = -0.5, sigma = 0.01, where QdFp gives 0.0018394).
  * region "double":   q' < r' <= 0, sigma in [0.05, 1]. QdFp does not cover two exercise boundaries, so the reference
                       is QuantLib's finite-difference solver (Fdm1DimSolver: FdmBlackScholesOp on a
                       Concentrating1dMesher in ln S concentrated at the strike, Crank-Nicolson with 4 damping steps,
                       FdmAmericanStepCondition). Its exercise projection is first order in the time step, so the
                       value is Richardson-extrapolated in time, R(nx, nt) = 2 V(nx, 2 nt) - V(nx, nt); the row is kept
                       when R(4000, 4000) and R(2000, 2000) agree within 2e-5 relative (floor 1e-7*K), and the
                       reference is R(4000, 4000).
  * region "ordinary": inputs where the fast engine applies (r' > 0, kappa <= 5), reference QdFp highPrecision,
                       for cross-checks of the finite-difference engine against both QuantLib and the fast engine.

Columns: region, type, S, K, T, r, q, sigma, reference, check (the second value described above), european.
T = days/365 (Actual365Fixed, whole days). Doubles are written with repr() so they round-trip exactly.
Rows come from random.Random(20240620) plus a few fixed cases; rejected draws are counted on stderr.

Requires QuantLib 1.29 for /usr/bin/python3. Rerun from this directory (takes a few minutes):
    /usr/bin/python3 generate_fd_reference.py > fd_reference.csv
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
QDFP_FINE = ql.QdFpAmericanEngine(process, ql.QdFpTanhSinhIterationScheme(16, 64, 1e-12))
EUROPEAN = ql.AnalyticEuropeanEngine(process)


def setup(kind, s, k, days, r, q, sigma):
    maturity = TODAY + days
    payoff = ql.PlainVanillaPayoff(ql.Option.Call if kind == "Call" else ql.Option.Put, k)
    spot.setValue(s)
    rate.setValue(r)
    div.setValue(q)
    vol.setValue(sigma)
    american = ql.VanillaOption(payoff, ql.AmericanExercise(TODAY, maturity))
    european = ql.VanillaOption(payoff, ql.EuropeanExercise(maturity))
    european.setPricingEngine(EUROPEAN)
    return payoff, american, european.NPV(), DC.yearFraction(TODAY, maturity)


def qdfp(american, engine):
    try:
        american.setPricingEngine(engine)
        value = american.NPV()
        return value if math.isfinite(value) else None
    except RuntimeError:
        return None


def quantlib_fd(payoff, s, k, t, r, q, sigma, nx, nt):
    """QuantLib's own 1-d solver on a strike-concentrated mesh in ln S."""
    mu = r - q - 0.5 * sigma * sigma
    sd = sigma * math.sqrt(t)
    x = math.log(s)
    lo = min(x, math.log(k), x + mu * t, x - mu * t) - 8 * sd
    hi = max(x, math.log(k), x + mu * t, x - mu * t) + 8 * sd
    mesher = ql.FdmMesherComposite(ql.Concentrating1dMesher(lo, hi, nx, (math.log(k), 0.1), True))
    calculator = ql.FdmLogInnerValue(payoff, mesher, 0)
    condition = ql.FdmStepConditionComposite(
        [], ql.FdmStepConditionVector([ql.FdmAmericanStepCondition(mesher, calculator)]))
    desc = ql.FdmSolverDesc(mesher, ql.FdmBoundaryConditionSet(), condition, calculator, t, nt, 4)
    solver = ql.Fdm1DimSolver(desc, ql.FdmSchemeDesc.CrankNicolson(), ql.FdmBlackScholesOp(mesher, process, k))
    return solver.interpolateAt(x)


def put_equivalent(kind, r, q):
    return (r, q) if kind == "Put" else (q, r)


def kappa(kind, t, r, q, sigma):
    pr, pq = put_equivalent(kind, r, q)
    return max(pr, abs(pr - pq)) * math.sqrt(t) / sigma


def beyond_perpetual(kind, s, k, r, q, sigma):
    pr, pq = put_equivalent(kind, r, q)
    ps, pk = (s, k) if kind == "Put" else (k, s)
    alpha = 2 * pr / sigma ** 2
    b = 2 * (pr - pq) / sigma ** 2 - 1
    d = math.sqrt(b * b + 4 * alpha)
    lam = -0.5 * (b + d) if b >= 0 else -2 * alpha / (d - b)
    return ps <= pk * lam / (lam - 1)


def close(a, b, rel, k):
    return abs(a - b) <= max(rel * abs(b), 1e-7 * k)


rejected = {}


def reject(why):
    rejected[why] = rejected.get(why, 0) + 1


def emit(region, kind, s, k, t, r, q, sigma, reference, check, european):
    print(",".join([region, kind, repr(s), repr(k), repr(t), repr(r), repr(q), repr(sigma), repr(reference),
                    repr(check), repr(european)]))
    sys.stdout.flush()


def qdfp_row(region, kind, s, k, days, r, q, sigma):
    payoff, american, eur, t = setup(kind, s, k, days, r, q, sigma)
    a = qdfp(american, QDFP)
    b = qdfp(american, QDFP_FINE)
    intrinsic = max(s - k, 0.0) if kind == "Call" else max(k - s, 0.0)
    if a is None or b is None:
        reject(region + ": QdFp failed")
        return False
    if a < max(eur, intrinsic) - 1e-7 * k or not close(a, b, 1e-5, k):
        reject(region + ": QdFp schemes disagree or below bound")
        print(f"rejected {kind} S={s} days={days} r={r} q={q} sigma={sigma}: {a} {b} eur {eur}", file=sys.stderr)
        return False
    emit(region, kind, s, k, t, r, q, sigma, a, b, eur)
    return True


def double_row(kind, s, k, days, r, q, sigma):
    payoff, american, eur, t = setup(kind, s, k, days, r, q, sigma)

    def extrapolated(nx, nt):
        return 2 * quantlib_fd(payoff, s, k, t, r, q, sigma, nx, 2 * nt) - quantlib_fd(payoff, s, k, t, r, q, sigma, nx, nt)

    coarse = extrapolated(2000, 2000)
    fine = extrapolated(4000, 4000)
    if not close(fine, coarse, 2e-5, k):
        reject("double: QuantLib FD not converged")
        print(f"rejected {kind} S={s} days={days} r={r} q={q} sigma={sigma}: {fine} {coarse}", file=sys.stderr)
        return False
    emit("double", kind, s, k, t, r, q, sigma, fine, coarse, eur)
    return True


def log_uniform(rng, lo, hi):
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def spot_for(rng, kind, k, t, r, q, sigma):
    # Put-equivalent moneyness either around the strike or around the drifted strike (where the spot's
    # characteristic meets the payoff kink), within two standard deviations.
    pr, pq = put_equivalent(kind, r, q)
    centre = 0.0 if rng.random() < 0.5 else -(pr - pq) * t
    x = centre + rng.uniform(-1, 1) * (2 * sigma * math.sqrt(t) + 0.02)
    x = max(-2.0, min(2.0, x))
    # Put-equivalent spot/strike = K e^x / K; for a call the put-equivalent spot is K and strike S.
    return round(k * math.exp(x if kind == "Put" else -x), 4)


def main():
    print("region,type,S,K,T,r,q,sigma,reference,check,european")
    fixed = [
        # docs/pricing-american.md: the refusal example (kappa = 100) and the refused rows of the wide set.
        ("Put", 100.0, 100.0, 365, 0.5, -0.5, 0.01),
        ("Put", 100.0, 100.0, 365, 0.5, 0.5, 0.01),
        ("Put", 149.0, 100.0, 365, 0.1, 0.5, 0.01),
        ("Call", 100.0, 100.0, 365, -0.5, 0.5, 0.01),
        ("Put", 100.5, 100.0, 1, 0.5, 0.0, 0.001),
        ("Put", 100.0, 100.0, 3650, 0.3, 0.0, 0.02),
    ]
    for kind, s, k, days, r, q, sigma in fixed:
        qdfp_row("kappa", kind, s, k, days, r, q, sigma)

    rng = random.Random(20240620)
    kept = 0
    while kept < 60:
        kind = rng.choice(("Call", "Put"))
        days = int(round(log_uniform(rng, 1.0, 10950.0)))
        t = days / 365.0
        sigma = float(f"{log_uniform(rng, 0.002, 0.3):.4g}")
        r = round(rng.uniform(-0.5, 0.5), 4)
        q = round(rng.uniform(-0.5, 0.5), 4)
        pr, _ = put_equivalent(kind, r, q)
        if pr <= 0 or kappa(kind, t, r, q, sigma) <= 20:
            continue
        s = spot_for(rng, kind, 100.0, t, r, q, sigma)
        if beyond_perpetual(kind, s, 100.0, r, q, sigma):
            reject("kappa: beyond the perpetual boundary (exact intrinsic)")
            continue
        kept += qdfp_row("kappa", kind, s, 100.0, days, r, q, sigma)

    kept = 0
    while kept < 24:
        kind = rng.choice(("Call", "Put"))
        days = int(round(log_uniform(rng, 7.0, 3650.0)))
        t = days / 365.0
        sigma = float(f"{log_uniform(rng, 0.05, 1.0):.4g}")
        pr = round(rng.uniform(-0.5, 0.0), 4)
        pq = round(rng.uniform(-0.5, pr), 4)
        if not pq < pr:
            continue
        r, q = (pr, pq) if kind == "Put" else (pq, pr)
        s = spot_for(rng, kind, 100.0, t, r, q, sigma)
        kept += double_row(kind, s, 100.0, days, r, q, sigma)

    kept = 0
    while kept < 20:
        kind = rng.choice(("Call", "Put"))
        days = int(round(log_uniform(rng, 7.0, 1825.0)))
        t = days / 365.0
        sigma = float(f"{log_uniform(rng, 0.08, 0.8):.4g}")
        r = round(rng.uniform(0.0, 0.12), 4)
        q = round(rng.uniform(0.0, 0.12), 4)
        pr, _ = put_equivalent(kind, r, q)
        if pr <= 0 or kappa(kind, t, r, q, sigma) > 5:
            continue
        s = spot_for(rng, kind, 100.0, t, r, q, sigma)
        kept += qdfp_row("ordinary", kind, s, 100.0, days, r, q, sigma)

    for why, count in sorted(rejected.items()):
        print(f"rejected {count}: {why}", file=sys.stderr)


if __name__ == "__main__":
    main()
