#!/usr/bin/env bash
# Generated-source size, ours vs Kiota (and NSwag when its tool is installed), per spec, side by side in one run;
# prints one Markdown table with the ratios ours/Kiota for bytes and lines (DESIGN.md §8: <= 0.5x on the GitHub spec).
#   bash benchmarks/size-table.sh [SPEC...]
# Default specs: GitHub's REST API (../shared/corpus-large/fetch.sh), and the corpus's largest: directus.json,
# blockfrost.yaml, oas-examples/3.1-readme.json. A SPEC is a path, or a path relative to ../shared/corpus.
# Environment:
#   KIOTA_CACHE=DIR  reuse DIR/kiota-<spec name without extension> when it exists (e.g. /tmp/peers), else generate
#   KIOTA_ARGS=...   Kiota's options (default --exclude-backward-compatible; KIOTA_ARGS= gives its full default output,
#                    which on GitHub is 3,749 files/329k lines instead of 3,599/307k)
#   NSWAG=0          skip NSwag even when `nswag` (dotnet tool NSwag.ConsoleCore) is installed
#   KEEP=DIR         keep every output under DIR (ours/, kiota/, nswag/) instead of a temp folder
#   REF=COMMIT       measure the generator as committed at COMMIT (a `git archive` copy in the temp folder) instead of
#                    the live work tree, e.g. REF=HEAD while the tree is mid-edit, or two runs to compare before/after
#                    (where COMMIT has no GeneratorProfile, ours comes from builds)
#   OURS=build       take ours from real builds only (see below), not from GeneratorProfile
#   WEBHOOKS=1       ours with the webhooks' payload types too (Webhooks="true"; by default they are left out, ACG017)
# Ours: benchmarks/Aitronos.Codegen.GeneratorProfile --dump (the generator in memory, as the tests drive it); where
# that fails for a spec, a real `dotnet build` of a throwaway project with EmitCompilerGeneratedFiles (marked "build").
# Kiota 1.38 (dotnet tool Microsoft.OpenApi.Kiota): kiota generate -l CSharp -c ApiClient --exclude-backward-compatible,
# *.cs only. NSwag (openapi2csclient, its defaults: one file, Newtonsoft.Json). Lines are counted the same way for all
# (lines of text, a last line without a newline counts); bytes are file sizes.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$repo/../shared/corpus"
export PATH="$PATH:$HOME/.dotnet/tools"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

specs=()
if [ $# -gt 0 ]; then
  for s in "$@"; do
    if [ -f "$s" ]; then specs+=("$(cd "$(dirname "$s")" && pwd)/$(basename "$s")")
    elif [ -f "$corpus/$s" ]; then specs+=("$corpus/$s")
    else echo "spec not found: $s" >&2; exit 2; fi
  done
else
  large="$("$repo/../shared/corpus-large/fetch.sh")"
  specs=("$large/github-3.0.json" "$corpus/directus.json" "$corpus/blockfrost.yaml" "$corpus/oas-examples/3.1-readme.json")
fi

if [ -n "${KEEP:-}" ]; then work="$KEEP"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
src="$repo"   # the tree whose generator is measured
if [ -n "${REF:-}" ]; then
  REF="$(git -C "$repo" rev-parse --short "$REF^{commit}")"   # fixed now: HEAD may move while this runs
  src="$work/src"; rm -rf "$src"; mkdir -p "$src"
  git -C "$repo" archive "$REF" | tar -x -C "$src"
  [ -d "$src/benchmarks/Aitronos.Codegen.GeneratorProfile" ] || OURS=build
fi
measured="$(if [ -n "${REF:-}" ]; then echo "$REF"; else echo "the work tree (HEAD $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- generator runtime || echo ' + local changes'))"; fi)"
have_kiota=1; command -v kiota >/dev/null || { have_kiota=0; echo "kiota not on PATH: dotnet tool install -g Microsoft.OpenApi.Kiota --version 1.38.0" >&2; }
have_nswag=0; [ "${NSWAG:-1}" != 0 ] && command -v nswag >/dev/null && have_nswag=1

# files lines bytes of the *.cs under a folder ("- - -" when there is none)
count() {
  local dir="$1"
  if [ ! -d "$dir" ] || [ -z "$(find "$dir" -type f -name '*.cs' -print -quit)" ]; then echo "- - -"; return; fi
  local files lines bytes
  files=$(find "$dir" -type f -name '*.cs' | wc -l)
  lines=$(find "$dir" -type f -name '*.cs' -print0 | xargs -0 awk 'END { print NR }' | awk '{ s += $1 } END { print s }')
  bytes=$(find "$dir" -type f -name '*.cs' -printf '%s\n' | awk '{ s += $1 } END { print s }')
  echo "$files $lines $bytes"
}
# 1234567 -> 1,234,567; "-" stays
n() { awk -v x="$1" 'BEGIN { if (x !~ /^[0-9]+$/) { print x; exit } s = ""; while (length(x) > 3) { s = "," substr(x, length(x) - 2) s; x = substr(x, 1, length(x) - 3) } print x s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9]+$/ && b ~ /^[0-9]+$/ && b > 0) printf "%.2fx", a / b; else print "-" }'; }

