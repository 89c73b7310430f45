#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 1800: 30 CPU-minutes), one
# after another, on libFuzzer with the seeded corpus; a crash stops with its
# input in artifacts/<target>/. Needs the nightly toolchain and cargo-fuzz
# (`cargo install cargo-fuzz`). Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-1800}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(plan_text programme_page rdf_source http_request)
[ -d corpus ] || ./seed-corpus.sh
for t in "${targets[@]}"; do
  echo "fuzz: $t for ${seconds}s"
  cargo +nightly fuzz run "$t" -s none --release -- \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 \
    2>&1 | grep -E "^(#[0-9]+ *(DONE|pulse)|stat::|==|SUMMARY|Done|.*panicked|.*Test unit written)" || true
done
