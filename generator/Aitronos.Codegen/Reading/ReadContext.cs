using System.Collections.Generic;
using Aitronos.Codegen.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Aitronos.Codegen.Reading;

/// <summary>What the readers share while they turn one document into a model: its locator and the diagnostics found.</summary>
internal sealed class ReadContext
{
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public ReadContext(SpecLocator locator) => Locator = locator;

    public SpecLocator Locator { get; }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    public void Report(DiagnosticDescriptor descriptor, string? pointer, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, Locator.ForPointer(pointer), arguments));

    public void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

    public static string Pointer(string parent, string segment) =>
        parent + "/" + segment.Replace("~", "~0").Replace("/", "~1");
}
