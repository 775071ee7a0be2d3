using Aitronos.Codegen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Aitronos.Codegen.Reading;

/// <summary>Projects the few facts the emitters need out of the compilation; the compilation itself goes no further.</summary>
internal static class TargetFactsReader
{
    public static TargetFacts Read(Compilation compilation) => new(
        SupportsCSharp11: compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp11 },
        HasRuntime: compilation.GetTypeByMetadataName("Aitronos.Codegen.Runtime.ApiTransport") is not null,
        HasIsExternalInit: Has(compilation, "System.Runtime.CompilerServices.IsExternalInit"),
        HasRequiredMemberAttribute: Has(compilation, "System.Runtime.CompilerServices.RequiredMemberAttribute"),
        HasCompilerFeatureRequiredAttribute: Has(compilation, "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute"),
        HasSetsRequiredMembersAttribute: Has(compilation, "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute"),
        HasDateOnly: Has(compilation, "System.DateOnly"),
        // services.Add{Client}(...) is emitted only for targets that have IHttpClientFactory's registration (and options).
        HasHttpClientFactory: Has(compilation, "Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions")
            && Has(compilation, "Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions")
            && Has(compilation, "Microsoft.Extensions.Options.OptionsBuilder`1"),
        HasConfiguration: Has(compilation, "Microsoft.Extensions.Configuration.ConfigurationExtensions"));

    // A type that exists but is not accessible (internal in another assembly) does not count.
    private static bool Has(Compilation compilation, string metadataName) =>
        compilation.GetTypeByMetadataName(metadataName) is { } type
        && (type.DeclaredAccessibility == Accessibility.Public || SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly));
}
