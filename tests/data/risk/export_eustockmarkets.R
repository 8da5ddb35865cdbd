# Exports R's EuStockMarkets data set and computes an independent historical VaR / ES reference for Assay.
#
# Data: EuStockMarkets, R package 'datasets' (R Core Team, R 4.2.2): daily closing prices of the DAX (Germany),
# SMI (Switzerland), CAC (France) and FTSE (UK) indices, 1991-1998, business days only; the data were provided
# by Erste Bank AG, Vienna. The series is a 'ts' object without dates: observation i (1-based) sits at time
# 1991.496 + (i - 1) / 260 (start 1991.4962, frequency 260 per year). The CSV therefore has a 'day' column
# (1..1860) instead of dates; day d is at R time 1991.4962 + (d - 1) / 260.
#
# Outputs (in this directory):
#   eustockmarkets.csv                  day,DAX,SMI,CAC,FTSE (closes with 15 significant digits, which round-trip)
#   eustockmarkets_var_reference.csv    historical-simulation VaR and ES of the portfolios below
#
# Reference method (written here from the definitions, sharing no code with Assay):
#   h-day log returns r_t = log(P[t + h] / P[t]), overlapping windows t = 1 .. n - h, or non-overlapping windows
#   anchored at the last observation (t + h = n, n - h, n - 2h, ...); shocked spot S * exp(r); full revaluation
#   with the calendar moved forward by h / 365 years: options by the Black-Scholes-Merton formula with R's pnorm,
#   futures as quantity * (F1 - F0) with F = S * exp((r - q) * T), spot as quantity * S. The market (market.csv)
#   and the portfolios (portfolio_linear.csv, portfolio_options.csv) are read from the CSV files the C# test reads.
#   VaR = R's quantile(pnl, 1 - c, type = 1) negated (the k-th largest loss, k = ceiling(n * (1 - c)));
#   ES = mean of the k largest losses, from an explicit sort.
#
# Rerun (Debian: apt-get install -y r-base-core):
#   cd tests/data/risk && Rscript export_eustockmarkets.R

prices <- EuStockMarkets
stopifnot(identical(colnames(prices), c("DAX", "SMI", "CAC", "FTSE")), nrow(prices) == 1860)

# 1. Export. 15 significant digits reproduce every close exactly (they have at most 2 decimals).
closes <- sapply(colnames(prices), function(nm) sprintf("%.15g", prices[, nm]))
stopifnot(all(apply(closes, 2, as.numeric) == unclass(prices)))
export <- data.frame(day = seq_len(nrow(prices)), closes, check.names = FALSE)
write.csv(export, "eustockmarkets.csv", row.names = FALSE, quote = FALSE)

# 2. Reference VaR / ES.
market <- read.csv("market.csv", stringsAsFactors = FALSE)
rownames(market) <- market$underlying

bsm <- function(type, S, K, T, r, q, sigma) {
  d1 <- (log(S / K) + (r - q + sigma^2 / 2) * T) / (sigma * sqrt(T))
  d2 <- d1 - sigma * sqrt(T)
  if (type == "call") {
    S * exp(-q * T) * pnorm(d1) - K * exp(-r * T) * pnorm(d2)
  } else {
    K * exp(-r * T) * pnorm(-d2) - S * exp(-q * T) * pnorm(-d1)
  }
}

# Value of one position at spot S with time to expiry T; a future is worth quantity * F, so that differences
# of values are the futures P&L quantity * (F1 - F0).
position_value <- function(pos, S, elapsed) {
  m <- market[pos$underlying, ]
  switch(pos$kind,
    spot = pos$quantity * S,
    future = pos$quantity * S * exp((m$r - m$q) * (pos$T - elapsed)),
    option = pos$quantity * bsm(pos$type, S, pos$K, pos$T - elapsed, m$r, m$q, m$sigma))
}

scenario_pnl <- function(portfolio, horizon, overlapping) {
  n <- nrow(prices)
  starts <- if (overlapping) seq_len(n - horizon) else rev(seq(n - horizon, 1, by = -horizon))
  elapsed <- horizon / 365
  pnl <- numeric(length(starts))
  for (i in seq_len(nrow(portfolio))) {
    pos <- portfolio[i, ]
    S0 <- market[pos$underlying, "S"]
    series <- as.numeric(prices[, pos$underlying])
    shocked <- S0 * exp(log(series[starts + horizon] / series[starts]))
    base <- position_value(pos, S0, 0)
    pnl <- pnl + sapply(shocked, function(S) position_value(pos, S, elapsed)) - base
  }
  pnl
}

rows <- list()
for (name in c("linear", "options")) {
  portfolio <- read.csv(sprintf("portfolio_%s.csv", name), stringsAsFactors = FALSE)
  for (case in list(list(h = 1, overlapping = TRUE), list(h = 10, overlapping = TRUE), list(h = 10, overlapping = FALSE))) {
    pnl <- scenario_pnl(portfolio, case$h, case$overlapping)
    for (confidence in c(0.95, 0.975, 0.99)) {
      n <- length(pnl)
      k <- ceiling(n * (1 - confidence))
      var <- -unname(quantile(pnl, 1 - confidence, type = 1))
      losses <- sort(-pnl, decreasing = TRUE)
      stopifnot(losses[k] == var)
      es <- mean(losses[1:k])
      rows[[length(rows) + 1]] <- data.frame(
        portfolio = name, horizon_days = case$h, windows = if (case$overlapping) "overlapping" else "non-overlapping",
        confidence = sprintf("%.15g", confidence), scenarios = n, k = k,
        var = sprintf("%.17g", var), es = sprintf("%.17g", es))
    }
  }
}
write.csv(do.call(rbind, rows), "eustockmarkets_var_reference.csv", row.names = FALSE, quote = FALSE)
