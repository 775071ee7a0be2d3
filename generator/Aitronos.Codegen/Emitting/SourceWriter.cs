using System.Text;

namespace Aitronos.Codegen.Emitting;

/// <summary>A small indented text writer for emitting C#.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private readonly System.Collections.Generic.List<(int Start, int Length)> _docLines = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append('\t', _indent);
        }

        _builder.Append(text).Append('\n');
        return this;
    }

    /// <summary>Writes a header whose single statement follows, indented (<c>for (...)</c> over a <c>switch</c>).</summary>
    public SourceWriter OpenStatement(string header)
    {
        Line(header);
        _indent++;
        return this;
    }

    public SourceWriter CloseStatement()
    {
        _indent--;
        return this;
    }

    public SourceWriter OpenBlock(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter CloseBlock(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    /// <summary>Writes <c>/// &lt;tag&gt;</c> documentation for the text, when there is any.</summary>
    /// <remarks>
    /// Written straight from <see cref="CSharpLiterals.XmlDocText"/>'s one string by line ranges: a big spec's client
    /// and models hold tens of thousands of these, and a string per line was most of the emit's allocations.
    /// </remarks>
    public SourceWriter Doc(string tag, string? text, string? attributes = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        string doc = CSharpLiterals.XmlDocText(text!);
        var lines = CSharpLiterals.XmlDocLineRanges(doc, _docLines);
        if (lines.Count == 1)
        {
            DocStart().Append('<').Append(tag);
            AppendAttributes(attributes).Append('>').Append(doc, lines[0].Start, lines[0].Length).Append("</").Append(tag).Append(">\n");
            return this;
        }

        DocStart().Append('<').Append(tag);
        AppendAttributes(attributes).Append(">\n");
        foreach ((int start, int length) in lines)
        {
            if (length == 0)
            {
                _builder.Append('\t', _indent).Append("///\n");
            }
            else
            {
                DocStart().Append(doc, start, length).Append('\n');
            }
        }

        DocStart().Append("</").Append(tag).Append(">\n");
        return this;
    }

    private StringBuilder DocStart() => _builder.Append('\t', _indent).Append("/// ");

    private StringBuilder AppendAttributes(string? attributes) => attributes is null ? _builder : _builder.Append(' ').Append(attributes);

    /// <summary>Writes one line of documentation that is already XML (generator-authored, never spec text).</summary>
    public SourceWriter DocXml(string xml) => Line("/// " + xml);

    public override string ToString() => _builder.ToString();
}
