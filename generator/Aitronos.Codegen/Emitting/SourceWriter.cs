using System.Text;

namespace Aitronos.Codegen.Emitting;

/// <summary>A small indented text writer for emitting C#.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
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
    public SourceWriter Doc(string tag, string? text, string? attributes = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        string open = attributes is null ? $"<{tag}>" : $"<{tag} {attributes}>";
        string[] lines = CSharpLiterals.XmlDocLines(text!);
        if (lines.Length == 1)
        {
            return Line($"/// {open}{lines[0]}</{tag}>");
        }

        Line("/// " + open);
        foreach (string line in lines)
        {
            Line(line.Length == 0 ? "///" : "/// " + line);
        }

        return Line($"/// </{tag}>");
    }

    /// <summary>Writes one line of documentation that is already XML (generator-authored, never spec text).</summary>
    public SourceWriter DocXml(string xml) => Line("/// " + xml);

    public override string ToString() => _builder.ToString();
}
