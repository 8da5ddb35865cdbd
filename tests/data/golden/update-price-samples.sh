#!/usr/bin/env bash
# Regenerates price-samples.sha256: the SHA-256 of the CSV that each bundled sample prices to.
# Run only for a deliberate change of engine arithmetic, and say why in the commit.
set -euo pipefail
cd "$(dirname "$0")/../../.."
dotnet build src/Assay.Cli -c Release --nologo -v q > /dev/null
assay() { dotnet src/Assay.Cli/bin/Release/net10.0/assay.dll "$@"; }
out=tests/data/golden/price-samples.sha256
{
  echo "# sha256  model  sample  (tests/Assay.Cli.Tests/GoldenOutputTests.cs; regenerate with update-price-samples.sh)"
  for pair in bsm:book-bsm.csv black76:black76.csv american:american.csv barrier:barrier.csv \
              asian-geometric:asian-geometric.csv lookback:lookback.csv heston:heston.csv; do
    model=${pair%%:*}; sample=${pair#*:}
    echo "$(assay price --model "$model" --input "samples/$sample" --output - 2>/dev/null | sha256sum | cut -d' ' -f1)  $model $sample"
  done
  echo "$(assay iv --input samples/iv.csv --output - 2>/dev/null | sha256sum | cut -d' ' -f1)  iv iv.csv"
} > "$out"
cat "$out"
