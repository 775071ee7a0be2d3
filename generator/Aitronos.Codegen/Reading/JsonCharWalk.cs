using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Aitronos.Codegen.Reading;

/// <summary>
/// <see cref="PointerIndex.TryWalkJson"/>'s fast path: walks the JSON text's chars, following only the wanted pointers
/// and skipping every other subtree by its brackets and strings (escapes respected, the grammar checked as strictly
/// as <see cref="System.Text.Json.Utf8JsonReader"/> checks it), recording char offsets directly. The spans are those of
/// <see cref="PointerIndex.TryWalkJsonUtf8"/>: a key's from its opening quote to just after its colon, an item's
/// scalar whole, a container's start. It gives up (and the reader decides) on anything it is not sure of:
/// comments, a byte order mark or other text before the root, a root that is not a container, a lone surrogate
/// (raw, or escaped in a key), nesting deeper than <see cref="MaxDepth"/>, or any syntax error.
/// </summary>
internal sealed class JsonCharWalk
{
    private const int MaxDepth = 1000;

    private readonly string _text;
    private readonly HashSet<string> _wanted;
    private readonly List<(string Pointer, int Start, int End)> _found = new();
    private readonly Stack<char> _closers = new();
    private int _pos;

    private JsonCharWalk(string text, HashSet<string> wanted)
    {
        _text = text;
        _wanted = wanted;
    }

    /// <returns><see langword="false"/> when the walk gave up; <paramref name="spans"/> is then untouched.</returns>
    public static bool TryWalk(string text, HashSet<string> wanted, Dictionary<string, (int Start, int End)> spans)
    {
        var walk = new JsonCharWalk(text, wanted);
        if (!walk.SkipWhiteSpace() || (text[walk._pos] != '{' && text[walk._pos] != '['))
        {
            return false;
        }

        try
        {
            if (!walk.Walk("/", recordSelf: true, depth: 1))
            {
                return false;
            }
        }
        catch (System.IndexOutOfRangeException)
        {
            return false;   // the text ended inside a value
        }

        foreach (var (pointer, start, end) in walk._found)
        {
            spans[pointer] = (start, end);
        }

        return true;
    }

    /// <summary>Walks the wanted value at <see cref="_pos"/> (white space skipped), recording wanted keys and items.</summary>
    private bool Walk(string pointer, bool recordSelf, int depth)
    {
        char c = _text[_pos];
        if (c != '{' && c != '[')
        {
            return SkipValue();
        }

        if (depth > MaxDepth)
        {
            return false;
        }

        if (recordSelf)
        {
            _found.Add((pointer, _pos, _pos));
        }

        _pos++;
        if (!SkipWhiteSpace())
        {
            return false;
        }

        char closer = c == '{' ? '}' : ']';
        if (_text[_pos] == closer)
        {
            _pos++;
            return true;
        }

        int index = 0;
        while (true)
        {
            string child;
            if (closer == '}')
            {
                int keyStart = _pos;
                if (_text[_pos] != '"' || !SkipString(out bool escaped))
                {
                    return false;
                }

                string? key = escaped ? Unescape(keyStart + 1, _pos - 1) : _text.Substring(keyStart + 1, _pos - keyStart - 2);
                if (key is null || !SkipWhiteSpace() || _text[_pos] != ':')
                {
                    return false;
                }

                _pos++;
                child = PointerIndex.Child(pointer, key);
                if (_wanted.Contains(child))
                {
                    _found.Add((child, keyStart, _pos));
                    if (!SkipWhiteSpace() || !Walk(child, recordSelf: false, depth + 1))
                    {
                        return false;
                    }
                }
                else if (!SkipWhiteSpace() || !SkipValue())
                {
                    return false;
                }
            }
            else
            {
                child = PointerIndex.Child(pointer, index.ToString(CultureInfo.InvariantCulture));
                index++;
                if (_wanted.Contains(child))
                {
                    int start = _pos;
                    bool container = _text[_pos] is '{' or '[';
                    int at = _found.Count;
                    _found.Add((child, start, start));
                    if (!Walk(child, recordSelf: false, depth + 1))
                    {
                        return false;
                    }

                    if (!container)
                    {
                        _found[at] = (child, start, _pos);
                    }
                }
                else if (!SkipValue())
                {
                    return false;
                }
            }

            if (!SkipWhiteSpace())
            {
                return false;
            }

            if (_text[_pos] == closer)
            {
                _pos++;
                return true;
            }

            if (_text[_pos] != ',')
            {
                return false;
            }

            _pos++;
            if (!SkipWhiteSpace())
            {
                return false;
            }

            if (_text[_pos] == closer)
            {
                _pos++;   // a trailing comma, which the reader allows
                return true;
            }
        }
    }

