#!/usr/bin/env bash
# Measures match quality of the current default configuration on every public data set in
# ../shared/data and on generated data (10k and 100k people), and prints the Markdown table of
# docs/quality.md. Run from the project root: tools/quality-table.sh
# Each row runs exactly the command shown in docs/quality.md; the generated data goes to /tmp.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
data=../shared/data

row() { # name, then the evaluate arguments
  local name="$1"; shift
  local last
  last="$(./unum evaluate "$@" | tail -n 1)"
  # pairwise_precision=P pairwise_recall=R pairwise_f1=F bcubed_f1=B profiles=N records=M seconds=S
  echo "$last" | awk -v name="$name" '{
    for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "| %s | %s | %s | %s | %s | %s / %s | %s |\n", name, v["pairwise_precision"], v["pairwise_recall"],
      v["pairwise_f1"], v["bcubed_f1"], v["profiles"], v["records"], v["seconds"] }'
}

./unum generate --people 10000 --seed 1 --out /tmp/gen10k > /dev/null
./unum generate --people 100000 --seed 1 --out /tmp/gen100k > /dev/null
./unum generate --people 10000 --seed 1 --no-junk --out /tmp/gen10k-nojunk > /dev/null
./unum generate --people 100000 --seed 1 --no-junk --out /tmp/gen100k-nojunk > /dev/null

echo "| data set | pairwise precision | pairwise recall | pairwise F1 | B-cubed F1 | profiles / records | seconds |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
row febrl1 --input $data/febrl1/dataset1.csv --truth-pattern 'rec-(\d+)'
row febrl2 --input $data/febrl2/dataset2.csv --truth-pattern 'rec-(\d+)'
row febrl3 --input $data/febrl3/dataset3.csv --truth-pattern 'rec-(\d+)'
row "febrl3 without soc_sec_id" --input $data/febrl3/dataset3.csv --truth-pattern 'rec-(\d+)' --ignore-column soc_sec_id
row febrl4 --input $data/febrl4/dataset4a.csv --input $data/febrl4/dataset4b.csv --truth-pattern 'rec-(\d+)'
row "febrl4, each file duplicate-free" --input $data/febrl4/dataset4a.csv --input $data/febrl4/dataset4b.csv \
    --truth-pattern 'rec-(\d+)' --duplicate-free dataset4a --duplicate-free dataset4b
row "febrl4 without soc_sec_id" --input $data/febrl4/dataset4a.csv --input $data/febrl4/dataset4b.csv \
    --truth-pattern 'rec-(\d+)' --ignore-column soc_sec_id
row splink_fake_1000 --input $data/splink_fake_1000/fake_1000.csv --truth-column cluster
row "senzing truth set (CSV)" --input $data/senzing_truthset_demo/customers.csv \
    --input $data/senzing_truthset_demo/reference.csv --input $data/senzing_truthset_demo/watchlist.csv \
    --truth $data/senzing_truthset_demo/actual_truthset_key.csv
row "senzing truth set (JSON lines)" --input $data/senzing_truthset_demo/customers.jsonl \
    --input $data/senzing_truthset_demo/reference.jsonl --input $data/senzing_truthset_demo/watchlist.jsonl \
    --truth $data/senzing_truthset_demo/actual_truthset_key.csv
row "bundled sample (no --input)"
row "bundled sample, --duplicate-free crm" --duplicate-free crm
row "generated, 10k people (seed 1)" --input /tmp/gen10k/records.csv --truth /tmp/gen10k/truth.csv
row "generated, 100k people (seed 1)" --input /tmp/gen100k/records.csv --truth /tmp/gen100k/truth.csv
row "generated without junk, 10k people (seed 1)" --input /tmp/gen10k-nojunk/records.csv --truth /tmp/gen10k-nojunk/truth.csv
row "generated without junk, 100k people (seed 1)" --input /tmp/gen100k-nojunk/records.csv --truth /tmp/gen100k-nojunk/truth.csv
