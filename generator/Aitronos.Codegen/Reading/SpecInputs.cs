using System;
using System.Threading;
using Aitronos.Codegen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Aitronos.Codegen.Reading;

/// <summary>
/// Decides which AdditionalFiles are OpenAPI documents and reads them, with their item metadata, into
/// plain values. The MSBuild glue (buildTransitive/Aitronos.Codegen.props) makes the metadata visible.
/// </summary>
internal static class SpecInputs
{
    private const string Metadata = "build_metadata.AdditionalFiles.";

    public static SpecInput? TryCreate(AdditionalText file, AnalyzerConfigOptionsProvider optionsProvider, CancellationToken cancellationToken)
    {
        AnalyzerConfigOptions options = optionsProvider.GetOptions(file);
        bool marked = options.TryGetValue(Metadata + "AitronosOpenApiSpec", out string? flag)
            && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);
        if (!marked && !IsSpecFileName(file.Path))
        {
            return null;
        }

        if (options.TryGetValue(Metadata + "AitronosOpenApiSpec", out string? off) && string.Equals(off, "false", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        optionsProvider.GlobalOptions.TryGetValue("build_property.RootNamespace", out string? rootNamespace);
        return new SpecInput(
            file.Path,
            text,
            new SpecOptions(
                Value(options, "AitronosNamespace"),
                Value(options, "AitronosClientName"),
                Value(options, "AitronosVisibility"),
                Value(options, "AitronosIncludeTags"),
                Value(options, "AitronosWebhooks"),
                rootNamespace is { Length: > 0 } ? rootNamespace : null));
    }

    /// <summary><c>*.openapi.yaml</c>, <c>*.openapi.yml</c> or <c>*.openapi.json</c>.</summary>
    public static bool IsSpecFileName(string path) =>
        path.EndsWith(".openapi.yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".openapi.yml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".openapi.json", StringComparison.OrdinalIgnoreCase);

    private static string? Value(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue(Metadata + name, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
