// QuantLib reference timings for `assay bench pricing`, in C++ (Debian's libquantlib0-dev, QuantLib 1.29).
//
// Times, single-threaded, the QuantLib counterparts of the Assay pricing benchmarks on inputs drawn the same
// way, and prints one JSON object {"quantlib_version", "results": [{"name", "ns_per_item", "note"}]}.
// Build and run with bench/quantlib/run.sh. Written for this project; it only calls QuantLib's public API.
#include <ql/quantlib.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace QuantLib;

namespace {

struct Row {
    Option::Type type;
    double s, k, t, r, q, vol;
};

bool quick = false;

std::vector<Row> inputs(std::size_t n) {
    std::mt19937_64 rng(20261121);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<Row> rows;
    for (std::size_t i = 0; i < n; ++i) {
        Row row;
        row.s = 100.0;
        row.k = 70.0 + 60.0 * u(rng);
        row.t = 0.05 + 1.95 * u(rng);
        row.r = 0.08 * u(rng);
        row.q = 0.04 * u(rng);
        row.vol = 0.1 + 0.5 * u(rng);
        row.type = u(rng) < 0.5 ? Option::Call : Option::Put;
        rows.push_back(row);
    }
    return rows;
}

// Best of three: repeat `run` (which processes `items` items) for at least `seconds`, report ns per item.
double timed(const std::function<void()>& run, std::size_t items, double seconds) {
    double best = 1e300;
    for (int rep = 0; rep < 3; ++rep) {
        auto start = std::chrono::steady_clock::now();
        std::size_t runs = 0;
        double elapsed = 0;
        do {
            run();
            ++runs;
            elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        } while (elapsed < seconds);
        best = std::min(best, elapsed / (double(runs) * double(items)) * 1e9);
    }
    return best;
}

volatile double sink = 0;

ext::shared_ptr<GeneralizedBlackScholesProcess> process(const Date& today, const Row& row) {
    DayCounter dc = Actual365Fixed();
    return ext::make_shared<BlackScholesMertonProcess>(
        Handle<Quote>(ext::make_shared<SimpleQuote>(row.s)),
        Handle<YieldTermStructure>(ext::make_shared<FlatForward>(today, row.q, dc)),
        Handle<YieldTermStructure>(ext::make_shared<FlatForward>(today, row.r, dc)),
        Handle<BlackVolTermStructure>(ext::make_shared<BlackConstantVol>(today, NullCalendar(), row.vol, dc)));
}

VanillaOption option(const Date& today, const Row& row, bool american) {
    auto days = std::max<Integer>(1, Integer(std::lround(row.t * 365)));
    auto payoff = ext::make_shared<PlainVanillaPayoff>(row.type, row.k);
    ext::shared_ptr<Exercise> ex;
    if (american)
        ex = ext::make_shared<AmericanExercise>(today, today + days);
    else
        ex = ext::make_shared<EuropeanExercise>(today + days);
    return VanillaOption(payoff, ex);
}

void emit(bool& first, const char* name, double ns, const std::string& note) {
    std::printf("%s{\"name\":\"%s\",\"ns_per_item\":%.6g,\"note\":\"%s\"}", first ? "" : ",", name, ns, note.c_str());
    first = false;
}

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--quick") == 0) quick = true;
    const double seconds = quick ? 0.2 : 1.0;
    Date today(21, November, 2026);
    Settings::instance().evaluationDate() = today;
    auto rows = inputs(quick ? 2000 : 20000);

    std::printf("{\"quantlib_version\":\"%s\",\"results\":[", QL_VERSION);
    bool first = true;

    // BSM price + 5 Greeks with BlackCalculator (the fast path).
    {
        auto run = [&] {
            for (const auto& row : rows) {
                double disc = std::exp(-row.r * row.t);
                double fwd = row.s * std::exp((row.r - row.q) * row.t);
                BlackCalculator bc(row.type, row.k, fwd, row.vol * std::sqrt(row.t), disc);
                sink = sink + bc.value() + bc.delta(row.s) + bc.gamma(row.s) + bc.vega(row.t) + bc.theta(row.s, row.t) +
                       bc.rho(row.t);
            }
        };
        emit(first, "bsm_greeks", timed(run, rows.size(), seconds), "BlackCalculator: value + delta, gamma, vega, theta, rho");
    }

    // BSM price + 5 Greeks through the instrument API.
    {
        std::vector<VanillaOption> options;
        std::size_t n = quick ? 200 : 2000;
        for (std::size_t i = 0; i < n; ++i) {
            options.push_back(option(today, rows[i], false));
            options.back().setPricingEngine(ext::make_shared<AnalyticEuropeanEngine>(process(today, rows[i])));
        }
        auto run = [&] {
            for (auto& o : options) {
                o.recalculate();
                sink = sink + o.NPV() + o.delta() + o.gamma() + o.vega() + o.theta() + o.rho();
            }
        };
        emit(first, "bsm_greeks_instrument", timed(run, options.size(), seconds), "VanillaOption + AnalyticEuropeanEngine: NPV + 5 Greeks");
    }

