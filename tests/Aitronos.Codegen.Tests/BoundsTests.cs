using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Aitronos.Codegen.Tests;

/// <summary>Bounds tests measure allocations process-wide: nothing else may run beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BoundsCollection
{
    public const string Name = "Bounds";
}

/// <summary>
/// The generator on inputs far outside the corpus (built in memory by <see cref="BoundsSpecs"/>): each finishes and
/// generates, or stops with a diagnostic located in the spec. Nothing a spec holds drives a recursion past a fixed depth.
/// </summary>
/// <remarks>
/// CI runs the sizes in <see cref="Size"/>'s first column, and shows linear growth by running the sizable ones twice
/// (n and 2n) and comparing the bytes allocated (deterministic, unlike times). <c>AITRONOS_BOUNDS=full</c> runs the
/// issue's sizes once each (20,000 operations, a 100,000-value enum, a 50 MB spec, a 5,000 object chain). Each case
/// writes its time and allocations to the test output.
/// </remarks>
[Collection(BoundsCollection.Name)]
public sealed class BoundsTests
{
    private static readonly bool s_full = string.Equals(Environment.GetEnvironmentVariable("AITRONOS_BOUNDS"), "full", StringComparison.OrdinalIgnoreCase);
    private readonly ITestOutputHelper _output;

    public BoundsTests(ITestOutputHelper output) => _output = output;

    private static int Size(int ci, int full) => s_full ? full : ci;

