using System.Collections.Generic;
using Aitronos.Codegen.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Aitronos.Codegen.Reading;

/// <summary>What the readers share while they turn one document into a model: its locator and the diagnostics found.</summary>
/// <remarks>
/// Diagnostics reported by JSON pointer are located at the end, all at once: finding a pointer means walking the
/// text, and one walk that looks only for the pointers asked for costs a fraction of indexing every node of a
/// big document.
/// </remarks>
internal sealed class ReadContext
{
    private readonly List<(DiagnosticDescriptor Descriptor, string? Pointer, LocationInfo? Location, string[] Arguments)> _reports = new();

    public ReadContext(SpecLocator locator) => Locator = locator;

    public SpecLocator Locator { get; }

    /// <summary>
    /// Where a Swagger 2.0 text said <c>collectionFormat: tsv</c>, which Microsoft.OpenApi throws on for the whole
    /// document: the text is read with <c>csv</c> there (same length, so positions hold), and the parameters found at
    /// these offsets are taken as strings (see <c>OperationReader</c>); the offsets left are reported where they are.
    /// </summary>
    public List<int> TabSeparated { get; } = new();

    /// <summary>The diagnostics reported so far, in the order they were reported, located now with one walk of the text.</summary>
    public IReadOnlyList<DiagnosticInfo> LocateDiagnostics()
    {
        var pointers = new List<string>();
        foreach (var report in _reports)
        {
            if (report.Location is null && report.Pointer is { } pointer)
            {
                pointers.Add(pointer);
            }
        }

        Locator.Prepare(pointers);
        var result = new List<DiagnosticInfo>(_reports.Count);
        foreach (var (descriptor, pointer, location, arguments) in _reports)
        {
            result.Add(DiagnosticInfo.Create(descriptor, location ?? Locator.ForPointer(pointer), arguments));
        }

        return result;
    }

    public void Report(DiagnosticDescriptor descriptor, string? pointer, params string[] arguments) =>
        _reports.Add((descriptor, pointer, null, arguments));

    /// <summary>Reports an error of the OpenAPI reader: located by the position in its message, else (later, with the rest) by its pointer.</summary>
    public void ReportReaderError(DiagnosticDescriptor descriptor, string? pointer, string message, params string[] arguments) =>
        _reports.Add((descriptor, pointer, Locator.PositionInReaderError(pointer, message) ?? (string.IsNullOrEmpty(pointer) ? Locator.File : null), arguments));

    public void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
        _reports.Add((descriptor, null, location, arguments));

    /// <summary>The pointer of <paramref name="segment"/> under <paramref name="parent"/>, the segment escaped (RFC 6901).</summary>
    public static string Pointer(string parent, string segment) =>
        parent + "/" + (segment.IndexOf('~') < 0 && segment.IndexOf('/') < 0 ? segment : segment.Replace("~", "~0").Replace("/", "~1"));
}
