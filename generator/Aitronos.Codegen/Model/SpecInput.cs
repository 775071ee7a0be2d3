namespace Aitronos.Codegen.Model;

/// <summary>
/// One spec file as the pipeline sees it: its path, its text and the options set on its item.
/// Built from the AdditionalText in the first step, so nothing after it holds Roslyn objects.
/// </summary>
internal sealed record SpecInput(string Path, string Text, SpecOptions Options);

/// <summary>Per-spec options from the item's metadata (see buildTransitive/Aitronos.Codegen.props).</summary>
internal sealed record SpecOptions(
    string? Namespace,
    string? ClientName,
    string? Visibility,
    string? IncludeTags,
    string? Webhooks,
    string? RootNamespace);

/// <summary>Facts projected out of the consumer's compilation, never the compilation itself.</summary>
internal sealed record TargetFacts(
    bool SupportsCSharp11,
    bool HasRuntime,
    bool HasIsExternalInit,
    bool HasRequiredMemberAttribute,
    bool HasCompilerFeatureRequiredAttribute,
    bool HasSetsRequiredMembersAttribute,
    bool HasDateOnly,
    bool HasHttpClientFactory,
    bool HasConfiguration);

/// <summary>Two specs that would generate one client (<paramref name="HintPrefix"/>): neither is generated.</summary>
internal sealed record ClientClash(string HintPrefix, string FirstPath, string SecondPath);
