using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Aitronos.Codegen.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Aitronos.Codegen.Reading;

/// <summary>
/// Turns what the OpenAPI reader says about a place (a JSON pointer, or a line and column in its message)
/// into a location in the spec file. The document model has no positions, so pointers are found by walking the
/// text (see <see cref="PointerIndex"/>), once for all the pointers that diagnostics need.
/// </summary>
internal sealed class SpecLocator
{
    private static readonly Regex s_yamlLineColumn = new(@"line (\d+), column (\d+)", RegexOptions.CultureInvariant);
    private static readonly Regex s_jsonLine = new(@"LineNumber: (\d+) \| BytePositionInLine: (\d+)", RegexOptions.CultureInvariant);
    private static readonly Regex s_jsonLinePointer = new(@"#line=(\d+)", RegexOptions.CultureInvariant);

    private readonly string _path;
    private LineStarts? _lines;
    private readonly string _raw;
    private readonly bool _isJson;
    private readonly Dictionary<string, (int Start, int End)> _spans = new(StringComparer.Ordinal);
    private readonly HashSet<string> _missing = new(StringComparer.Ordinal);

    public SpecLocator(string path, string text)
    {
        _path = path;
        _raw = text;
        _isJson = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The start of the file: for problems that concern the document as a whole.</summary>
    public LocationInfo File => At(0, 0);

    /// <summary>The position a reader error states in its text (YAML or JSON line and column), else null: then only its pointer locates it.</summary>
    public LocationInfo? PositionInReaderError(string? pointer, string message)
    {
        Match yaml = s_yamlLineColumn.Match(message);
        if (yaml.Success)
        {
            return AtLine(Parse(yaml.Groups[1].Value) - 1, Parse(yaml.Groups[2].Value) - 1);
        }

        Match json = s_jsonLine.Match(message);
        if (json.Success)
        {
            return AtLine(Parse(json.Groups[1].Value), Parse(json.Groups[2].Value));
        }

        Match jsonLine = s_jsonLinePointer.Match(pointer ?? string.Empty);
        return jsonLine.Success ? AtLine(Parse(jsonLine.Groups[1].Value), 0) : null;
    }

    /// <summary>
    /// Finds the given pointers (and their ancestors, for the fallback to the nearest enclosing node) in one walk
    /// of the text, so that <see cref="ForPointer"/> answers them without walking again. Pointers prepared
    /// earlier stay known.
    /// </summary>
    public void Prepare(IEnumerable<string?> pointers)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (string? pointer in pointers)
        {
            if (string.IsNullOrEmpty(pointer))
            {
                continue;
            }

            string current = Normalize(pointer!);
            while (current.Length > 1 && !_spans.ContainsKey(current) && !_missing.Contains(current) && wanted.Add(current))
            {
                int slash = current.LastIndexOf('/');
                current = slash <= 0 ? "/" : current.Substring(0, slash);
            }
        }

        if (wanted.Count == 0)
        {
            return;
        }

        wanted.Add("/");
        if (!(_isJson && PointerIndex.TryWalkJson(_raw, wanted, _spans)))
        {
            PointerIndex.WalkYaml(_raw, wanted, _spans);
        }

        foreach (string pointer in wanted)
        {
            if (!_spans.ContainsKey(pointer))
            {
                _missing.Add(pointer);
            }
        }
    }

    /// <summary>Locates a JSON pointer (<c>#/paths/~1pets/get</c>); the nearest enclosing node that exists wins.</summary>
    public LocationInfo ForPointer(string? pointer)
    {
        if (string.IsNullOrEmpty(pointer))
        {
            return File;
        }

        Prepare(new[] { pointer });
        string current = Normalize(pointer!);
        while (true)
        {
            if (_spans.TryGetValue(current, out var span))
            {
                return At(span.Start, span.End);
            }

            int slash = current.LastIndexOf('/');
            if (slash <= 0)
            {
                return File;
            }

            current = current.Substring(0, slash);
        }
    }

    private static string Normalize(string pointer)
    {
        string p = pointer.StartsWith("#", StringComparison.Ordinal) ? pointer.Substring(1) : pointer;
        return p.Length == 0 ? "/" : p;
    }

    private LocationInfo AtLine(int line, int column)
    {
        LineStarts lines = Lines;
        line = Math.Max(0, Math.Min(line, lines.Count - 1));
        int lineStart = lines.Start(line), lineEnd = lines.End(line);
        int start = lineStart + Math.Max(0, Math.Min(column, lineEnd - lineStart));
        int end = start < lineEnd ? start + 1 : start;
        return At(start, end);
    }

    /// <summary>The text's lines, counted once, when the first location is asked for.</summary>
    private LineStarts Lines => _lines ??= new LineStarts(_raw);

    /// <summary>Locates a range of the text by its offsets.</summary>
    public LocationInfo At(int start, int end)
    {
        start = Math.Max(0, Math.Min(start, _raw.Length));
        end = Math.Max(start, Math.Min(end, _raw.Length));
        var span = TextSpan.FromBounds(start, end);
        return new LocationInfo(_path, span, Lines.Span(span));
    }

    private static int Parse(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : 0;
}
