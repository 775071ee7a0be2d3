#!/usr/bin/env bash
# Cold full build of a consumer holding a big spec (GitHub's REST API by default) vs compiling Kiota's output for the
# same spec, side by side in one run, alternating (ours, Kiota, ours, Kiota, ...); prints medians, the ratio ours/Kiota
# and peak memory as one Markdown table (DESIGN.md §8: <= 0.75x Kiota's build time).
#   bash benchmarks/build-time.sh [N]        N timed builds of each (default 3)
# Environment:
#   SPEC=FILE        the spec (default: github-3.0.json from ../shared/corpus-large/fetch.sh)
#   KIOTA_OUT=DIR    Kiota's C# output for that spec, already generated (e.g. /tmp/peers/kiota-github-3.0); without
#                    it, `kiota generate -l CSharp -c ApiClient --exclude-backward-compatible` runs into the temp folder
#   KIOTA_ARGS=...   Kiota's options when it runs here (default --exclude-backward-compatible)
#   REF=COMMIT       build the generator as committed at COMMIT (a `git archive` copy) instead of the live work tree
#   KEEP=DIR         work in DIR and keep it (projects, logs) instead of a temp folder
#   SERVER=1         builds as `dotnet build` does by default: csc in the compiler server (VBCSCompiler), warm. Before
#                    each timed build the server is shut down and the same project built once, untimed, so that the
#                    timed build meets a server whose JIT has seen that project and whose heap holds nothing of the other
#                    side's. The memory columns then sample the server with the build (see below)
#   DUMPED=1         a third project, "dumped": the sources our generator emits for the spec (written out by the
#                    untimed first build) compiled as plain files, with the runtime but without the generator; ours
#                    minus dumped is what running the generator inside csc costs, dumped vs Kiota is compile alone
# The two projects, both fresh, net10.0, Nullable enabled, outside the repository:
#   ours  - a console project holding the spec as Github.openapi.json, consuming the generator and runtime of this
#           repository as benchmarks/incremental-build.sh does (ProjectReference props/targets); the bundled Aitronos
#           client is turned off so that both sides compile one client of one spec;
#   Kiota - a class library holding Kiota's *.cs for the spec, with Microsoft.Kiota.Abstractions, .Http.HttpClientLibrary
#           and .Serialization.Json/Text/Form/Multipart (what Microsoft.Kiota.Bundle holds; the bundle itself is not
#           served here), and its `string base` path parameter escaped to `@base` (C# keyword; Kiota 1.38 leaves it).
# Both are restored and built once first (not timed: restore, the generator's and runtime's own build, warm-up). Each
# timed build is `dotnet build --no-incremental --no-restore -c Release -p:BuildProjectReferences=false
# -p:UseSharedCompilation=false -nodeReuse:false -m:1`: MSBuild in the dotnet process, csc as its child process, no
# compiler server or node left over, and the generator and runtime projects not rebuilt (only the consumer is).
# Columns: wall = the whole `dotnet build`; csc = MSBuild's Csc task time (-clp:PerformanceSummary), the compiler alone;
# max RSS = /usr/bin/time -v "Maximum resident set size", the largest single process of the tree (in practice csc);
# tree RSS = the peak of the sum of the RSS of every process under the build, sampled every 0.25 s from ps.
# With SERVER=1: csc is the server, which is no child of the build; max RSS is then the server's peak (VmHWM, over the
# warm-up and the timed build of one project) and tree RSS adds the server's RSS to each sample.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
export PATH="$PATH:$HOME/.dotnet/tools"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
kiota_version=2.1.6   # Microsoft.Kiota.* packages, the newest the package registry here serves

spec="${SPEC:-$("$repo/../shared/corpus-large/fetch.sh")/github-3.0.json}"
[ -f "$spec" ] || { echo "spec not found: $spec" >&2; exit 2; }
spec="$(cd "$(dirname "$spec")" && pwd)/$(basename "$spec")"
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
if [ -n "${KEEP:-}" ]; then work="$KEEP"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
work="$(cd "$work" && pwd)"

