#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 1800: 30 CPU-minutes), one
# after another, on libFuzzer with the seeded corpus; a crash stops with its
# input in artifacts/<target>/ and makes the script fail. Needs the nightly toolchain and cargo-fuzz
# (`cargo install cargo-fuzz`). Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-1800}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(plan_text programme_page rdf_source http_request)
[ -d corpus ] || ./seed-corpus.sh
failed=()
for t in "${targets[@]}"; do
  echo "fuzz: $t for ${seconds}s"
  log="$(mktemp)"
  # the fuzzer's own exit status decides: a target that does not build or a
  # run that crashes fails the script (the filter only shortens the output)
  if cargo +nightly fuzz run "$t" -s none --release -- \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1; then
    status=0
  else
    status=$?
  fi
  grep -E "^(#[0-9]+ *(DONE|pulse)|stat::|==|SUMMARY|Done|.*panicked|.*Test unit written|error)" "$log" || true
  if [ "$status" -ne 0 ]; then
    echo "fuzz: $t FAILED (exit $status); last lines:"
    tail -20 "$log"
    failed+=("$t")
  fi
  rm -f "$log"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]}"
  exit 1
fi
echo "fuzz: every target ran without a crash"
