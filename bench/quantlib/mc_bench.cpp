// QuantLib reference timings for `assay bench mc`, in C++ (Debian's libquantlib0-dev, QuantLib 1.29).
//
// Times, single-threaded, QuantLib's Monte Carlo engines with PseudoRandom (Mersenne twister + inverse cumulative
// normal) on the same contracts as src/Assay.Cli/Commands/McBenchmarks.cs, and prints one JSON object
// {"quantlib_version", "results": [{"name", "ns_per_item", "note"}]}: ns per path for one-step runs and ns per
// path-step for 252-step runs. Build and run with bench/quantlib/run-mc.sh. Written for this project; it only calls
// QuantLib's public API. QuantLib computes the price only (no Greek estimators); Assay also sums delta and vega.
#include <ql/quantlib.hpp>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

using namespace QuantLib;

namespace {

bool quick = false;
volatile double sink = 0;

// Best of three: repeat `run` (which simulates `items` items) for at least `seconds`, report ns per item.
double timed(const std::function<void()>& run, double items, double seconds) {
    run();  // warm-up
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
        best = std::min(best, elapsed / (double(runs) * items) * 1e9);
    }
    return best;
}

void emit(bool& first, const char* name, double ns, const std::string& note) {
    std::printf("%s{\"name\":\"%s\",\"ns_per_item\":%.6g,\"note\":\"%s\"}", first ? "" : ",", name, ns, note.c_str());
    first = false;
}

// The benchmark contract: S = K = 100, T = 1 year (365 days), r = 0.03, q = 0.01, sigma = 0.25, call.
const double S = 100, K = 100, R = 0.03, Q = 0.01, VOL = 0.25;
const Size STEPS = 252;

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--quick") == 0) quick = true;
    const double seconds = quick ? 0.2 : 1.0;
    Date today(21, November, 2026);
    Settings::instance().evaluationDate() = today;
    DayCounter dc = Actual365Fixed();
    Date maturity = today + 365;
    auto spot = Handle<Quote>(ext::make_shared<SimpleQuote>(S));
    auto rate = Handle<YieldTermStructure>(ext::make_shared<FlatForward>(today, R, dc));
    auto dividend = Handle<YieldTermStructure>(ext::make_shared<FlatForward>(today, Q, dc));
    auto vol = Handle<BlackVolTermStructure>(ext::make_shared<BlackConstantVol>(today, NullCalendar(), VOL, dc));
    auto bsm = ext::make_shared<BlackScholesMertonProcess>(spot, dividend, rate, vol);
    auto payoff = ext::make_shared<PlainVanillaPayoff>(Option::Call, K);
    auto exercise = ext::make_shared<EuropeanExercise>(maturity);

    std::printf("{\"quantlib_version\":\"%s\",\"results\":[", QL_VERSION);
    bool first = true;

    // European, one time step: ns per path.
    {
        Size paths = quick ? 20000 : 200000;
        VanillaOption option(payoff, exercise);
        option.setPricingEngine(MakeMCEuropeanEngine<PseudoRandom>(bsm).withSteps(1).withSamples(paths).withSeed(42));
        double ns = timed([&] { option.recalculate(); sink = sink + option.NPV(); }, double(paths), seconds);
        emit(first, "mc_european_1step", ns, "MCEuropeanEngine<PseudoRandom>, 1 step, " + std::to_string(paths) + " paths; ns per path");
    }

    // European, 252 time steps: ns per path-step.
    {
        Size paths = quick ? 1000 : 4000;
        VanillaOption option(payoff, exercise);
        option.setPricingEngine(MakeMCEuropeanEngine<PseudoRandom>(bsm).withSteps(STEPS).withSamples(paths).withSeed(42));
        double ns = timed([&] { option.recalculate(); sink = sink + option.NPV(); }, double(paths) * STEPS, seconds);
        emit(first, "mc_european_252steps", ns, "MCEuropeanEngine<PseudoRandom>, 252 steps, " + std::to_string(paths) + " paths; ns per path-step");
    }

    // Arithmetic Asian, 252 equally spaced fixings (one per step), no control variate: ns per path-step.
    {
        Size paths = quick ? 1000 : 4000;
        std::vector<Date> fixings;
        for (Size i = 1; i <= STEPS; ++i)
            fixings.push_back(today + Integer(std::lround(365.0 * double(i) / double(STEPS))));
        DiscreteAveragingAsianOption option(Average::Arithmetic, 0.0, 0, fixings, payoff, exercise);
        option.setPricingEngine(MakeMCDiscreteArithmeticAPEngine<PseudoRandom>(bsm).withSamples(paths).withSeed(42));
        double ns = timed([&] { option.recalculate(); sink = sink + option.NPV(); }, double(paths) * STEPS, seconds);
        emit(first, "mc_asian_252steps", ns,
             "MCDiscreteArithmeticAPEngine<PseudoRandom>, 252 fixings, no control variate, " + std::to_string(paths) + " paths; ns per path-step");
    }

    // Heston (QE discretisation, QuantLib's default), 252 steps: ns per path-step.
    {
        Size paths = quick ? 500 : 2000;
        auto heston = ext::make_shared<HestonProcess>(rate, dividend, spot, 0.04, 1.5, 0.04, 0.5, -0.7);
        VanillaOption option(payoff, exercise);
        option.setPricingEngine(MakeMCEuropeanHestonEngine<PseudoRandom>(heston).withSteps(STEPS).withSamples(paths).withSeed(42));
        double ns = timed([&] { option.recalculate(); sink = sink + option.NPV(); }, double(paths) * STEPS, seconds);
        emit(first, "mc_heston_252steps", ns,
             "MCEuropeanHestonEngine<PseudoRandom>, QE, v0=theta=0.04 kappa=1.5 sigma_v=0.5 rho=-0.7, 252 steps, " + std::to_string(paths) + " paths; ns per path-step");
    }

    std::printf("]}\n");
    return 0;
}