# Ours, through a real build (the fallback): the generator's outputs as the compiler writes them.
ours_via_build() {
  local spec="$1" out="$2" proj="$work/build-$3"
  rm -rf "$proj"; mkdir -p "$proj"
  cp "$spec" "$proj/Bench.openapi.${spec##*.}"
  cat > "$proj/Bench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$src/generator/Aitronos.Codegen/build/Aitronos.Codegen.ProjectReference.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <AitronosGenerateBundledClient>false</AitronosGenerateBundledClient>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <CompilerGeneratedFilesOutputPath>\$(MSBuildProjectDirectory)/gen</CompilerGeneratedFilesOutputPath>
  </PropertyGroup>
  <Import Project="$src/generator/Aitronos.Codegen/build/Aitronos.Codegen.ProjectReference.targets" />
</Project>
XML
  # The output is written even when what it generated does not compile; the build's result is not what we measure.
  dotnet build "$proj/Bench.csproj" -c Release -m:1 -nodeReuse:false -p:UseSharedCompilation=false > "$proj/build.log" 2>&1 || true
  [ -d "$proj/gen/Aitronos.Codegen" ] || { tail -20 "$proj/build.log" >&2; return 1; }
  mkdir -p "$out"; cp -r "$proj/gen/Aitronos.Codegen/." "$out/"
}

if [ "${OURS:-}" != build ]; then
  echo "building the generator profile (Release)..." >&2
  dotnet build -c Release "$src/benchmarks/Aitronos.Codegen.GeneratorProfile" -v:q -nologo > "$work/profile-build.log" 2>&1 \
    || { grep -m5 -E 'error' "$work/profile-build.log" >&2; echo "GeneratorProfile does not build: ours comes from builds" >&2; OURS=build; }
fi

rows=()
for spec in "${specs[@]}"; do
  file="$(basename "$spec")"; name="${file%.*}"
  echo "== $file" >&2

  # ours
  ours="$work/ours/$name"; how=""
  rm -rf "$ours"; mkdir -p "$work/ours"
  if [ "${OURS:-}" = build ]; then
    ours_via_build "$spec" "$ours" "$name" && how=" (build)" || echo "   the build produced no output" >&2
  elif ! dotnet run --no-build -c Release --project "$src/benchmarks/Aitronos.Codegen.GeneratorProfile" -- --runs 1 ${WEBHOOKS:+--webhooks} --dump "$work/ours-dump-$name" "$spec" \
       > "$work/profile-$name.log" 2>&1; then
    echo "   GeneratorProfile failed ($(grep -m1 -E 'Exception|error' "$work/profile-$name.log" || echo 'see log')); generating through a build instead" >&2
    ours_via_build "$spec" "$ours" "$name" && how=" (build)" || echo "   the build produced no output either" >&2
  else
    mkdir -p "$ours"; cp -r "$work/ours-dump-$name/." "$ours/"   # GeneratorProfile writes DIR/<spec name>/
  fi

  # Kiota
  kiota_dir=""
  if [ -n "${KIOTA_CACHE:-}" ] && [ -d "$KIOTA_CACHE/kiota-$name" ]; then
    kiota_dir="$KIOTA_CACHE/kiota-$name"; echo "   kiota: cached $kiota_dir" >&2
  elif [ "$have_kiota" = 1 ]; then
    kiota_dir="$work/kiota/$name"; rm -rf "$kiota_dir"
    ns="Kiota.$(echo "$name" | tr -cd 'A-Za-z0-9')"
    kiota generate -l CSharp -d "$spec" -o "$kiota_dir" -n "$ns" -c ApiClient ${KIOTA_ARGS---exclude-backward-compatible} --ll Error \
      > "$work/kiota-$name.log" 2>&1 || echo "   kiota failed: $(tail -1 "$work/kiota-$name.log")" >&2
  fi

  # NSwag
  nswag_counts="- - -"
  if [ "$have_nswag" = 1 ]; then
    mkdir -p "$work/nswag/$name"
    if nswag openapi2csclient /input:"$spec" /output:"$work/nswag/$name/ApiClient.cs" /namespace:"NSwag.$(echo "$name" | tr -cd 'A-Za-z0-9')" \
         /classname:ApiClient > "$work/nswag-$name.log" 2>&1; then
      nswag_counts="$(count "$work/nswag/$name")"
    else
      echo "   nswag failed: $(grep -m1 -iE 'exception|error' "$work/nswag-$name.log" || tail -1 "$work/nswag-$name.log")" >&2
    fi
  fi

  read -r of ol ob <<< "$(count "$ours")"
  read -r kf kl kb <<< "$(count "${kiota_dir:-/nonexistent}")"
  read -r nf nl nb <<< "$nswag_counts"
  rows+=("| $file | $(n "$of")$how | $(n "$ol") | $(n "$ob") | $(n "$kf") | $(n "$kl") | $(n "$kb") | **$(ratio "$ol" "$kl")** | **$(ratio "$ob" "$kb")** | $(n "$nl") | $(n "$nb") | $(ratio "$ol" "$nl") | $(ratio "$ob" "$nb") |")
done

echo
echo "| spec | ours files | ours lines | ours bytes | Kiota files | Kiota lines | Kiota bytes | lines ours/Kiota | bytes ours/Kiota | NSwag lines | NSwag bytes | lines ours/NSwag | bytes ours/NSwag |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "Kiota $(kiota --version 2>/dev/null | head -1 | cut -d+ -f1) (${KIOTA_ARGS---exclude-backward-compatible}$([ -n "${KIOTA_CACHE:-}" ] && echo "; cached outputs from $KIOTA_CACHE where present")); NSwag $([ "$have_nswag" = 1 ] && nswag version 2>/dev/null | grep -m1 -oE 'toolchain v[0-9.]+' || echo 'not run'); ours at $measured. Budget (DESIGN.md §8): GitHub <= 0.50x Kiota in bytes and lines."
