#!/usr/bin/env bash
# Seeds each fuzz target's corpus with the project's own inputs: the bundled
# seeds and every test fixture, the seed graph exported in each RDF format,
# and requests built from the shipped queries. Run from the fuzz/ folder,
# after building poakg (it uses the release binary to export RDF).
set -euo pipefail
cd "$(dirname "$0")"
root=..
poakg="${POAKG:-${CARGO_TARGET_DIR:-$HOME/.cache/poakg/target}/release/poakg}"
mkdir -p corpus/plan_text corpus/programme_page corpus/rdf_source corpus/http_request
cp "$root"/seeds/*.txt "$root"/tests/fixtures/*/*.txt corpus/plan_text/
cp "$root"/seeds/*.md "$root"/tests/fixtures/*/*.md corpus/programme_page/ 2>/dev/null || true
# rdf_source: the first byte picks the format (see fuzz_targets/rdf_source.rs)
i=0
for format in turtle ntriples nquads trig jsonld rdfxml; do
  { printf "\\x$(printf %02x $i)"; "$poakg" --memory export --format "$format" 2>/dev/null | head -c 200000 || true; } > "corpus/rdf_source/seed-$format"
  i=$((i + 1))
done
{ printf '\x00'; cat "$root"/ontology/poakg.ttl; } > corpus/rdf_source/ontology.ttl
{ printf '\x00'; cat "$root"/ontology/shapes.ttl; } > corpus/rdf_source/shapes.ttl
# http_request: method byte, then target, headers (accept, content-type,
# origin, host, sec-fetch-site, content-length), then the body, one per line
n=0
for q in "$root"/queries/*.rq; do
  body=$(tr '\n' ' ' < "$q")
  printf '\x01/sparql\napplication/sparql-results+json\napplication/sparql-query\n\n127.0.0.1\n\n\n%s' "$body" > "corpus/http_request/post-$n"
  printf '\x00/sparql?query=%s\ntext/csv\n\n\n\n\n\n' "$(python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.stdin.read()))' < "$q")" > "corpus/http_request/get-$n"
  n=$((n + 1))
done
printf '\x01/sparql\n*/*\napplication/x-www-form-urlencoded\nhttp://evil.example\n127.0.0.1\ncross-site\n\nupdate=INSERT%%20DATA%%20%%7B%%3Ca%%3E%%20%%3Cb%%3E%%20%%3Cc%%3E%%20%%7D' > corpus/http_request/forged-update
printf '\x00/graph-store?default\ntext/turtle\n\n\n\n\n\n' > corpus/http_request/graph-store
printf '\x00/id/asean-us-poa-2021-2025/clause/1.2.16\ntext/html\n\n\n\n\n\n' > corpus/http_request/deref
printf '\x02/sparql\n\n\nhttp://x\n\n\n\n' > corpus/http_request/options
echo "seeded: $(ls corpus/plan_text | wc -l) plans, $(ls corpus/programme_page | wc -l) pages, $(ls corpus/rdf_source | wc -l) RDF, $(ls corpus/http_request | wc -l) requests"
