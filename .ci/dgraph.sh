#!/usr/bin/env bash
# Builds the Dgraph server binary the Dgraph store tests run against and
# prints its path. Dgraph stays out of claimgraph's go.mod (it pins its own
# forks of Badger and gqlgen), so it is built from its module source in a
# throwaway module. `go install ...@v24.0.5` does not work (the proxy refuses
# the version list), so the module is downloaded by exact version, copied out
# of the read-only module cache and built there. The binary is cached, so CI
# builds it once per machine.
set -euo pipefail
version=v24.0.5
cache="${CLAIMGRAPH_CACHE:-$HOME/.cache/claimgraph}"
bin="$cache/dgraph-$version"
if [ -x "$bin" ]; then echo "$bin"; exit 0; fi
mkdir -p "$cache"
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
(
  cd "$work"
  go mod init dgbuild >/dev/null 2>&1
  dir=$(go mod download -json "github.com/dgraph-io/dgraph/v24@$version" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  cp -r "$dir" src
  chmod -R u+w src
  cd src
  GOFLAGS=-mod=mod go build -o "$bin.tmp" ./dgraph
) >&2
mv "$bin.tmp" "$bin"
echo "$bin"
