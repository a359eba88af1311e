#!/usr/bin/env bash
# Makes a `pulumi` CLI of version $PULUMI_VERSION (default: the default leg's CLI in
# toolchain.json) available and prints the directory to put first on PATH (the only line
# on stdout; progress goes to stderr).
#
#   export PATH="$(scripts/pulumi-cli.sh):$PATH"
#
# 1. A `pulumi` of that version already on PATH, with a Node.js language host: use it.
# 2. Otherwise build it from Go modules (no release download needed) into
#    ${XDG_CACHE_HOME:-~/.cache}/pulumi-eosvolt/pulumi-cli/<version>/bin, once per version.
#    The Node.js language host in there is this project's own test host, built from
#    scripts/langhost (rebuilt when its sources change). The Pulumi YAML language host,
#    pulumi-language-yaml, is built from its Go module (github.com/pulumi/pulumi-yaml
#    v$YAML_VERSION) into the same folder; a cached CLI without it only gets it added.
# Recipe and measurements: docs/pulumi-cli.md.
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PULUMI_VERSION="${PULUMI_VERSION:-$(node -p 'const t = require(process.argv[1]); t.legs[t.defaultLeg].pulumiCli' "$ROOT_DIR/toolchain.json")}"
# The last sdk/v3 release that still ships the `pulumi-analyzer-policy` script.
ANALYZER_SDK_VERSION="3.68.0"
# The Pulumi YAML language host (runs `runtime: yaml` programs: examples/yaml, test/engine/yaml.test.ts).
YAML_VERSION="1.25.0"
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-eosvolt/pulumi-cli"
OUT="$CACHE_ROOT/v$PULUMI_VERSION"
BIN="$OUT/bin"

log() { printf '[pulumi-cli] %s\n' "$*" >&2; }

# --- langhost (scripts/langhost): the project's own pulumi-language-nodejs -------------------
# The language host's own Go module is not available from the module proxy, and the last
# host inside sdk/v3 (v3.68.0) cannot run policy packs, so we build scripts/langhost instead.
# Its cache key is a hash of its sources: a change there rebuilds just the host.
LANGHOST_SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/langhost" && pwd)"
sha256() { if command -v sha256sum >/dev/null 2>&1; then sha256sum; else shasum -a 256; fi; }
LANGHOST_SHA="$(cd "$LANGHOST_SRC" && cat go.mod go.sum ./*.go | sha256 | cut -c1-16)"
LANGHOST_MARK="$OUT/.langhost-$LANGHOST_SHA"
# --- end langhost ------------------------------------------------------------------------------

# 1. Already installed? (Not our own cache folder, which step 2 checks for a stale host.)
if command -v pulumi >/dev/null 2>&1 && command -v pulumi-language-nodejs >/dev/null 2>&1 \
  && command -v pulumi-language-yaml >/dev/null 2>&1 \
  && [ "$(dirname "$(command -v pulumi)")" != "$BIN" ]; then
  have="$(pulumi version 2>/dev/null || true)"
  if [ "$have" = "v$PULUMI_VERSION" ]; then
    dirname "$(command -v pulumi)"
    exit 0
  fi
fi

# 2. Cached build?
cli_ok=false
if [ -x "$BIN/pulumi" ] && [ -x "$BIN/pulumi-resource-pulumi-nodejs" ] && [ -x "$BIN/pulumi-analyzer-policy" ] && [ -f "$OUT/.complete" ]; then
  cli_ok=true
fi
langhost_ok=false
if [ -x "$BIN/pulumi-language-nodejs" ] && [ -f "$LANGHOST_MARK" ]; then
  langhost_ok=true
fi
yaml_ok=false
if [ -x "$BIN/pulumi-language-yaml" ] && [ -f "$OUT/.yaml-$YAML_VERSION" ]; then
  yaml_ok=true
fi
if $cli_ok && $langhost_ok && $yaml_ok; then
  echo "$BIN"
  exit 0
fi

if ! command -v go >/dev/null 2>&1 && $cli_ok && [ -x "$BIN/pulumi-language-nodejs" ]; then
  # --- langhost: sources changed but no Go to rebuild; the cached host still works.
  log "warning: the cached language host was not built from the current scripts/langhost and there is no Go toolchain to rebuild it; using it as it is"
  echo "$BIN"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<MSG