    // Implied volatility with the lean Black-formula solver (no instrument, no term structures).
    {
        struct Case { Option::Type type; double k, fwd, disc, price, t; };
        std::vector<Case> cases;
        for (const auto& row : rows) {
            double disc = std::exp(-row.r * row.t);
            double fwd = row.s * std::exp((row.r - row.q) * row.t);
            double price = blackFormula(row.type, row.k, fwd, row.vol * std::sqrt(row.t), disc);
            if (price > 1e-8 * row.s) cases.push_back({row.type, row.k, fwd, disc, price, row.t});
        }
        int failures = 0;
        auto run = [&] {
            failures = 0;
            for (const auto& c : cases) {
                try {
                    sink = sink + blackFormulaImpliedStdDev(c.type, c.k, c.fwd, c.price, c.disc, 0.0, Null<Real>(), 1e-12, 100) / std::sqrt(c.t);
                } catch (const std::exception&) {
                    ++failures;
                }
            }
        };
        double ns = timed(run, cases.size(), seconds);
        emit(first, "implied_vol", ns,
             "blackFormulaImpliedStdDev(accuracy 1e-12): " + std::to_string(failures) + " failures of " + std::to_string(cases.size()));
    }

    // Implied volatility through the instrument API.
    {
        struct Case { VanillaOption opt; double price; ext::shared_ptr<GeneralizedBlackScholesProcess> proc; };
        std::vector<Case> cases;
        std::size_t n = quick ? 300 : 2000;
        for (std::size_t i = 0; i < n; ++i) {
            auto proc = process(today, rows[i]);
            auto o = option(today, rows[i], false);
            o.setPricingEngine(ext::make_shared<AnalyticEuropeanEngine>(proc));
            double price = o.NPV();
            if (price > 1e-8) cases.push_back({o, price, proc});
        }
        int failures = 0;
        auto run = [&] {
            failures = 0;
            for (auto& c : cases) {
                try {
                    sink = sink + c.opt.impliedVolatility(c.price, c.proc, 1e-12, 1000, 1e-7, 10.0);
                } catch (const std::exception&) {
                    ++failures;
                }
            }
        };
        double ns = timed(run, cases.size(), seconds);
        emit(first, "implied_vol_instrument", ns,
             "VanillaOption::impliedVolatility(accuracy 1e-12): " + std::to_string(failures) + " failures of " + std::to_string(cases.size()));
    }

    // American: CRR binomial, 1000 steps.
    {
        std::vector<VanillaOption> options;
        std::size_t n = quick ? 10 : 50;
        for (std::size_t i = 0; i < n; ++i) {
            options.push_back(option(today, rows[i], true));
            options.back().setPricingEngine(ext::make_shared<BinomialVanillaEngine<CoxRossRubinstein>>(process(today, rows[i]), 1000));
        }
        auto run = [&] {
            for (auto& o : options) {
                o.recalculate();
                sink = sink + o.NPV();
            }
        };
        emit(first, "american", timed(run, options.size(), seconds), "BinomialVanillaEngine<CoxRossRubinstein>, 1000 steps");
    }

    // American: QD+ fixed point (Andersen-Lake-Offengelds), QuantLib's accurate scheme.
    {
        std::vector<VanillaOption> options;
        std::size_t n = quick ? 100 : 1000;
        for (std::size_t i = 0; i < n; ++i) {
            options.push_back(option(today, rows[i], true));
            options.back().setPricingEngine(ext::make_shared<QdFpAmericanEngine>(process(today, rows[i]), QdFpAmericanEngine::accurateScheme()));
        }
        auto run = [&] {
            for (auto& o : options) {
                o.recalculate();
                sink = sink + o.NPV();
            }
        };
        emit(first, "american_qdfp", timed(run, options.size(), seconds), "QdFpAmericanEngine accurateScheme");
    }

    // Heston: AnalyticHestonEngine, adaptive Gauss-Lobatto.
    {
        std::vector<VanillaOption> options;
        std::size_t n = quick ? 100 : 1000;
        DayCounter dc = Actual365Fixed();
        for (std::size_t i = 0; i < n; ++i) {
            const auto& row = rows[i];
            double v0 = row.vol * row.vol;
            auto hp = ext::make_shared<HestonProcess>(
                Handle<YieldTermStructure>(ext::make_shared<FlatForward>(today, row.r, dc)),
                Handle<YieldTermStructure>(ext::make_shared<FlatForward>(today, row.q, dc)),
                Handle<Quote>(ext::make_shared<SimpleQuote>(row.s)), v0, 1.5, v0, 0.5, -0.7);
            options.push_back(option(today, row, false));
            options.back().setPricingEngine(ext::make_shared<AnalyticHestonEngine>(ext::make_shared<HestonModel>(hp), 1e-10, 10000));
        }
        auto run = [&] {
            for (auto& o : options) {
                o.recalculate();
                sink = sink + o.NPV();
            }
        };
        emit(first, "heston", timed(run, options.size(), seconds), "AnalyticHestonEngine adaptive Gauss-Lobatto, tolerance 1e-10");
    }

    std::printf("]}\n");
    return 0;
}
