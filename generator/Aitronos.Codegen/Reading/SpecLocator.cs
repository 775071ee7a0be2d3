using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using Aitronos.Codegen.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SharpYaml;
using SharpYaml.Events;

namespace Aitronos.Codegen.Reading;

/// <summary>
/// Turns what the OpenAPI reader says about a place (a JSON pointer, or a line and column in its message)
/// into a location in the spec file. The document model has no positions, so pointers are found by
/// walking the text once with a YAML event parser (YAML is a superset of JSON, so one walk serves both).
/// </summary>
internal sealed class SpecLocator
{
    private static readonly Regex s_yamlLineColumn = new(@"line (\d+), column (\d+)", RegexOptions.CultureInvariant);
    private static readonly Regex s_jsonLine = new(@"LineNumber: (\d+) \| BytePositionInLine: (\d+)", RegexOptions.CultureInvariant);
    private static readonly Regex s_jsonLinePointer = new(@"#line=(\d+)", RegexOptions.CultureInvariant);

    private readonly string _path;
    private readonly SourceText _text;
    private readonly string _raw;
    private Dictionary<string, (int Start, int End)>? _pointers;

    public SpecLocator(string path, string text)
    {
        _path = path;
        _raw = text;
        _text = SourceText.From(text);
    }

    /// <summary>The start of the file: for problems that concern the document as a whole.</summary>
    public LocationInfo File => At(0, 0);

    /// <summary>Locates an error the reader reported: by the position in its message, else by its pointer.</summary>
    public LocationInfo ForReaderError(string? pointer, string message)
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
        if (jsonLine.Success)
        {
            return AtLine(Parse(jsonLine.Groups[1].Value), 0);
        }

        return ForPointer(pointer);
    }

    /// <summary>Locates a JSON pointer (<c>#/paths/~1pets/get</c>); the nearest enclosing node that exists wins.</summary>
    public LocationInfo ForPointer(string? pointer)
    {
        if (string.IsNullOrEmpty(pointer))
        {
            return File;
        }

        _pointers ??= IndexPointers();
        string current = Normalize(pointer!);
        while (true)
        {
            if (_pointers.TryGetValue(current, out var span))
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
        if (_text.Lines.Count == 0)
        {
            return File;
        }

        line = Math.Max(0, Math.Min(line, _text.Lines.Count - 1));
        TextLine textLine = _text.Lines[line];
        int start = textLine.Start + Math.Max(0, Math.Min(column, textLine.End - textLine.Start));
        int end = start < textLine.End ? start + 1 : start;
        return At(start, end);
    }

    private LocationInfo At(int start, int end)
    {
        start = Math.Max(0, Math.Min(start, _text.Length));
        end = Math.Max(start, Math.Min(end, _text.Length));
        var span = TextSpan.FromBounds(start, end);
        return new LocationInfo(_path, span, _text.Lines.GetLinePositionSpan(span));
    }

    private static int Parse(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : 0;

    /// <summary>Walks the document once and records the span of every key (or sequence item) by its pointer.</summary>
    private Dictionary<string, (int Start, int End)> IndexPointers()
    {
        var result = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        try
        {
            IParser parser = Parser.CreateParser(new StringReader(_raw));
            var stack = new Stack<Frame>();
            string? pendingPointer = null;
            while (parser.MoveNext())
            {
                ParsingEvent? ev = parser.Current;
                if (ev is null)
                {
                    continue;
                }

                if (ev is StreamStart or DocumentStart or DocumentEnd or StreamEnd)
                {
                    continue;
                }

                if (ev is MappingEnd or SequenceEnd)
                {
                    if (stack.Count > 0)
                    {
                        stack.Pop();
                    }

                    AfterValue(stack);
                    continue;
                }

                // A node: a key of a mapping, or a value (of a mapping key, a sequence item or the root).
                string nodePointer;
                if (stack.Count == 0)
                {
                    nodePointer = "/";
                }
                else
                {
                    Frame top = stack.Peek();
                    if (top.IsMapping && top.ExpectingKey)
                    {
                        string key = ev is Scalar keyScalar ? keyScalar.Value : string.Empty;
                        string keyPointer = Child(top.Pointer, key);
                        if (!result.ContainsKey(keyPointer))
                        {
                            result[keyPointer] = (ev.Start.Index, ev.End.Index);
                        }

                        top.ExpectingKey = false;
                        pendingPointer = keyPointer;
                        if (ev is MappingStart or SequenceStart)
                        {
                            // A complex key: skip its contents by treating it as an anonymous container.
                            stack.Push(new Frame(keyPointer + "/?", ev is MappingStart));
                        }

                        continue;
                    }

                    if (top.IsMapping)
                    {
                        nodePointer = pendingPointer ?? top.Pointer;
                    }
                    else
                    {
                        nodePointer = Child(top.Pointer, top.Index.ToString(CultureInfo.InvariantCulture));
                        if (!result.ContainsKey(nodePointer))
                        {
                            result[nodePointer] = (ev.Start.Index, ev.End.Index);
                        }
                    }
                }

                if (ev is MappingStart or SequenceStart)
                {
                    if (!result.ContainsKey(nodePointer))
                    {
                        result[nodePointer] = (ev.Start.Index, ev.Start.Index);
                    }

                    stack.Push(new Frame(nodePointer, ev is MappingStart));
                }
                else
                {
                    AfterValue(stack);
                }
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException)
        {
            // A document the reader accepted but this walk cannot: keep what was indexed so far.
        }

        return result;
    }

    private static void AfterValue(Stack<Frame> stack)
    {
        if (stack.Count == 0)
        {
            return;
        }

        Frame top = stack.Peek();
        if (top.IsMapping)
        {
            top.ExpectingKey = true;
        }
        else
        {
            top.Index++;
        }
    }

    private static string Child(string parent, string segment)
    {
        string escaped = segment.Replace("~", "~0").Replace("/", "~1");
        return parent == "/" ? "/" + escaped : parent + "/" + escaped;
    }

    private sealed class Frame
    {
        public Frame(string pointer, bool isMapping)
        {
            Pointer = pointer;
            IsMapping = isMapping;
        }

        public string Pointer { get; }

        public bool IsMapping { get; }

        public bool ExpectingKey { get; set; } = true;

        public int Index { get; set; }
    }
}
