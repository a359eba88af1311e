#!/usr/bin/env bash
# Makes a `pulumi` CLI of the version pinned for @pulumi/pulumi available and prints
# the directory to put first on PATH (the only line on stdout; progress goes to stderr).
#
#   export PATH="$(scripts/pulumi-cli.sh):$PATH"
#
# 1. A `pulumi` of that version already on PATH, with a Node.js language host: use it.
# 2. Otherwise build it from Go modules (no release download needed) into
#    ${XDG_CACHE_HOME:-~/.cache}/pulumi-eosvolt/pulumi-cli/<version>/bin, once per version.
# Recipe and measurements: docs/pulumi-cli.md.
set -euo pipefail

PULUMI_VERSION="${PULUMI_VERSION:-3.248.0}"
# The last sdk/v3 release that still holds the Node.js language host as a Go package.
LANGHOST_SDK_VERSION="3.68.0"
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-eosvolt/pulumi-cli"
OUT="$CACHE_ROOT/v$PULUMI_VERSION"
BIN="$OUT/bin"

log() { printf '[pulumi-cli] %s\n' "$*" >&2; }

# 1. Already installed?
if command -v pulumi >/dev/null 2>&1 && command -v pulumi-language-nodejs >/dev/null 2>&1; then
  have="$(pulumi version 2>/dev/null || true)"
  if [ "$have" = "v$PULUMI_VERSION" ]; then
    dirname "$(command -v pulumi)"
    exit 0
  fi
fi

# 2. Cached build?
if [ -x "$BIN/pulumi" ] && [ -x "$BIN/pulumi-language-nodejs" ] && [ -x "$BIN/pulumi-resource-pulumi-nodejs" ] && [ -f "$OUT/.complete" ]; then
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

start=$(date +%s)
log "building Pulumi CLI v$PULUMI_VERSION from Go modules into $OUT (first time only, a few minutes)"
mkdir -p "$OUT/cli" "$OUT/langhost" "$BIN"
LDFLAGS="-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION"

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

cat > "$OUT/langhost/go.mod" <<MOD
module eosvolt.local/pulumi-langhost

go 1.25.11

require github.com/pulumi/pulumi/sdk/v3 v$LANGHOST_SDK_VERSION
MOD
cat > "$OUT/langhost/tools.go" <<'GO'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs"
GO

build_cli() {
  cd "$OUT/cli"
  go mod tidy >&2
  go build -ldflags "$LDFLAGS" -o "$BIN/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
}
build_langhost() {
  cd "$OUT/langhost"
  go mod tidy >&2
  go build -ldflags "$LDFLAGS" -o "$BIN/pulumi-language-nodejs" github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs >&2
}

log "step 1/3: CLI (pkg/v3 v$PULUMI_VERSION) and language host (sdk/v3 v$LANGHOST_SDK_VERSION), side by side"
build_cli & cli_pid=$!
build_langhost & lh_pid=$!
# Progress while the Go toolchain works silently.
while kill -0 "$cli_pid" 2>/dev/null || kill -0 "$lh_pid" 2>/dev/null; do
  sleep 15
  log "  still building… $(( $(date +%s) - start )) s"
done
wait "$cli_pid" || { log "CLI build failed"; exit 1; }
wait "$lh_pid" || { log "language host build failed"; exit 1; }

log "step 2/3: dynamic-provider and policy scripts from the sdk/v3 module cache"
modcache="$(go env GOMODCACHE)"
( cd "$OUT/cli" && go mod download "github.com/pulumi/pulumi/sdk/v3@v$PULUMI_VERSION" >&2 )
( cd "$OUT/langhost" && go mod download "github.com/pulumi/pulumi/sdk/v3@v$LANGHOST_SDK_VERSION" >&2 )
install -m 0755 "$modcache/github.com/pulumi/pulumi/sdk/v3@v$PULUMI_VERSION/nodejs/dist/pulumi-resource-pulumi-nodejs" "$BIN/"
install -m 0755 "$modcache/github.com/pulumi/pulumi/sdk/v3@v$LANGHOST_SDK_VERSION/nodejs/dist/pulumi-analyzer-policy" "$BIN/"

log "step 3/3: check"
"$BIN/pulumi" version >&2
touch "$OUT/.complete"
log "done in $(( $(date +%s) - start )) s"
echo "$BIN"
