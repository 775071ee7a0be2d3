#!/usr/bin/env python3
"""A table-driven variant of generated models, for measuring its compile cost with CompileDirs (not a product).

Copies every model of a `GeneratorProfile --dump` folder (client and JSON context left out beforehand) with its
reading constructor's and WriteJson's bodies replaced by `throw null!` and, in their place, two static arrays of
per-property lambdas (a reader `m.X = <the same read expression>` and a writer `<the same write call>`): what a
reflection-free table-driven serializer would still need per property, short of its runtime loop. `init` accessors
become `set` so that the lambdas may assign. Unions' switch writers are left out (they are few).

    python3 benchmarks/CompileDirs/table-variant.py MODELS_DIR OUT_DIR
    dotnet run benchmarks/CompileDirs/CompileDirs.cs -- 5 RUNTIME_DLL MODELS_DIR OUT_DIR
"""
import os
import re
import sys

src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst, exist_ok=True)
stats = dict(files=0, models=0, reads=0, writes=0)
for fn in sorted(os.listdir(src)):
    text = open(os.path.join(src, fn)).read()
    stats['files'] += 1
    model = re.search(r'sealed partial record (\w+) : AcgRuntime\.JsonModel', text)
    ctor = re.search(r'(\tprivate (\w+)\(ref AcgJson\.Utf8JsonReader r\)\n\t\{\n)(.*?)(\n\t\}\n)', text, re.S)
    writer = re.search(r'(\tinternal static void WriteJson\(AcgJson\.Utf8JsonWriter w, (\w+) v\)\n\t\{\n)(.*?)(\n\t\}\n)', text, re.S)
    if not (model and ctor and writer):
        open(os.path.join(dst, fn), 'w').write(text)
        continue
    name = model.group(1)
    stats['models'] += 1
    reads = [f'\t\tstatic (ref AcgJson.Utf8JsonReader r, {name} m) => m.{c.group(1)} = {c.group(2)},'
             for c in re.finditer(r'case \d+: (\w+) = (.*?); break;', ctor.group(3))]
    writes = []
    for line in writer.group(3).split('\n'):
        s = line.strip()
        if s.startswith(('w.', 'v.')) and s.endswith(';') and not s.startswith(('w.WriteAdditional', 'w.EndObject')):
            writes.append(f'\t\tstatic (AcgJson.Utf8JsonWriter w, {name} v) => {s[:-1]},')
    stats['reads'] += len(reads)
    stats['writes'] += len(writes)
    table = (f'\tprivate static readonly AcgPropReader<{name}>[] s_readers =\n\t{{\n' + '\n'.join(reads) + '\n\t};\n\n'
             + f'\tprivate static readonly AcgPropWriter<{name}>[] s_writers =\n\t{{\n' + '\n'.join(writes) + '\n\t};\n\n')
    text = text.replace(ctor.group(0), ctor.group(1) + '\t\tthrow null!;' + ctor.group(4))
    text = text.replace(writer.group(0), table + writer.group(1) + '\t\tthrow null!;' + writer.group(4))
    text = text.replace(' init;', ' set;').replace(' init =>', ' set =>').replace(' init {', ' set {')
    open(os.path.join(dst, fn), 'w').write(text)

with open(os.path.join(dst, 'AcgPropDelegates.cs'), 'w') as f:
    f.write('namespace Consumer;\n'
            'public delegate void AcgPropReader<T>(ref System.Text.Json.Utf8JsonReader r, T m);\n'
            'public delegate void AcgPropWriter<T>(System.Text.Json.Utf8JsonWriter w, T m);\n')
print(stats)
