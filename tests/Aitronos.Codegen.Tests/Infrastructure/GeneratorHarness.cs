using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Aitronos.Codegen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Aitronos.Codegen.Tests.Infrastructure;

/// <summary>A spec file handed to the generator, with the item metadata MSBuild would make visible.</summary>
public sealed record SpecFile(string Path, string Text, IReadOnlyDictionary<string, string>? Metadata = null);

/// <summary>The outcome of one generator run over an in-memory compilation.</summary>
public sealed record GeneratorRun(
    GeneratorDriver Driver,
    CSharpCompilation InputCompilation,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<GeneratedSourceResult> Sources)
{
    /// <summary>
    /// Errors and warnings of compiling the generated code (infos and hidden ones left out), with nullable warnings
    /// on: generated files turn the flow analysis off for consumers' builds, and the tests are where it runs.
    /// </summary>
    public IReadOnlyList<Diagnostic> CompilationProblems => GeneratorHarness.WithNullableWarnings(OutputCompilation, InputCompilation).GetDiagnostics()
        .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
        .ToList();

    public string Source(string hintNameSuffix) =>
        Sources.Single(s => s.HintName.EndsWith(hintNameSuffix, StringComparison.Ordinal)).SourceText.ToString();
}

/// <summary>Runs the generator the way the compiler does, on reference assemblies of .NET 10 plus the runtime.</summary>
public static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
        Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Aitronos.Codegen.Runtime.ApiTransport).Assembly.Location))
            .ToImmutableArray());

    public static string TestSpecsDirectory => Path.Combine(AppContext.BaseDirectory, "TestSpecs");

    /// <summary>The bundled spec when this process has the test specs beside it, else null.</summary>
    public static SpecFile? LoadTestSpecOrNull() =>
        File.Exists(Path.Combine(TestSpecsDirectory, "aitronos.openapi.yaml")) ? BundledSpec() : null;

    public static SpecFile LoadTestSpec(string fileName, IReadOnlyDictionary<string, string>? metadata = null) =>
        new("/project/" + fileName, File.ReadAllText(Path.Combine(TestSpecsDirectory, fileName)), metadata);

    /// <summary>The bundled spec with the metadata the package's props give it.</summary>
    public static SpecFile BundledSpec() => LoadTestSpec("aitronos.openapi.yaml", new Dictionary<string, string>
    {
        ["AitronosOpenApiSpec"] = "true",
        ["AitronosNamespace"] = "Aitronos",
        ["AitronosClientName"] = "AitronosClient",
    });

    public static CSharpCompilation CreateCompilation(
        string userSource = "namespace Consumer { public static class Program { public static void Main() { } } }",
        LanguageVersion languageVersion = LanguageVersion.Latest,
        bool includeRuntime = true)
    {
        var references = includeRuntime
            ? s_references.Value
            : Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToImmutableArray();
        return CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(userSource, new CSharpParseOptions(languageVersion), path: "/project/Program.cs") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // The SDK's own defaults: unification of reference-assembly versions is not a problem.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));
    }

    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, LanguageVersion languageVersion = LanguageVersion.Latest, string? rootNamespace = "Consumer") =>
        CreateDriver(specs, out _, languageVersion, rootNamespace);

    /// <summary>Also hands back the additional texts the driver holds, so a test can replace one.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, out IReadOnlyList<AdditionalText> texts, LanguageVersion languageVersion = LanguageVersion.Latest, string? rootNamespace = "Consumer") =>
        CreateDriver(new OpenApiClientGenerator(), specs, out texts, languageVersion, rootNamespace);

    /// <summary>A driver of <paramref name="generator"/> (ours, or one wrapping it) on <paramref name="specs"/>.</summary>
    public static GeneratorDriver CreateDriver(IIncrementalGenerator generator, IEnumerable<SpecFile> specs, out IReadOnlyList<AdditionalText> texts, LanguageVersion languageVersion = LanguageVersion.Latest, string? rootNamespace = "Consumer")
    {
        var files = specs.ToList();
        texts = files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToList();
        return CSharpGeneratorDriver.Create(
            generators: new[] { generator.AsSourceGenerator() },
            additionalTexts: texts,
            parseOptions: new CSharpParseOptions(languageVersion),
            optionsProvider: new TestOptionsProvider(files, rootNamespace),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static GeneratorRun Run(IEnumerable<SpecFile> specs, CSharpCompilation? compilation = null, LanguageVersion languageVersion = LanguageVersion.Latest)
    {
        compilation ??= CreateCompilation(languageVersion: languageVersion);
        GeneratorDriver driver = CreateDriver(specs, languageVersion);
        return Run(driver, compilation);
    }

    public static GeneratorRun Run(GeneratorDriver driver, CSharpCompilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics, CancellationToken.None);
        GeneratorDriverRunResult result = driver.GetRunResult();
        return new GeneratorRun(driver, compilation, output, diagnostics, result.Results.Single().GeneratedSources);
    }

    /// <summary>
    /// <paramref name="output"/> with every generated file's <c>#nullable disable warnings</c> turned into
    /// <c>#nullable enable warnings</c>, so that the compiler checks the generated code's nullability in full.
    /// </summary>
    public static Compilation WithNullableWarnings(Compilation output, Compilation? input = null)
    {
        var original = new HashSet<SyntaxTree>(input?.SyntaxTrees ?? Enumerable.Empty<SyntaxTree>());
        Compilation strict = output;
        foreach (SyntaxTree tree in output.SyntaxTrees)
        {
            if (original.Contains(tree))
            {
                continue;
            }

            string text = tree.GetText().ToString();
            if (text.Contains("#nullable disable warnings", StringComparison.Ordinal))
            {
                SyntaxTree checkedTree = CSharpSyntaxTree.ParseText(
                    text.Replace("#nullable disable warnings", "#nullable enable warnings", StringComparison.Ordinal),
                    (CSharpParseOptions)tree.Options,
                    tree.FilePath);
                strict = strict.ReplaceSyntaxTree(tree, checkedTree);
            }
        }

        return strict;
    }

    public static string Format(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));

    public sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<string, AnalyzerConfigOptions> _byPath;

        public TestOptionsProvider(IEnumerable<SpecFile> files, string? rootNamespace)
        {
            _byPath = files.ToDictionary(
                f => f.Path,
                f => (AnalyzerConfigOptions)new DictionaryOptions((f.Metadata ?? new Dictionary<string, string>())
                    .ToDictionary(p => "build_metadata.AdditionalFiles." + p.Key, p => p.Value)));
            var global = new Dictionary<string, string>();
            if (rootNamespace is not null)
            {
                global["build_property.RootNamespace"] = rootNamespace;
            }

            GlobalOptions = new DictionaryOptions(global);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            _byPath.TryGetValue(textFile.Path, out AnalyzerConfigOptions? options) ? options : new DictionaryOptions(new Dictionary<string, string>());
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value)
        {
            bool found = _values.TryGetValue(key, out string? v);
            value = v ?? string.Empty;
            return found;
        }
    }
}
