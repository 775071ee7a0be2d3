using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using SharpYaml;
using SharpYaml.Events;

namespace Aitronos.Codegen.Reading;

/// <summary>
/// Finds the text spans of wanted JSON pointers in a document: the span of a mapping key, of a sequence item, or of
/// the start of a container. Only the wanted pointers and their ancestors are followed; every other subtree is
/// skipped without building its pointers, which is what keeps a 13 MB document cheap.
/// </summary>
internal static class PointerIndex
{
    /// <summary>JSON documents: the spans of the wanted pointers, unwanted subtrees skipped whole.</summary>
    /// <returns><see langword="false"/> when the text is not JSON the reader can walk (then use <see cref="WalkYaml"/>).</returns>
    /// <remarks>
    /// A char walk over the text (<see cref="JsonCharWalk"/>) finds every span as <see cref="TryWalkJsonUtf8"/> does,
    /// several times faster on a big document; any text it is not sure of (comments, a byte order mark, a lone
    /// surrogate, anything malformed) goes to <see cref="TryWalkJsonUtf8"/>, which decides.
    /// </remarks>
    public static bool TryWalkJson(string text, HashSet<string> wanted, Dictionary<string, (int Start, int End)> spans) =>
        JsonCharWalk.TryWalk(text, wanted, spans) || TryWalkJsonUtf8(text, wanted, spans);