src="$repo"
if [ -n "${REF:-}" ]; then
  REF="$(git -C "$repo" rev-parse --short "$REF^{commit}")"   # fixed now: HEAD may move while this runs
  src="$work/src"; rm -rf "$src"; mkdir -p "$src"
  git -C "$repo" archive "$REF" | tar -x -C "$src"
fi
measured="$(if [ -n "${REF:-}" ]; then echo "$REF"; else echo "the work tree (HEAD $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- generator runtime || echo ' + local changes'))"; fi)"

# ours: a console project holding the spec
ours="$work/ours"; rm -rf "$ours"; mkdir -p "$ours"
cp "$spec" "$ours/Github.openapi.${spec##*.}"
# The properties both console projects (ours, and dumped below) share.
console_props='    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>'
cat > "$ours/Ours.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$src/generator/Aitronos.Codegen/build/Aitronos.Codegen.ProjectReference.props" />
  <PropertyGroup>
$console_props
    <AitronosGenerateBundledClient>false</AitronosGenerateBundledClient>
  </PropertyGroup>
  <Import Project="$src/generator/Aitronos.Codegen/build/Aitronos.Codegen.ProjectReference.targets" />
</Project>
XML
echo 'System.Console.WriteLine("bench");' > "$ours/Program.cs"

# Kiota: a class library holding Kiota's output for the same spec
kiota="$work/kiota"; rm -rf "$kiota"; mkdir -p "$kiota/src"
if [ -n "${KIOTA_OUT:-}" ]; then
  [ -d "$KIOTA_OUT" ] || { echo "KIOTA_OUT not found: $KIOTA_OUT" >&2; exit 2; }
  (cd "$KIOTA_OUT" && find . -name '*.cs' -exec cp --parents -t "$kiota/src" {} +)
else
  command -v kiota >/dev/null || { echo "kiota not on PATH: dotnet tool install -g Microsoft.OpenApi.Kiota --version 1.38.0" >&2; exit 2; }
  echo "generating Kiota's output (not timed)..." >&2
  kiota generate -l CSharp -d "$spec" -o "$kiota/src" -n Kiota.Github -c ApiClient ${KIOTA_ARGS---exclude-backward-compatible} --ll Error \
    > "$work/kiota-generate.log" 2>&1 || { tail -20 "$work/kiota-generate.log" >&2; exit 1; }
  rm -f "$kiota/src/kiota-lock.json"
fi
# Kiota names a path parameter `base` (GitHub: /repos/{owner}/{repo}/compare/{base}...{head}, in CompareRequestBuilder
# and WithBaseWithHeadRequestBuilder) without escaping the keyword: its declaration and each use become @base.
patched=0
while IFS= read -r -d '' f; do
  sed -i -E 's/\bstring base\b/string @base/g; s/\(base\)/(@base)/g; s/, base([,)])/, @base\1/g' "$f"
  patched=$((patched + 1))
done < <(grep -rlZE '\bstring base\b' --include='*.cs' "$kiota/src" || true)
cat > "$kiota/KiotaGithub.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.Kiota.Abstractions" Version="$kiota_version" />
    <PackageReference Include="Microsoft.Kiota.Http.HttpClientLibrary" Version="$kiota_version" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Json" Version="$kiota_version" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Text" Version="$kiota_version" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Form" Version="$kiota_version" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Multipart" Version="$kiota_version" />
  </ItemGroup>
</Project>
XML

projects=("$ours/Ours.csproj" "$kiota/KiotaGithub.csproj")
if [ "${DUMPED:-0}" = 1 ]; then
  dumped="$work/dumped"; rm -rf "$dumped"; mkdir -p "$dumped"
  cp "$ours/Program.cs" "$dumped/"
  cat > "$dumped/Dumped.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
$console_props
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$src/runtime/Aitronos.Codegen.Runtime/Aitronos.Codegen.Runtime.csproj" />
  </ItemGroup>
</Project>
XML
fi

