#!/usr/bin/env bash
# Publishes samples/QuickStart as a Native AOT executable (PublishAot=true, set by QuickStartPublishAot) and runs it against its embedded fake API.
# Fails on any trim, AOT or single-file warning (ILxxxx), on a build error, or when the binary fails.
#
# Needs, besides the .NET 10 SDK, a C toolchain for the native link. On Debian/Ubuntu:
#   sudo apt-get install -y clang zlib1g-dev
# Debian's clang-NN packages install only `clang-NN`: the newest of those is used when `clang` is not on PATH.
#
# Usage: bash samples/QuickStart/publish-aot.sh [OUTPUT_DIR]   (default: a fresh temporary folder, removed afterwards)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

compiler=()
if ! command -v clang >/dev/null 2>&1; then
  versioned="$(compgen -c clang- | grep -E '^clang-[0-9]+$' | sort -t- -k2 -n | tail -n 1 || true)"
  if [[ -z "$versioned" ]]; then
    echo "publish-aot: no clang found. Install the native toolchain: sudo apt-get install -y clang zlib1g-dev" >&2
    exit 3
  fi
  compiler=("-p:CppCompilerAndLinker=$versioned")
fi

if [[ ! -e /usr/include/zlib.h ]] && ! ldconfig -p 2>/dev/null | grep -q 'libz\.so '; then
  echo "publish-aot: zlib's development files are missing. Install them: sudo apt-get install -y zlib1g-dev" >&2
  exit 3
fi

rid="linux-$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')"
if [[ $# -ge 1 ]]; then
  out="$1"
  mkdir -p "$out"
else
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi
log="$out/publish.log"

started=$SECONDS
status=0
# Own artifacts folder, so that this publish neither races with nor reuses a build of the live tree.
dotnet publish samples/QuickStart/QuickStart.csproj -c Release -r "$rid" \
  -p:QuickStartPublishAot=true -p:ArtifactsPath="$out/artifacts" -o "$out/bin" "${compiler[@]}" \
  -nodeReuse:false -clp:NoSummary >"$log" 2>&1 || status=$?
published=$((SECONDS - started))

# Warnings as MSBuild prints them: "file(line,col): warning IL2026: ..."; deduplicated, for the count.
warnings="$(grep -E 'warning (IL[0-9]{4}|CS[0-9]{4}|NU[0-9]{4}|MSB[0-9]{4})' "$log" | sort -u || true)"
if [[ $status -ne 0 ]]; then
  cat "$log" >&2
  echo "publish-aot: dotnet publish failed (exit $status) after ${published}s" >&2
  exit 1
fi
if [[ -n "$warnings" ]]; then
  echo "$warnings" >&2
  echo "publish-aot: $(wc -l <<<"$warnings") warning(s) in the AOT publish; expected none" >&2
  exit 1
fi

binary="$out/bin/QuickStart"
echo "publish-aot: published in ${published}s, 0 warnings, $(du -h "$binary" | cut -f1) native executable ($rid)"

run_started=$SECONDS
"$binary"
echo "publish-aot: the native QuickStart ran in $((SECONDS - run_started))s; total $((SECONDS - started))s"