[pulumi-cli] No Pulumi CLI v$PULUMI_VERSION on PATH and no Go toolchain to build one.
[pulumi-cli] Install one of:
[pulumi-cli]   - the Pulumi CLI:  curl -fsSL https://get.pulumi.com | sh -s -- --version $PULUMI_VERSION
[pulumi-cli]   - Go >= 1.25 (https://go.dev/dl/), then run this script again to build it from Go modules.
MSG
  exit 1
fi

# --- yaml: pulumi-language-yaml from its Go module (no replace in its go.mod, so `go install` works) ---
build_yaml() {
  GOWORK=off GOBIN="$BIN" go install "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@v$YAML_VERSION" >&2 \
    && rm -f "$OUT"/.yaml-* && touch "$OUT/.yaml-$YAML_VERSION"
}
# --- end yaml ------------------------------------------------------------------------------------

start=$(date +%s)
LDFLAGS="-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION"
mkdir -p "$OUT/cli" "$BIN"

# --- langhost: build scripts/langhost (go.sum is committed; nothing is written to the repo) ---
build_langhost() {
  ( cd "$LANGHOST_SRC" && GOWORK=off go build -mod=readonly -ldflags "$LDFLAGS" -o "$BIN/pulumi-language-nodejs.tmp" . >&2 ) \
    && mv -f "$BIN/pulumi-language-nodejs.tmp" "$BIN/pulumi-language-nodejs" \
    && rm -f "$OUT"/.langhost-* && touch "$LANGHOST_MARK"
}
if $cli_ok; then
  if ! $langhost_ok; then
    log "the cached Node.js language host is out of date; building it from $LANGHOST_SRC"
    rm -rf "$OUT/langhost"  # wrapper module of the former v3.68.0 host, if any
    build_langhost || { log "language host build failed"; exit 1; }
  fi
  if ! $yaml_ok; then
    log "adding pulumi-language-yaml v$YAML_VERSION to the cached CLI (about 2 minutes with a warm module cache)"
    build_yaml || { log "pulumi-language-yaml build failed"; exit 1; }
  fi
  log "done in $(( $(date +%s) - start )) s"
  echo "$BIN"
  exit 0
fi
# --- end langhost ------------------------------------------------------------------------------

log "building Pulumi CLI v$PULUMI_VERSION from Go modules into $OUT (first time only, a few minutes)"

cat > "$OUT/cli/go.mod" <<MOD
module eosvolt.local/pulumi-cli

go 1.25.11

require (
	github.com/pulumi/pulumi/pkg/v3 v$PULUMI_VERSION
	github.com/pulumi/pulumi/sdk/v3 v$PULUMI_VERSION
)

replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
MOD
cat > "$OUT/cli/tools.go" <<'GO'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
GO

build_cli() {
  cd "$OUT/cli"
  go mod tidy >&2
  go build -ldflags "$LDFLAGS" -o "$BIN/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
}

log "step 1/3: CLI (pkg/v3 v$PULUMI_VERSION) and language host (scripts/langhost), side by side"
build_cli & cli_pid=$!
build_langhost & lh_pid=$!
# Progress while the Go toolchain works silently.
while kill -0 "$cli_pid" 2>/dev/null || kill -0 "$lh_pid" 2>/dev/null; do
  sleep 15
  log "  still building… $(( $(date +%s) - start )) s"
done
wait "$cli_pid" || { log "CLI build failed"; exit 1; }
wait "$lh_pid" || { log "language host build failed"; exit 1; }

log "step 2/3: pulumi-language-yaml v$YAML_VERSION, dynamic-provider and policy scripts from the sdk/v3 module cache"
modcache="$(go env GOMODCACHE)"
( cd "$OUT/cli" && go mod download "github.com/pulumi/pulumi/sdk/v3@v$PULUMI_VERSION" >&2 )
( cd "$OUT" && go mod download "github.com/pulumi/pulumi/sdk/v3@v$ANALYZER_SDK_VERSION" >&2 )
install -m 0755 "$modcache/github.com/pulumi/pulumi/sdk/v3@v$PULUMI_VERSION/nodejs/dist/pulumi-resource-pulumi-nodejs" "$BIN/"
install -m 0755 "$modcache/github.com/pulumi/pulumi/sdk/v3@v$ANALYZER_SDK_VERSION/nodejs/dist/pulumi-analyzer-policy" "$BIN/"
build_yaml || { log "pulumi-language-yaml build failed"; exit 1; }

log "step 3/3: check"
"$BIN/pulumi" version >&2
touch "$OUT/.complete"
log "done in $(( $(date +%s) - start )) s"
echo "$BIN"