# Every output goes under the work folder (ArtifactsPath), the generator's and runtime's too: the builds neither
# race with nor pick up builds of the live tree.
shared=false
[ "${SERVER:-0}" != 1 ] || shared=true
common=(-c Release "-p:ArtifactsPath=$work/artifacts" -nodeReuse:false -m:1 "-p:UseSharedCompilation=$shared")
for p in "${projects[@]}" ${dumped:+"$dumped/Dumped.csproj"}; do
  name="$(basename "$p" .csproj)"
  echo "restoring and building $name once (not timed)..." >&2
  extra=()
  if [ "$name" = Ours ] && [ -n "${dumped:-}" ]; then
    extra=(-p:EmitCompilerGeneratedFiles=true "-p:CompilerGeneratedFilesOutputPath=$work/generated")
  fi
  if [ "$name" = Dumped ]; then
    find "$work/generated" -name '*.g.cs' -path '*Aitronos.Codegen*' -exec cp -t "$dumped" {} +
    [ -n "$(find "$dumped" -name '*.g.cs' -print -quit)" ] || { echo "no generated sources under $work/generated" >&2; exit 1; }
  fi
  dotnet restore "$p" "-p:ArtifactsPath=$work/artifacts" > "$work/restore-$name.log" 2>&1 || { tail -20 "$work/restore-$name.log" >&2; exit 1; }
  dotnet build "$p" "${common[@]}" --no-restore "${extra[@]}" > "$work/prebuild-$name.log" 2>&1 \
    || { grep -E 'error' "$work/prebuild-$name.log" | sort -u | head -20 >&2; exit 1; }
done