    /// <summary>Skips the value at <see cref="_pos"/> (white space skipped) and everything in it, checking its syntax.</summary>
    private bool SkipValue()
    {
        _closers.Clear();
        while (true)
        {
            // A value is expected at _pos.
            char c = _text[_pos];
            if (c == '{' || c == '[')
            {
                if (_closers.Count >= MaxDepth)
                {
                    return false;
                }

                char closer = c == '{' ? '}' : ']';
                _closers.Push(closer);
                _pos++;
                if (!SkipWhiteSpace())
                {
                    return false;
                }

                if (_text[_pos] == closer)
                {
                    _closers.Pop();
                    _pos++;
                }
                else if (closer == '}')
                {
                    if (!SkipKey())
                    {
                        return false;
                    }

                    continue;
                }
                else
                {
                    continue;
                }
            }
            else if (!SkipScalar())
            {
                return false;
            }

            // After a value: close containers or go on to the next item or member.
            while (true)
            {
                if (_closers.Count == 0)
                {
                    return true;
                }

                if (!SkipWhiteSpace())
                {
                    return false;
                }

                char next = _text[_pos];
                char closer = _closers.Peek();
                if (next == closer)
                {
                    _closers.Pop();
                    _pos++;
                    continue;
                }

                if (next != ',')
                {
                    return false;
                }

                _pos++;
                if (!SkipWhiteSpace())
                {
                    return false;
                }

                if (_text[_pos] == closer)
                {
                    _closers.Pop();   // a trailing comma
                    _pos++;
                    continue;
                }

                if (closer == '}' && !SkipKey())
                {
                    return false;
                }

                break;
            }
        }
    }

    /// <summary>Skips a member's key, its colon and the white space after it.</summary>
    private bool SkipKey()
    {
        if (_text[_pos] != '"' || !SkipString(out _) || !SkipWhiteSpace() || _text[_pos] != ':')
        {
            return false;
        }

        _pos++;
        return SkipWhiteSpace();
    }

    private bool SkipScalar()
    {
        char c = _text[_pos];
        switch (c)
        {
            case '"': return SkipString(out _);
            case 't': return SkipLiteral("true");
            case 'f': return SkipLiteral("false");
            case 'n': return SkipLiteral("null");
            default: return SkipNumber();
        }
    }

    private bool SkipLiteral(string literal)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            return false;
        }

        _pos += literal.Length;
        return true;
    }

    /// <summary>The JSON number grammar: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    private bool SkipNumber()
    {
        int i = _pos;
        string t = _text;
        if (i < t.Length && t[i] == '-')
        {
            i++;
        }

        if (i >= t.Length || !IsDigit(t[i]))
        {
            return false;
        }

        if (t[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < t.Length && IsDigit(t[i]))
            {
                i++;
            }
        }

        if (i < t.Length && t[i] == '.')
        {
            i++;
            if (i >= t.Length || !IsDigit(t[i]))
            {
                return false;
            }

            while (i < t.Length && IsDigit(t[i]))
            {
                i++;
            }
        }

        if (i < t.Length && (t[i] == 'e' || t[i] == 'E'))
        {
            i++;
            if (i < t.Length && (t[i] == '+' || t[i] == '-'))
            {
                i++;
            }

            if (i >= t.Length || !IsDigit(t[i]))
            {
                return false;
            }

            while (i < t.Length && IsDigit(t[i]))
            {
                i++;
            }
        }

        // What follows a number must end it: white space, a comma or a closing bracket (checked by the caller;
        // a letter or anything else fails there).
        _pos = i;
        return true;
    }

    /// <summary>Skips the string starting at <see cref="_pos"/> (on its quote); <see cref="_pos"/> ends after the closing quote.</summary>
    private bool SkipString(out bool escaped)
    {
        escaped = false;
        string t = _text;
        int i = _pos + 1;
        while (true)
        {
            char c = t[i];
            if (c == '"')
            {
                _pos = i + 1;
                return true;
            }

            if (c == '\\')
            {
                escaped = true;
                char e = t[i + 1];
                if (e == 'u')
                {
                    if (!IsHex(t[i + 2]) || !IsHex(t[i + 3]) || !IsHex(t[i + 4]) || !IsHex(t[i + 5]))
                    {
                        return false;
                    }

                    i += 6;
                    continue;
                }

                if (e is not ('"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't'))
                {
                    return false;
                }

                i += 2;
                continue;
            }

            if (c < ' ')
            {
                return false;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || !char.IsLowSurrogate(t[i + 1]))
                {
                    return false;   // a lone surrogate: the reader sees U+FFFD there; let it decide
                }

                i += 2;
                continue;
            }

            i++;
        }
    }

    /// <summary>A key's text with its escapes decoded; null for an escaped surrogate (the reader decides those).</summary>
    private string? Unescape(int start, int end)
    {
        var builder = new StringBuilder(end - start);
        for (int i = start; i < end; i++)
        {
            char c = _text[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            char e = _text[++i];
            switch (e)
            {
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    char u = Hex(i + 1);
                    i += 4;
                    if (char.IsHighSurrogate(u) && i + 6 < end && _text[i + 1] == '\\' && _text[i + 2] == 'u' && char.IsLowSurrogate(Hex(i + 3)))
                    {
                        builder.Append(u).Append(Hex(i + 3));   // an escaped surrogate pair
                        i += 6;
                        break;
                    }

                    if (char.IsSurrogate(u))
                    {
                        return null;
                    }

                    builder.Append(u);
                    break;
                default: builder.Append(e); break;   // " \ /
            }
        }

        return builder.ToString();
    }

    /// <summary>Skips JSON white space; false at the end of the text or at a comment (left to the reader).</summary>
    private bool SkipWhiteSpace()
    {
        string t = _text;
        int i = _pos;
        while (i < t.Length)
        {
            char c = t[i];
            if (c is ' ' or '\n' or '\r' or '\t')
            {
                i++;
                continue;
            }

            _pos = i;
            return c != '/';
        }

        _pos = i;
        return false;
    }

    private char Hex(int start) => (char)int.Parse(_text.Substring(start, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');
}
