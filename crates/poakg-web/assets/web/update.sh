#!/usr/bin/env bash
# Fetches the pinned Cytoscape.js (package-lock.json: version and tarball
# integrity) from the npm registry and copies its minified build here, where
# `poakg serve` embeds it (src/server/assets.rs, include_bytes!). Run after
# changing the version in package.json; then update SHA256SUMS
# (`sha256sum cytoscape.min.js > SHA256SUMS`), which a test checks.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp package.json package-lock.json "$tmp"
(cd "$tmp" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
cp "$tmp/node_modules/cytoscape/dist/cytoscape.min.js" .
cp "$tmp/node_modules/cytoscape/LICENSE" cytoscape.LICENSE
sha256sum -c SHA256SUMS