# Sum of the RSS (kB) of a process and all its descendants, at its peak, sampled until the process ends.
# With SERVER=1 the compiler server's RSS (pid $2) is added to each sample.
tree_peak() {
  local root="$1" server="${2:-0}" peak=0 now
  while kill -0 "$root" 2>/dev/null; do
    now=$(ps -e -o pid=,ppid=,rss= | awk -v r="$root" -v sv="$server" '
      { parent[$1] = $2; rss[$1] = $3 }
      END { s = 0; for (p in rss) { if (p == sv) { s += rss[p]; continue } q = p; while (q != "" && q != 0 && q != 1) { if (q == r) { s += rss[p]; break } q = parent[q] } } print s }')
    [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.25
  done
  echo "$peak"
}

declare -A wall csc maxrss treerss
build() {
  local name="$1" proj="$2" i="$3" start end pid spid
  local log="$work/build-$name-$i.log" server=0
  if [ "${SERVER:-0}" = 1 ]; then
    dotnet build-server shutdown > /dev/null 2>&1 || true
    dotnet build "$proj" "${common[@]}" --no-restore --no-incremental -p:BuildProjectReferences=false > "$work/warm-$name-$i.log" 2>&1 \
      || { grep -E 'error' "$work/warm-$name-$i.log" | sort -u | head -20 >&2; exit 1; }
    server=$(pgrep -f 'bincore/VBCSCompiler' | head -1 || true)
    [ -n "$server" ] || { echo "no compiler server running after the warm-up build of $name" >&2; exit 1; }
  fi
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$work/time-$name-$i.txt" dotnet build "$proj" "${common[@]}" --no-restore --no-incremental \
    -p:BuildProjectReferences=false -clp:PerformanceSummary > "$log" 2>&1 &
  pid=$!
  tree_peak "$pid" "$server" > "$work/tree-$name-$i.txt" &
  spid=$!
  wait "$pid" || { grep -E 'error' "$log" | sort -u | head -20 >&2; echo "build $name $i failed: $log" >&2; exit 1; }
  end=$(date +%s.%N)
  wait "$spid"
  wall[$name]+="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }') "
  csc[$name]+="$(grep -E '^\s+[0-9]+ ms\s+Csc\s' "$log" | tail -1 | awk '{ printf "%.2f", $1 / 1000 }') "
  if [ "$server" != 0 ]; then
    maxrss[$name]+="$(awk '/^VmHWM:/ { print $2 }' "/proc/$server/status") "
  else
    maxrss[$name]+="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time-$name-$i.txt") "
  fi
  treerss[$name]+="$(cat "$work/tree-$name-$i.txt") "
  printf '  %-6s run %d: wall %6s s, csc %6s s, max RSS %5d MB, tree RSS %5d MB, %s\n' "$name" "$i" \
    "$(echo "${wall[$name]}" | awk '{ print $NF }')" "$(echo "${csc[$name]}" | awk '{ print $NF }')" \
    "$(( $(echo "${maxrss[$name]}" | awk '{ print $NF }') / 1024 ))" "$(( $(cat "$work/tree-$name-$i.txt") / 1024 ))" \
    "$(grep -m1 -oE '[0-9]+ Warning\(s\)' "$log" || echo '? warnings')" >&2
}

[ "${SERVER:-0}" != 1 ] || echo "builds in the compiler server, warmed by an untimed build of the same project before each timed one" >&2
echo "timing $runs cold builds of each, alternating (load average before: $(cut -d' ' -f1-3 /proc/loadavg))..." >&2
for i in $(seq 1 "$runs"); do
  build ours "$ours/Ours.csproj" "$i"
  build kiota "$kiota/KiotaGithub.csproj" "$i"
  [ -z "${dumped:-}" ] || build dumped "$dumped/Dumped.csproj" "$i"
done

median() { echo "$1" | tr ' ' '\n' | grep -E '^[0-9.]+$' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
gb() { awk -v k="$1" 'BEGIN { printf "%.2f GB", k / 1048576 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }
count() { find "$1" -name '*.cs' -type f | wc -l; }

ow=$(median "${wall[ours]}"); kw=$(median "${wall[kiota]}")
oc=$(median "${csc[ours]}"); kc=$(median "${csc[kiota]}")
om=$(median "${maxrss[ours]}"); km=$(median "${maxrss[kiota]}")
ot=$(median "${treerss[ours]}"); kt=$(median "${treerss[kiota]}")
odll=$(find "$work/artifacts/bin/Ours" -name Ours.dll -printf '%s' -quit); kdll=$(find "$work/artifacts/bin/KiotaGithub" -name KiotaGithub.dll -printf '%s' -quit)

echo
if [ "${SERVER:-0}" = 1 ]; then
  echo "Full build (\`dotnet build --no-incremental -c Release\`, csc in the compiler server, warmed by one untimed build of the same project) of a project holding $(basename "$spec"); medians of $runs, alternating. max RSS is the server's peak; tree RSS includes it."
else
  echo "Cold full build (\`dotnet build --no-incremental -c Release\`, csc as a fresh process) of a project holding $(basename "$spec"); medians of $runs, alternating."
fi
echo
echo "| | wall s | csc s | max RSS (one process) | tree RSS (sampled) | assembly | runs (wall s) |"
echo "|---|---:|---:|---:|---:|---:|---|"
echo "| ours (generator + compile) | $ow | $oc | $(gb "$om") | $(gb "$ot") | $(awk -v b="$odll" 'BEGIN { printf "%.1f MB", b / 1048576 }') | ${wall[ours]% } |"
echo "| Kiota's output ($(count "$kiota/src") files) | $kw | $kc | $(gb "$km") | $(gb "$kt") | $(awk -v b="$kdll" 'BEGIN { printf "%.1f MB", b / 1048576 }') | ${wall[kiota]% } |"
if [ -n "${dumped:-}" ]; then
  dw=$(median "${wall[dumped]}"); dc=$(median "${csc[dumped]}"); dm=$(median "${maxrss[dumped]}"); dt=$(median "${treerss[dumped]}")
  echo "| dumped: our output as plain sources, no generator ($(count "$dumped") files) | $dw | $dc | $(gb "$dm") | $(gb "$dt") | | ${wall[dumped]% } |"
fi
echo "| **ours/Kiota** | **$(ratio "$ow" "$kw")** | $(ratio "$oc" "$kc") | $(ratio "$om" "$km") | $(ratio "$ot" "$kt") | | |"
[ -z "${dumped:-}" ] || echo "| dumped/Kiota (compile alone) | $(ratio "$dw" "$kw") | $(ratio "$dc" "$kc") | $(ratio "$dm" "$km") | $(ratio "$dt" "$kt") | | |"
echo
echo "Budget (DESIGN.md §8): ours <= 0.75x Kiota's wall time. Kiota output: $( [ -n "${KIOTA_OUT:-}" ] && echo "$KIOTA_OUT" || echo "kiota $(kiota --version | cut -d+ -f1)"), packages $kiota_version, \`base\` escaped in $patched files. Ours at $measured. Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
