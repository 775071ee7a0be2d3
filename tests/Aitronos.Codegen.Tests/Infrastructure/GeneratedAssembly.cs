using System.IO;
using System.Reflection;
using System.Text.Json;
using Xunit;

namespace Aitronos.Codegen.Tests.Infrastructure;

/// <summary>A spec's generated client, compiled and loaded, for tests that read and write its models (test-only: asserts).</summary>
internal static class GeneratedAssembly
{
    /// <summary>
    /// Generates a client for <paramref name="spec"/>, asserts that it compiles cleanly, loads the assembly and hands back
    /// the generated JSON context's <c>Options</c> (<c>Consumer.{contextName}</c>).
    /// </summary>
    public static (Assembly Assembly, JsonSerializerOptions Options) CompileAndLoad(SpecFile spec, string contextName)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { spec });
        Assert.Empty(run.CompilationProblems);
        using var image = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(image);
        Assert.True(emitted.Success, GeneratorHarness.Format(emitted.Diagnostics));
        Assembly assembly = Assembly.Load(image.ToArray());
        var options = (JsonSerializerOptions)assembly.GetType("Consumer." + contextName)!.GetProperty("Options")!.GetValue(null)!;
        return (assembly, options);
    }
}
