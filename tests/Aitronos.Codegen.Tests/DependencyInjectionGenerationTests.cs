using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// <c>services.Add{Client}(...)</c> is emitted only for targets that reference Microsoft.Extensions.Http (its
/// <c>IConfiguration</c> overload only with Microsoft.Extensions.Configuration.Abstractions), and compiles cleanly.
/// </summary>
public sealed class DependencyInjectionGenerationTests
{
    private const string Registration = "PetstoreLiteClientServiceCollectionExtensions.g.cs";

    private const string Consumer = """
        using Microsoft.Extensions.DependencyInjection;
        namespace Consumer
        {
            public static class Startup
            {
                public static void Configure(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
                {
                    services.AddPetstoreLiteClient(configuration.GetSection("Petstore"), options => options.MaxRetries = 1).ConfigureHttpClient(http => { });
                    services.AddPetstoreLiteClient(options => options.ApiKey = "k");
                    services.AddPetstoreLiteClient();
                }
            }
        }
        """;

    [Fact]
    public void A_target_without_Microsoft_Extensions_Http_gets_no_registration_code()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { PetStore() });

        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(Registration, StringComparison.Ordinal));
        Assert.DoesNotContain(run.Sources, s => s.SourceText.ToString().Contains("Microsoft.Extensions", StringComparison.Ordinal));
        Assert.True(run.CompilationProblems.Count == 0, GeneratorHarness.Format(run.CompilationProblems.Take(20)));
    }

    [Fact]
    public void A_target_with_Microsoft_Extensions_Http_and_configuration_gets_both_overloads_which_compile_without_warnings()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { PetStore() }, Compilation(Consumer, withConfiguration: true));

        Assert.True(run.CompilationProblems.Count == 0, "The registration does not compile cleanly:\n" + GeneratorHarness.Format(run.CompilationProblems.Take(20)));
        string source = run.Source(Registration);
        Assert.Contains("AddPetstoreLiteClient(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::Microsoft.Extensions.Configuration.IConfiguration configuration", source);
        Assert.Contains("ApiClientRegistration.LeaveRetriesToHandlers", source);
        Assert.DoesNotContain("ConfigurationBinder", source);
        Snapshot.Verify(new Dictionary<string, string> { [Registration] = source }, string.Empty, nameof(DependencyInjectionGenerationTests), "PetstoreLiteRegistration");
    }

    [Fact]
    public void A_target_with_Microsoft_Extensions_Http_but_no_configuration_gets_the_options_overload_only()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { PetStore() }, Compilation("namespace Consumer { }", withConfiguration: false));

        Assert.True(run.CompilationProblems.Count == 0, GeneratorHarness.Format(run.CompilationProblems.Take(20)));
        string source = run.Source(Registration);
        Assert.DoesNotContain("IConfiguration", source);
        Assert.Contains("AddPetstoreLiteClient(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<", source);
    }

    private static SpecFile PetStore() => GeneratorHarness.LoadTestSpec("petstore-lite.openapi.yaml");

    /// <summary>The default compilation plus the Microsoft.Extensions assemblies beside the tests (without configuration's, if so asked).</summary>
    private static CSharpCompilation Compilation(string source, bool withConfiguration)
    {
        IEnumerable<MetadataReference> extensions = Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.Extensions.*.dll")
            .Where(path => withConfiguration || !Path.GetFileName(path).StartsWith("Microsoft.Extensions.Configuration", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(source);
        return compilation.AddReferences(extensions);
    }
}
