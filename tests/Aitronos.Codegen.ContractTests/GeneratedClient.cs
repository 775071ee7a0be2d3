using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Aitronos.Codegen.ContractTests;

/// <summary>
/// The client our generator makes for one spec, compiled in memory against the runtime and loaded into a collectible
/// load context (the runtime itself resolves to the test's own copy, so the two share its types).
/// </summary>
public sealed class GeneratedClient : IDisposable
{
    private static readonly Regex s_operation = new("^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE|QUERY) /", RegexOptions.CultureInvariant);

    private readonly AssemblyLoadContext _context;

    private GeneratedClient(AssemblyLoadContext context, Assembly assembly, IReadOnlyList<GeneratedMethod> methods)
    {
        _context = context;
        Assembly = assembly;
        Methods = methods;
    }

    public Assembly Assembly { get; }

    /// <summary>Every public operation method, with the operation its documentation names (<c>&lt;remarks&gt;GET /pets&lt;/remarks&gt;</c>).</summary>
    public IReadOnlyList<GeneratedMethod> Methods { get; }

    public static GeneratedClient Generate(SpecFile spec)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { spec });
        if (Environment.GetEnvironmentVariable("ACG_CONTRACT_DUMP") is { Length: > 0 } dump)
        {
            Directory.CreateDirectory(dump);
            foreach (var source in run.Sources)
            {
                File.WriteAllText(Path.Combine(dump, source.HintName), source.SourceText.ToString());
            }
        }

        using var image = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException($"The client generated for {spec.Path} does not compile:\n" +
                GeneratorHarness.Format(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        }

        image.Position = 0;
        var context = new AssemblyLoadContext("contract:" + spec.Path, isCollectible: true);
        return new GeneratedClient(context, context.LoadFromStream(image), FindMethods(run));
    }

    private static List<GeneratedMethod> FindMethods(GeneratorRun run)
    {
        var original = new HashSet<SyntaxTree>(run.InputCompilation.SyntaxTrees);
        var methods = new List<GeneratedMethod>();
        foreach (SyntaxTree tree in run.OutputCompilation.SyntaxTrees.Where(t => !original.Contains(t)))
        {
            SemanticModel model = run.OutputCompilation.GetSemanticModel(tree);
            foreach (MethodDeclarationSyntax declaration in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is not IMethodSymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false } method
                    || !method.Name.EndsWith("Async", StringComparison.Ordinal)
                    || method.ContainingType.DeclaredAccessibility != Accessibility.Public)
                {
                    continue;
                }

                // The operation is the last line of the remarks ("GET /pets/{petId}"), after any description.
                string? remarks = method.GetDocumentationCommentXml() is { Length: > 0 } xml
                    ? XDocument.Parse(xml).Root?.Element("remarks")?.Value.Split('\n').Select(l => l.Trim()).LastOrDefault(l => s_operation.IsMatch(l))
                    : null;
                if (remarks is null)
                {
                    continue;
                }

                int space = remarks.IndexOf(' ');

                methods.Add(new GeneratedMethod(
                    ReflectionName(method.ContainingType),
                    method.Name,
                    method.Parameters.Length,
                    remarks.Substring(0, space).ToUpperInvariant(),
                    remarks.Substring(space + 1).Trim()));
            }
        }

        return methods;
    }

    private static string ReflectionName(INamedTypeSymbol type) => type.ContainingType is { } outer
        ? ReflectionName(outer) + "+" + type.MetadataName
        : (type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString() + ".") + type.MetadataName;

    public void Dispose() => _context.Unload();
}

/// <summary>A generated operation method and the operation it calls, as its documentation states it.</summary>
public sealed record GeneratedMethod(string TypeName, string Name, int ParameterCount, string HttpMethod, string PathTemplate)
{
    public string Operation => HttpMethod + " " + PathTemplate;
}
