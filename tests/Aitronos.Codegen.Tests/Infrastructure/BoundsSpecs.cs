using System;
using System.Globalization;
using System.Text;

namespace Aitronos.Codegen.Tests.Infrastructure;

/// <summary>
/// Specs far outside the corpus, built in memory (none is checked in): many operations, a huge enum, a big document,
/// deep nesting, long reference chains. JSON unless said otherwise, one construct per line so that a diagnostic's line
/// says which one.
/// </summary>
public static class BoundsSpecs
{
    private const string Header = "{\n\"openapi\": \"3.0.3\",\n\"info\": {\"title\": \"Bounds\", \"version\": \"1\"},\n";

    /// <summary><paramref name="count"/> operations, each with a path parameter and a typed result, in tags of 100.</summary>
    public static string Operations(int count)
    {
        var text = new StringBuilder(Header).Append("\"paths\": {\n");
        for (int i = 0; i < count; i++)
        {
            text.Append(i == 0 ? string.Empty : ",\n")
                .Append(Invariant($"\"/items{i}/{{id}}\": {{\"get\": {{\"operationId\": \"getItem{i}\", \"tags\": [\"group{i / 100}\"], "))
                .Append("\"parameters\": [{\"name\": \"id\", \"in\": \"path\", \"required\": true, \"schema\": {\"type\": \"string\"}}], ")
                .Append("\"responses\": {\"200\": {\"description\": \"ok\", \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Item\"}}}}}}}");
        }

        return text.Append("\n},\n\"components\": {\"schemas\": {\"Item\": {\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}}}\n}").ToString();
    }

    /// <summary>One string enum of <paramref name="count"/> values, the result of one operation.</summary>
    public static string Enum(int count)
    {
        var text = new StringBuilder(Header).Append(Operation("getBig", "Big")).Append(",\n\"components\": {\"schemas\": {\"Big\": {\"type\": \"string\", \"enum\": [\n");
        for (int i = 0; i < count; i++)
        {
            text.Append(i == 0 ? string.Empty : ",\n").Append(Invariant($"\"value_{i}\""));
        }

        return text.Append("\n]}}}\n}").ToString();
    }

    /// <summary>
    /// At least <paramref name="bytes"/> of spec: object schemas of ten described properties each, one operation per
    /// ten schemas. About 2.6 KB a schema.
    /// </summary>
    public static string Big(int bytes)
    {
        var schemas = new StringBuilder();
        int count = 0;
        string description = new('d', 200);
        while (schemas.Length < bytes)
        {
            schemas.Append(count == 0 ? string.Empty : ",\n").Append(Invariant($"\"Schema{count}\": {{\"type\": \"object\", \"description\": \"Schema {count}\", \"properties\": {{"));
            for (int p = 0; p < 10; p++)
            {
                schemas.Append(p == 0 ? string.Empty : ", ").Append(Invariant($"\"property_{p}\": {{\"type\": \"{(p % 2 == 0 ? "string" : "integer")}\", \"description\": \"{description} {p}\"}}"));
            }

            schemas.Append("}}");
            count++;
        }

        var text = new StringBuilder(Header, bytes + (count * 200)).Append("\"paths\": {\n");
        for (int i = 0; i < count; i += 10)
        {
            text.Append(i == 0 ? string.Empty : ",\n")
                .Append(Invariant($"\"/schemas/{i}\": {{\"get\": {{\"operationId\": \"getSchema{i}\", \"responses\": {{\"200\": {{\"description\": \"ok\", \"content\": {{\"application/json\": {{\"schema\": {{\"$ref\": \"#/components/schemas/Schema{i}\"}}}}}}}}}}}}}}"));
        }

        return text.Append("\n},\n\"components\": {\"schemas\": {\n").Append(schemas).Append("\n}}\n}").ToString();
    }

    /// <summary>A response schema of objects nested <paramref name="depth"/> deep (each level a property <c>a</c>), as JSON.</summary>
    public static string NestedJson(int depth)
    {
        var text = new StringBuilder(Header).Append(Operation("getDeep", "Deep")).Append(",\n\"components\": {\"schemas\": {\"Deep\": \n");
        for (int i = 0; i < depth; i++)
        {
            text.Append("{\"type\": \"object\", \"properties\": {\"a\": ");
        }

        text.Append("{\"type\": \"string\"}");
        for (int i = 0; i < depth; i++)
        {
            text.Append("}}");
        }

        return text.Append("\n}}\n}").ToString();
    }

    /// <summary>The same as YAML flow mappings (the reader's own nesting limit is the one that YAML text meets).</summary>
    public static string NestedYaml(int depth)
    {
        var text = new StringBuilder("openapi: 3.0.3\ninfo: {title: Bounds, version: '1'}\n")
            .Append("paths:\n  /deep:\n    get:\n      operationId: getDeep\n      responses:\n        '200':\n          description: ok\n")
            .Append("          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Deep'}\n")
            .Append("components:\n  schemas:\n    Deep: ");
        for (int i = 0; i < depth; i++)
        {
            text.Append("{type: object, properties: {a: ");
        }

        text.Append("{type: string}");
        for (int i = 0; i < depth; i++)
        {
            text.Append("}}");
        }

        return text.Append('\n').ToString();
    }