    [Fact]
    public void ManyOperationsGenerateInLinearAllocations()
    {
        AssertLinear("operations", Size(1_000, 20_000), BoundsSpecs.Operations, run =>
        {
            Assert.Empty(run.Diagnostics);
            Assert.Contains(run.Results[0].GeneratedSources, s => s.SourceText.ToString().Contains("GetItem0Async(", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void AHugeEnumGeneratesInLinearAllocations()
    {
        AssertLinear("enum values", Size(10_000, 100_000), BoundsSpecs.Enum, run =>
        {
            Assert.Empty(run.Diagnostics);
            Assert.Contains("\"value_9999\"", Source(run, ".Big.g.cs"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ABigSpecGeneratesInLinearAllocations()
    {
        AssertLinear("bytes of spec", Size(1_000_000, 50_000_000), BoundsSpecs.Big, run =>
        {
            Assert.Empty(run.Diagnostics);
            Assert.Contains("Property1", Source(run, ".Schema0.g.cs"), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("json")]
    [InlineData("yaml")]
    public void SchemasNested10000DeepAreALocatedErrorOfTheReader(string format)
    {
        string text = format == "json" ? BoundsSpecs.NestedJson(10_000) : BoundsSpecs.NestedYaml(10_000);
        GeneratorDriverRunResult run = Measure("nested 10,000 deep (" + format + ")", "/project/deep.openapi." + format, text, out _);

        Diagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal("ACG001", error.Id);
        Assert.Equal("/project/deep.openapi." + format, error.Location.GetLineSpan().Path);
        Assert.Contains("64", error.GetMessage(), StringComparison.Ordinal);
        if (format == "json")
        {
            // Where the 65th level opens.
            Assert.Equal(5, error.Location.GetLineSpan().StartLinePosition.Line);
        }
    }

    [Fact]
    public void ALong5000RefChainResolvesToItsEndAndSaysTheValidatorWasNotRun()
    {
        GeneratorDriverRunResult run = Measure("$ref chain of 5,000", "/project/chain.openapi.json", BoundsSpecs.RefChain(5_000), out _);

        Diagnostic warning = Assert.Single(run.Diagnostics);
        Assert.Equal("ACG002", warning.Id);
        Assert.Equal("chain.openapi.json: schema 'Link0' starts a chain of 5000 bare references to other schemas, longer than the OpenAPI validator is run on (64); the specification's rules were not checked", warning.GetMessage());
        Assert.Equal(5, warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("Task<Link5000> GetLinkAsync(", Source(run, "ChainClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void AChainOfObjectsEachHoldingTheNextIsTypedAllTheWay()
    {
        int length = Size(1_000, 5_000);
        GeneratorDriverRunResult run = Measure($"object chain of {length:N0}", "/project/chain.openapi.json", BoundsSpecs.ObjectChain(length), out _);

        Assert.Empty(run.Diagnostics);
        foreach (int i in new[] { 0, 47, 48, 499, length - 1 })
        {
            Assert.Contains($"public Node{i + 1}? Next {{ get; init; }}", Source(run, $".Node{i}.g.cs"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A500AllOfChainGivesTheFirstEveryMember()
    {
        GeneratorDriverRunResult run = Measure("allOf chain of 500", "/project/chain.openapi.json", BoundsSpecs.AllOfChain(500), out _);

        Assert.Empty(run.Diagnostics);
        string first = Source(run, ".Level0.g.cs");
        foreach (string property in new[] { "P0", "P48", "P49", "P499", "End" })
        {
            Assert.Contains($"public string? {property} {{ get; init; }}", first, StringComparison.Ordinal);
        }
    }

    public static IEnumerable<object[]> Cycles() => new[]
    {
        new object[] { "self", "\"A\": {\"$ref\": \"#/components/schemas/A\"}", "A", "ACG010" },
        new object[] { "mutual", "\"A\": {\"$ref\": \"#/components/schemas/B\"},\n\"B\": {\"$ref\": \"#/components/schemas/A\"}", "A", "ACG010" },
        new object[] { "three", "\"A\": {\"$ref\": \"#/components/schemas/B\"},\n\"B\": {\"$ref\": \"#/components/schemas/C\"},\n\"C\": {\"$ref\": \"#/components/schemas/A\"}", "B", "ACG010" },
        new object[] { "allOf self", "\"A\": {\"allOf\": [{\"$ref\": \"#/components/schemas/A\"}, {\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"string\"}}}]}", "A", null! },
        new object[] { "allOf mutual", "\"A\": {\"allOf\": [{\"$ref\": \"#/components/schemas/B\"}, {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}]},\n\"B\": {\"allOf\": [{\"$ref\": \"#/components/schemas/A\"}, {\"type\": \"object\", \"properties\": {\"b\": {\"type\": \"string\"}}}]}", "A", null! },
        new object[] { "allOf bare", "\"A\": {\"allOf\": [{\"$ref\": \"#/components/schemas/A\"}]}", "A", "ACG010" },
        new object[] { "oneOf", "\"A\": {\"oneOf\": [{\"$ref\": \"#/components/schemas/A\"}, {\"type\": \"string\"}]}", "A", null! },
        new object[] { "oneOf mutual", "\"A\": {\"oneOf\": [{\"$ref\": \"#/components/schemas/B\"}, {\"type\": \"string\"}]},\n\"B\": {\"oneOf\": [{\"$ref\": \"#/components/schemas/A\"}, {\"type\": \"integer\"}]}", "A", null! },
        new object[] { "items", "\"A\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/components/schemas/A\"}}", "A", "ACG010" },
        new object[] { "items through a bare ref", "\"A\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/components/schemas/B\"}},\n\"B\": {\"$ref\": \"#/components/schemas/A\"}", "B", "ACG010" },
        new object[] { "additionalProperties", "\"A\": {\"type\": \"object\", \"additionalProperties\": {\"$ref\": \"#/components/schemas/A\"}}", "A", "ACG010" },
        new object[] { "properties", "\"A\": {\"type\": \"object\", \"properties\": {\"next\": {\"$ref\": \"#/components/schemas/A\"}}}", "A", null! },
        new object[] { "properties through bare refs", "\"A\": {\"type\": \"object\", \"properties\": {\"next\": {\"$ref\": \"#/components/schemas/B\"}}},\n\"B\": {\"$ref\": \"#/components/schemas/C\"},\n\"C\": {\"$ref\": \"#/components/schemas/A\"}", "B", null! },
        new object[] { "ref into a property", "\"A\": {\"type\": \"object\", \"properties\": {\"x\": {\"$ref\": \"#/components/schemas/A/properties/x\"}}}", "A", null! },
    };

    [Theory]
    [MemberData(nameof(Cycles))]
    public void ReferenceCyclesOfEveryShapeGenerateAClientThatCompiles(string shape, string schemas, string used, string? expected)
    {
        var spec = new SpecFile("/project/cycle.openapi.json", BoundsSpecs.UsedEveryWay(schemas, used));
        GeneratorRun run = GeneratorHarness.Run(new[] { spec });
        _output.WriteLine(shape + ":\n" + GeneratorHarness.Format(run.GeneratorDiagnostics));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "ACG001" or "ACG003" or "CS8785");
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal(spec.Path, d.Location.GetLineSpan().Path));
        var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, shape + ": " + GeneratorHarness.Format(errors.Take(10)));
        Assert.Contains(run.Sources, s => s.HintName.EndsWith("CycleClient.g.cs", StringComparison.Ordinal));
        if (expected is not null)
        {
            Assert.Contains(run.GeneratorDiagnostics, d => d.Id == expected && d.GetMessage().Contains("defined in terms of itself", StringComparison.Ordinal));
        }
    }

    /// <summary>Runs <paramref name="build"/> at <paramref name="n"/> and 2n: the second may allocate at most 2.6 times the first.</summary>
    private void AssertLinear(string unit, int n, Func<int, string> build, Action<GeneratorDriverRunResult> check)
    {
        GeneratorDriverRunResult small = Measure($"{n:N0} {unit}", "/project/bounds.openapi.json", build(n), out long smallBytes);
        check(small);
        if (s_full)
        {
            // The size, once: its time and memory are what is asked for; CI's sizes show the growth.
            return;
        }

        GeneratorDriverRunResult large = Measure($"{2 * n:N0} {unit}", "/project/bounds.openapi.json", build(2 * n), out long largeBytes);
        check(large);

        double ratio = (double)largeBytes / smallBytes;
        _output.WriteLine($"allocated at 2n / at n: {ratio:F2}");
        Assert.True(ratio < 2.6, $"Doubling the {unit} multiplied the bytes allocated by {ratio:F2} (linear is 2): {smallBytes:N0} -> {largeBytes:N0}");
    }

    private GeneratorDriverRunResult Measure(string label, string path, string text, out long allocated)
    {
        var compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new SpecFile(path, text) });
        GC.Collect();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        driver = driver.RunGenerators(compilation, CancellationToken.None);
        stopwatch.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        GeneratorDriverRunResult run = driver.GetRunResult();
        long output = run.Results[0].GeneratedSources.Sum(s => (long)s.SourceText.Length);
        _output.WriteLine($"{label}: spec {text.Length:N0} chars, {stopwatch.ElapsedMilliseconds:N0} ms, allocated {allocated / 1_048_576.0:N1} MB, output {run.Results[0].GeneratedSources.Length:N0} files / {output:N0} chars, {run.Diagnostics.Length} diagnostics");
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "ACG003" or "CS8785");
        return run;
    }

    private static string Source(GeneratorDriverRunResult run, string hintNameSuffix) =>
        run.Results[0].GeneratedSources.Single(s => s.HintName.EndsWith(hintNameSuffix, StringComparison.Ordinal)).SourceText.ToString();
}
