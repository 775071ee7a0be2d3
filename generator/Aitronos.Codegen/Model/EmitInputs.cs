namespace Aitronos.Codegen.Model;

/// <summary>
/// What every file generated for one spec shares: where it goes, how it is named and the target facts that change
/// its spelling. Small on purpose: a per-type output depends on it and its type only, so an edit elsewhere in the
/// spec leaves that output cached.
/// </summary>
internal sealed record SpecSettings(
    string SpecName,
    string Namespace,
    string ClientName,
    string JsonContextName,
    bool IsPublic,
    bool HasDateOnly)
{
    /// <summary>The prefix of every hint name of this spec (<c>{Namespace}.{ClientName}</c>), unique per spec.</summary>
    public string HintPrefix => Namespace + "." + ClientName;
}

/// <summary>One generated type with the settings of its spec: the input of one per-type output.</summary>
internal sealed record TypeEmitInput(SpecSettings Settings, TypeModel Type);

/// <summary>
/// The spec as the client and the JSON context see it: every type by name and kind only (their members do not
/// change those files), so editing a schema's properties does not renew them.
/// </summary>
internal sealed record ClientEmitInput(SpecSettings Settings, ApiModel Api, TargetFacts Facts);