    /// <summary>
    /// <c>Link0</c> is a bare <c>$ref</c> to <c>Link1</c>, and so on <paramref name="length"/> times; the last names an
    /// object. The operation uses <c>Link0</c>.
    /// </summary>
    public static string RefChain(int length)
    {
        var text = new StringBuilder(Header).Append(Operation("getLink", "Link0")).Append(",\n\"components\": {\"schemas\": {\n");
        for (int i = 0; i < length; i++)
        {
            text.Append(Invariant($"\"Link{i}\": {{\"$ref\": \"#/components/schemas/Link{i + 1}\"}},\n"));
        }

        return text.Append(Invariant($"\"Link{length}\": {{\"type\": \"object\", \"properties\": {{\"end\": {{\"type\": \"string\"}}}}}}\n}}}}\n}}")).ToString();
    }

    /// <summary><c>Node0</c> has a property <c>next</c> of <c>Node1</c>, and so on: a chain of <paramref name="length"/> objects.</summary>
    public static string ObjectChain(int length)
    {
        var text = new StringBuilder(Header).Append(Operation("getNode", "Node0")).Append(",\n\"components\": {\"schemas\": {\n");
        for (int i = 0; i < length; i++)
        {
            text.Append(Invariant($"\"Node{i}\": {{\"type\": \"object\", \"properties\": {{\"value{i}\": {{\"type\": \"string\"}}, \"next\": {{\"$ref\": \"#/components/schemas/Node{i + 1}\"}}}}}},\n"));
        }

        return text.Append(Invariant($"\"Node{length}\": {{\"type\": \"object\", \"properties\": {{\"end\": {{\"type\": \"string\"}}}}}}\n}}}}\n}}")).ToString();
    }

    /// <summary>
    /// <c>Level0</c> is <c>allOf</c> of <c>Level1</c> and its own property <c>p0</c>, and so on <paramref name="length"/>
    /// times: <c>Level0</c> has every property of the chain.
    /// </summary>
    public static string AllOfChain(int length)
    {
        var text = new StringBuilder(Header).Append(Operation("getLevel", "Level0")).Append(",\n\"components\": {\"schemas\": {\n");
        for (int i = 0; i < length; i++)
        {
            text.Append(Invariant($"\"Level{i}\": {{\"allOf\": [{{\"$ref\": \"#/components/schemas/Level{i + 1}\"}}, {{\"type\": \"object\", \"properties\": {{\"p{i}\": {{\"type\": \"string\"}}}}}}]}},\n"));
        }

        return text.Append(Invariant($"\"Level{length}\": {{\"type\": \"object\", \"properties\": {{\"end\": {{\"type\": \"string\"}}}}}}\n}}}}\n}}")).ToString();
    }

    /// <summary>A document whose components are <paramref name="schemas"/> (JSON members) and whose operations use <paramref name="used"/> every way an operation can.</summary>
    public static string UsedEveryWay(string schemas, string used)
    {
        string reference = "{\"$ref\": \"#/components/schemas/" + used + "\"}";
        return Header + "\"paths\": {\n"
            + "\"/json\": {\"post\": {\"operationId\": \"postJson\", \"parameters\": [{\"name\": \"q\", \"in\": \"query\", \"schema\": " + reference + "}],\n"
            + "  \"requestBody\": {\"content\": {\"application/json\": {\"schema\": " + reference + "}}},\n"
            + "  \"responses\": {\"200\": {\"description\": \"ok\", \"content\": {\"application/json\": {\"schema\": " + reference + "}}}}}},\n"
            + "\"/octets\": {\"post\": {\"operationId\": \"postOctets\", \"requestBody\": {\"content\": {\"application/octet-stream\": {\"schema\": " + reference + "}, \"text/plain\": {\"schema\": " + reference + "}}},\n"
            + "  \"responses\": {\"200\": {\"description\": \"ok\", \"content\": {\"text/event-stream\": {\"schema\": " + reference + "}}}}}},\n"
            + "\"/form\": {\"post\": {\"operationId\": \"postForm\", \"requestBody\": {\"content\": {\"application/x-www-form-urlencoded\": {\"schema\": " + reference + "}, \"multipart/form-data\": {\"schema\": " + reference + "}}},\n"
            + "  \"responses\": {\"200\": {\"description\": \"ok\", \"content\": {\"application/x-ndjson\": {\"schema\": " + reference + "}}}}}}\n"
            + "},\n\"components\": {\"schemas\": {\n" + schemas + "\n}}\n}";
    }

    private static string Operation(string operationId, string schema) =>
        "\"paths\": {\"/" + operationId + "\": {\"get\": {\"operationId\": \"" + operationId + "\", \"responses\": {\"200\": {\"description\": \"ok\", "
        + "\"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/" + schema + "\"}}}}}}}}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
