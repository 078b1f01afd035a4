#!/usr/bin/env bash
# Vendor the Vega, Vega-Lite and vega-embed browser builds the dashboard serves (no CDN).
# Versions match the Vega-Lite that Altair/vl-convert produce (altair.SCHEMA_VERSION).
# Usage: scripts/vendor-vega.sh   (needs npm; writes src/sectorlens/web/static/vendor/)
set -euo pipefail
cd "$(dirname "$0")/.."
PKGS=("vega@6.2.0" "vega-lite@6.4.1" "vega-embed@7.3.0")
OUT=src/sectorlens/web/static/vendor
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
(cd "$TMP" && npm pack --silent "${PKGS[@]}" >/dev/null)
for spec in "${PKGS[@]}"; do
  name=${spec%@*}
  mkdir -p "$TMP/$name"
  tar xzf "$TMP/$name-${spec#*@}.tgz" -C "$TMP/$name"
  cp "$TMP/$name/package/build/$name.min.js" "$OUT/$name.min.js"
  cp "$TMP/$name/package/LICENSE" "$OUT/$name.LICENSE"
done
{
  echo "# Vendored from the npm registry by scripts/vendor-vega.sh (unmodified build files)."
  for spec in "${PKGS[@]}"; do echo "$spec"; done
  (cd "$OUT" && sha256sum ./*.min.js)
} > "$OUT/VERSIONS.txt"
