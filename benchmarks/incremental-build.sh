#!/usr/bin/env bash
# Times real `dotnet build`s of a throwaway console project that holds one corpus spec, consuming the generator
# from this repository: a first build, then rebuilds after an unrelated C# edit and after a spec edit, each with
# -p:ReportAnalyzer=true so the compiler reports the generator's own time.
#   bash benchmarks/incremental-build.sh [corpus-spec]     (default: blockfrost.yaml, the corpus's most operations)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
spec="${1:-blockfrost.yaml}"
corpus="$repo/../shared/corpus"
[ -f "$corpus/$spec" ] || { echo "corpus spec not found: $corpus/$spec" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ext="${spec##*.}"
cp "$corpus/$spec" "$work/Bench.openapi.$ext"   # a copy in a temp folder, never committed
cat > "$work/Bench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/generator/Aitronos.Codegen/build/Aitronos.Codegen.ProjectReference.props" />
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
  </PropertyGroup>
  <Import Project="$repo/generator/Aitronos.Codegen/build/Aitronos.Codegen.ProjectReference.targets" />
</Project>
XML
echo 'System.Console.WriteLine("bench");' > "$work/Program.cs"

build() {
  local label="$1" start end
  start=$(date +%s.%N)
  dotnet build "$work/Bench.csproj" -c Release -p:ReportAnalyzer=true -v:d > "$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
  end=$(date +%s.%N)
  local generator
  generator=$(grep -E '^\s+[0-9.]+\s+[0-9]+\s+Aitronos.Codegen.OpenApiClientGenerator' "$work/build.log" | awk '{print $1}' | head -1)
  printf '%-34s build wall %6.2f s   generator %s s\n' "$label" "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" "${generator:-?}"
}

build "first build"
for i in 1 2 3; do
  echo "// unrelated edit $i" >> "$work/Program.cs"
  build "after unrelated C# edit $i"
done
echo "# spec edit" >> "$work/Bench.openapi.$ext" 2>/dev/null || true
[ "$ext" = "json" ] || build "after spec edit"
