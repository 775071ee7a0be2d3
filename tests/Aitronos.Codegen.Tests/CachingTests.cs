using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.OpenApi;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>The pipeline does no work again for edits that do not concern a spec, and holds no compiler or parser objects.</summary>
public sealed class CachingTests
{
    private static readonly string[] s_specSteps =
    {
        OpenApiClientGenerator.TrackingNames.SpecInputs,
        OpenApiClientGenerator.TrackingNames.Models,
        OpenApiClientGenerator.TrackingNames.Emit,
        OpenApiClientGenerator.TrackingNames.Client,
        OpenApiClientGenerator.TrackingNames.Types,
    };

    [Fact]
    public void UnrelatedCSharpEditLeavesEverySpecStepCachedOrUnchanged()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.BundledSpec(), GeneratorHarness.LoadTestSpec("petstore-lite.openapi.yaml") });
        driver = driver.RunGenerators(compilation);

        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal sealed class Unrelated { } }", path: "/project/Unrelated.cs"));
        driver = driver.RunGenerators(edited);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        foreach (string step in s_specSteps.Append(OpenApiClientGenerator.TrackingNames.TargetFacts))
        {
            Assert.True(result.TrackedSteps.TryGetValue(step, out ImmutableArray<IncrementalGeneratorRunStep> runs), $"Step '{step}' was not tracked.");
            var reasons = runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.True(
                reasons.All(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged),
                $"Step '{step}' did work again after an unrelated C# edit: {string.Join(", ", reasons)}");
        }
    }

    [Fact]
    public void SpecEditMakesItsModelModifiedAndLeavesTheOtherSpecCached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        SpecFile pets = GeneratorHarness.LoadTestSpec("petstore-lite.openapi.yaml");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.BundledSpec(), pets }, out IReadOnlyList<AdditionalText> texts);
        driver = driver.RunGenerators(compilation);

        AdditionalText old = texts.Single(t => t.Path == pets.Path);
        string editedText = pets.Text.Replace("summary: List pets", "summary: List every pet");
        driver = driver.ReplaceAdditionalText(old, new GeneratorHarness.InMemoryAdditionalText(pets.Path, editedText));
        driver = driver.RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        var models = result.TrackedSteps[OpenApiClientGenerator.TrackingNames.Models].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, models);
        Assert.Contains(IncrementalStepRunReason.Cached, models);
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("List every pet"));
    }

    [Fact]
    public void AddingAPropertyToOneSchemaRenewsOnlyThatTypesOutput()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        SpecFile pets = GeneratorHarness.LoadTestSpec("petstore-lite.openapi.yaml");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { pets }, out IReadOnlyList<AdditionalText> texts);
        driver = driver.RunGenerators(compilation);

        const string anchor = "    NewPet:\n      type: object\n      required: [name]\n      properties:\n";
        Assert.Contains(anchor, pets.Text.Replace("\r\n", "\n"));
        string editedText = pets.Text.Replace("\r\n", "\n").Replace(anchor, anchor + "        nickname:\n          type: string\n");
        driver = driver.ReplaceAdditionalText(texts.Single(), new GeneratorHarness.InMemoryAdditionalText(pets.Path, editedText));
        driver = driver.RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        var types = result.TrackedSteps[OpenApiClientGenerator.TrackingNames.Types].SelectMany(s => s.Outputs).ToList();
        var modified = types.Where(o => o.Reason != IncrementalStepRunReason.Unchanged && o.Reason != IncrementalStepRunReason.Cached).ToList();
        Assert.True(types.Count > 2, "The test spec should have several types.");
        var renewed = Assert.Single(modified);
        Assert.Equal(IncrementalStepRunReason.Modified, renewed.Reason);
        Assert.Contains("NewPet", renewed.Value.ToString(), StringComparison.Ordinal);

        var client = result.TrackedSteps[OpenApiClientGenerator.TrackingNames.Client].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.All(client, reason => Assert.True(reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"The client was renewed: {reason}"));
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("public string? Nickname { get; init; }", StringComparison.Ordinal));
    }

    [Fact]
    public void ModelsAreEqualAcrossCompilations()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.BundledSpec() });
        GeneratorRunResult first = driver.RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult().Results.Single();
        GeneratorRunResult second = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.BundledSpec() })
            .RunGenerators(GeneratorHarness.CreateCompilation("namespace Other { }")).GetRunResult().Results.Single();

        object Model(GeneratorRunResult r) => r.TrackedSteps[OpenApiClientGenerator.TrackingNames.Models].Single().Outputs.Single().Value;
        Assert.Equal(Model(first), Model(second));
        Assert.Equal(Model(first).GetHashCode(), Model(second).GetHashCode());
    }

    [Fact]
    public void PipelineHoldsNoRoslynOrOpenApiObjects()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.BundledSpec(), GeneratorHarness.LoadTestSpec("shapes.openapi.json") });
        GeneratorRunResult result = driver.RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult().Results.Single();

        int visited = 0;
        foreach (string step in s_specSteps.Append(OpenApiClientGenerator.TrackingNames.TargetFacts))
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                Walk(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance), ref visited);
            }
        }

        Assert.True(visited > 100, $"The walk saw only {visited} objects; it is not looking at the models.");
    }

    private static void Walk(object? value, string path, HashSet<object> seen, ref int visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(value is ISymbol or Compilation or SyntaxNode or SyntaxTree or AdditionalText or Diagnostic or Location or SemanticModel,
            $"{path} holds a Roslyn object ({value.GetType().FullName}).");
        Assert.False(value is IOpenApiElement or OpenApiDocument or IOpenApiSchema,
            $"{path} holds a Microsoft.OpenApi object ({value.GetType().FullName}).");
        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return;
        }

        visited++;
        if (value is IEnumerable sequence)
        {
            int i = 0;
            foreach (object? item in sequence)
            {
                Walk(item, $"{path}[{i++}]", seen, ref visited);
            }

            if (value.GetType().Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            {
                return;
            }
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (field.FieldType.IsPointer)
            {
                continue;
            }

            Walk(field.GetValue(value), path + "." + field.Name, seen, ref visited);
        }
    }
}