    /// <summary>The reference walk: a <see cref="Utf8JsonReader"/> over the text's UTF-8 that skips unwanted subtrees.</summary>
    internal static bool TryWalkJsonUtf8(string text, HashSet<string> wanted, Dictionary<string, (int Start, int End)> spans)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        var found = new List<(string Pointer, long Start, long End)>();
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 4096 });
            if (!reader.Read())
            {
                return false;
            }

            WalkJsonValue(ref reader, "/", wanted, found, recordSelf: true);
        }
        catch (JsonException)
        {
            return false;
        }

        // Byte offsets to char offsets, in one forward pass (they are equal for ASCII text).
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        var offsets = new ByteToCharOffsets(text);
        foreach (var (pointer, start, end) in found)
        {
            int s = offsets.CharOffset(start);
            spans[pointer] = (s, Math.Max(s, offsets.PeekCharOffset(end)));
        }

        return true;
    }

    /// <param name="recordSelf">
    /// Whether to record the container's start as the value's span: not for a key's or item's value, whose own
    /// span is recorded already.
    /// </param>
    private static void WalkJsonValue(ref Utf8JsonReader reader, string pointer, HashSet<string> wanted, List<(string, long, long)> found, bool recordSelf)
    {
        // The reader stands on the value's first token, and the value's pointer is wanted.
        bool container = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
        if (container && recordSelf)
        {
            found.Add((pointer, reader.TokenStartIndex, reader.TokenStartIndex));
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string child = Child(pointer, reader.GetString() ?? string.Empty);
                bool isWanted = wanted.Contains(child);
                if (isWanted)
                {
                    found.Add((child, reader.TokenStartIndex, reader.BytesConsumed));
                }

                reader.Read();
                if (isWanted)
                {
                    WalkJsonValue(ref reader, child, wanted, found, recordSelf: false);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        else if (reader.TokenType == JsonTokenType.StartArray)
        {
            int index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                string child = Child(pointer, index.ToString(CultureInfo.InvariantCulture));
                index++;
                if (wanted.Contains(child))
                {
                    long start = reader.TokenStartIndex;
                    bool isContainer = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
                    found.Add((child, start, isContainer ? start : reader.BytesConsumed));
                    WalkJsonValue(ref reader, child, wanted, found, recordSelf: false);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
    }

    /// <summary>YAML (and JSON the JSON reader rejects): a SharpYaml event walk, building pointers only where wanted.</summary>
    public static void WalkYaml(string text, HashSet<string> wanted, Dictionary<string, (int Start, int End)> spans)
    {
        try
        {
            IParser parser = Parser.CreateParser(new StringReader(text));
            var stack = new Stack<Frame>();
            string? pendingPointer = null;
            while (parser.MoveNext())
            {
                ParsingEvent? ev = parser.Current;
                if (ev is null or StreamStart or DocumentStart or DocumentEnd or StreamEnd)
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
                // A null pointer stands for a node under an unwanted parent: nothing below it is wanted.
                string? nodePointer;
                if (stack.Count == 0)
                {
                    nodePointer = "/";
                }
                else
                {
                    Frame top = stack.Peek();
                    if (top.IsMapping && top.ExpectingKey)
                    {
                        string? keyPointer = null;
                        if (top.Pointer is not null)
                        {
                            string candidate = Child(top.Pointer, ev is Scalar keyScalar ? keyScalar.Value : string.Empty);
                            if (wanted.Contains(candidate))
                            {
                                keyPointer = candidate;
                                Record(spans, keyPointer, ev.Start.Index, ev.End.Index);
                            }
                        }

                        top.ExpectingKey = false;
                        pendingPointer = keyPointer;
                        if (ev is MappingStart or SequenceStart)
                        {
                            // A complex key: skip its contents by treating it as an anonymous container.
                            stack.Push(new Frame(null, ev is MappingStart));
                        }

                        continue;
                    }

                    if (top.IsMapping)
                    {
                        nodePointer = pendingPointer;
                    }
                    else
                    {
                        nodePointer = null;
                        if (top.Pointer is not null)
                        {
                            string candidate = Child(top.Pointer, top.Index.ToString(CultureInfo.InvariantCulture));
                            if (wanted.Contains(candidate))
                            {
                                nodePointer = candidate;
                                Record(spans, candidate, ev.Start.Index, ev.End.Index);
                            }
                        }
                    }
                }

                if (ev is MappingStart or SequenceStart)
                {
                    if (nodePointer is not null)
                    {
                        Record(spans, nodePointer, ev.Start.Index, ev.Start.Index);
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
            // A document the reader accepted but this walk cannot: keep what was found so far.
        }
    }

    private static void Record(Dictionary<string, (int Start, int End)> spans, string pointer, int start, int end)
    {
        if (!spans.ContainsKey(pointer))
        {
            spans[pointer] = (start, end);
        }
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

    internal static string Child(string parent, string segment) => ReadContext.Pointer(parent == "/" ? string.Empty : parent, segment);

    private sealed class Frame
    {
        public Frame(string? pointer, bool isMapping)
        {
            Pointer = pointer;
            IsMapping = isMapping;
        }

        /// <summary>The container's pointer, or null when nothing below it is wanted.</summary>
        public string? Pointer { get; }

        public bool IsMapping { get; }

        public bool ExpectingKey { get; set; } = true;

        public int Index { get; set; }
    }

    /// <summary>Turns ascending UTF-8 byte offsets into char offsets of the same text, walking it once.</summary>
    private sealed class ByteToCharOffsets
    {
        private readonly string _text;
        private int _char;
        private long _byte;

        public ByteToCharOffsets(string text) => _text = text;

        public int CharOffset(long byteOffset)
        {
            while (_byte < byteOffset && _char < _text.Length)
            {
                char c = _text[_char];
                if (char.IsHighSurrogate(c) && _char + 1 < _text.Length && char.IsLowSurrogate(_text[_char + 1]))
                {
                    _byte += 4;
                    _char += 2;
                    continue;
                }

                _byte += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                _char++;
            }

            return _char;
        }

        /// <summary>The char offset of a later byte offset, without moving the walk forward.</summary>
        public int PeekCharOffset(long byteOffset)
        {
            int c = _char;
            long b = _byte;
            while (b < byteOffset && c < _text.Length)
            {
                char ch = _text[c];
                b += ch < 0x80 ? 1 : ch < 0x800 ? 2 : char.IsHighSurrogate(ch) ? 2 : char.IsLowSurrogate(ch) ? 2 : 3;
                c++;
            }

            return c;
        }
    }
}
