using System.Linq;
using System.Text;
using Aitronos.Codegen.Model;

namespace Aitronos.Codegen.Emitting;

/// <summary>
/// An operation's parameters in its method body: the path and query chain, headers and cookies, each in its style.
/// Scalars in their default style cost what they always did (a formatted string appended); arrays of scalars go to the
/// runtime as their formatted items; objects, maps and other arrays as their value with the JSON context's metadata,
/// from which the runtime reads their members under their JSON names.
/// </summary>
internal static class ParameterEmitter
{
    private const string Runtime = EmitContext.RuntimeAlias;
    private const string Formatter = Runtime + ".ParameterFormatter.Format";

    /// <summary>Whether a required parameter needs an explicit null check before the request is built.</summary>
    public static bool NeedsNullCheck(ParameterModel parameter) =>
        !parameter.Type.IsValueType && (parameter.Location != ParameterLocation.Path || parameter.IsJsonContent || IsItems(parameter.Type));

    /// <summary>The <c>new RequestPath(...)</c> chain with the path's literals and parameters.</summary>
    public static string PathChain(EmitContext context, OperationModel operation)
    {
        EquatableArray<PathPart> parts = operation.Path;
        string first = parts.Count > 0 && !parts[0].IsParameter ? parts[0].Text : string.Empty;
        var chain = new StringBuilder($"new {Runtime}.RequestPath({CSharpLiterals.String(first)})");
        for (int i = first.Length > 0 ? 1 : 0; i < parts.Count; i++)
        {
            PathPart part = parts[i];
            if (!part.IsParameter)
            {
                chain.Append($".Literal({CSharpLiterals.String(part.Text)})");
                continue;
            }

            ParameterModel parameter = operation.Parameters.First(p => p.Location == ParameterLocation.Path && p.Name == part.Text);
            string value = parameter.CSharpName;
            string nameOf = $"nameof({value})";
            bool styled = parameter.Style is ParameterStyleKind.Label or ParameterStyleKind.Matrix;
            string style = $"{Runtime}.ParameterStyle.{parameter.Style}";
            string name = CSharpLiterals.String(parameter.Name);
            if (parameter.IsJsonContent || IsScalar(parameter.Type))
            {
                string text = parameter.IsJsonContent ? Json(context, parameter, value) : Format(context, parameter.Type, value);
                chain.Append(styled
                    ? $".Segment({text}, {style}, {name}, {nameOf})"
                    : parameter.Type.IsValueType && !parameter.IsJsonContent ? $".Segment({text})" : $".Segment({text}, {nameOf})");
            }
            else if (IsItems(parameter.Type))
            {
                chain.Append($".Segment({Items(context, parameter, value)}, {style}, {Bool(parameter.Explode)}, {name}, {nameOf})");
            }
            else
            {
                chain.Append($".Segment({value}, {TypeInfo(context, parameter.Type)}, {style}, {Bool(parameter.Explode)}, {name}, {nameOf})");
            }
        }

        return chain.ToString();
    }

    /// <summary>One statement per query parameter, appending to <c>path</c>.</summary>
    public static void EmitQuery(EmitContext context, SourceWriter writer, OperationModel operation)
    {
        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Query))
        {
            string name = CSharpLiterals.String(parameter.Name);
            string reserved = parameter.AllowReserved ? ", allowReserved: true" : string.Empty;
            string style = $"{Runtime}.ParameterStyle.{parameter.Style}, {Bool(parameter.Explode)}";
            if (parameter.IsJsonContent || IsScalar(parameter.Type))
            {
                Optional(writer, parameter, local => $"path.Query({name}, {(parameter.IsJsonContent ? Json(context, parameter, local) : Format(context, parameter.Type, local))}{reserved});");
            }
            else if (IsItems(parameter.Type))
            {
                // The default (form, exploded) keeps its own overload, as before styles.
                string call = parameter.Style == ParameterStyleKind.Form && parameter.Explode && !parameter.AllowReserved
                    ? $"path.Query({name}, {Items(context, parameter, parameter.CSharpName)});"
                    : $"path.Query({name}, {Items(context, parameter, parameter.CSharpName)}, {style}{reserved});";
                writer.Line(parameter.Required ? call : $"if ({parameter.CSharpName} is not null) {call}");
            }
            else
            {
                // Skips a null value itself.
                writer.Line($"path.Query({name}, {parameter.CSharpName}, {TypeInfo(context, parameter.Type)}, {style}{reserved});");
            }
        }
    }

    /// <summary>One statement per header and cookie parameter, on <c>request</c>.</summary>
    public static void EmitHeadersAndCookies(EmitContext context, SourceWriter writer, OperationModel operation)
    {
        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Header))
        {
            string name = CSharpLiterals.String(parameter.Name);
            Optional(writer, parameter, local => $"request.Headers.TryAddWithoutValidation({name}, {HeaderValue(context, parameter, local)});");
        }

        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Cookie))
        {
            string name = CSharpLiterals.String(parameter.Name);
            string explode = Bool(parameter.Explode);
            Optional(writer, parameter, local => parameter.IsJsonContent || IsScalar(parameter.Type)
                ? $"{Runtime}.RequestCookies.Add(request, {name}, {(parameter.IsJsonContent ? Json(context, parameter, local) : Format(context, parameter.Type, local))});"
                : IsItems(parameter.Type)
                    ? $"{Runtime}.RequestCookies.Add(request, {name}, {Items(context, parameter, local)}, {explode});"
                    : $"{Runtime}.RequestCookies.Add(request, {name}, {local}, {TypeInfo(context, parameter.Type)}, {explode});");
        }
    }

    /// <summary>A scalar's text (the value itself for strings, the formatter otherwise).</summary>
    public static string Format(EmitContext context, TypeRef type, string value) => type.Kind switch
    {
        TypeKind.String => value,
        TypeKind.Enum => value + ".Value",
        TypeKind.Union => value + ".ToString()",
        TypeKind.Date when !context.Settings.HasDateOnly => $"{value}.ToString(\"yyyy-MM-dd\", global::System.Globalization.CultureInfo.InvariantCulture)",
        _ => $"{Formatter}({value})",
    };

    private static string HeaderValue(EmitContext context, ParameterModel parameter, string value)
    {
        if (parameter.IsJsonContent)
        {
            return Json(context, parameter, value);
        }

        if (IsScalar(parameter.Type))
        {
            return Format(context, parameter.Type, value);
        }

        if (IsItems(parameter.Type))
        {
            string delimiter = parameter.Style is ParameterStyleKind.SpaceDelimited or ParameterStyleKind.PipeDelimited ? $", {Runtime}.ParameterStyle.{parameter.Style}" : string.Empty;
            return $"{Runtime}.ParameterFormatter.Header({Items(context, parameter, value)}{delimiter})";
        }

        return $"{Runtime}.ParameterFormatter.Header({value}, {TypeInfo(context, parameter.Type)}, {Bool(parameter.Explode)})";
    }

    /// <summary>The statement for a required parameter, or for an optional one inside a null test with its value in a local.</summary>
    private static void Optional(SourceWriter writer, ParameterModel parameter, System.Func<string, string> statement)
    {
        if (parameter.Required)
        {
            writer.Line(statement(parameter.CSharpName));
        }
        else
        {
            string local = parameter.CSharpName.TrimStart('@') + "Value";
            writer.Line($"if ({parameter.CSharpName} is {{ }} {local}) {statement(local)}");
        }
    }

    /// <summary>An array of scalars as its formatted items (a list of strings as it is).</summary>
    private static string Items(EmitContext context, ParameterModel parameter, string value)
    {
        TypeRef element = parameter.Type.Element!;
        return element.Kind == TypeKind.String
            ? value
            : $"global::System.Linq.Enumerable.Select({value}, static item => {Format(context, element, "item")})";
    }

    private static string Json(EmitContext context, ParameterModel parameter, string value) =>
        $"{Runtime}.ParameterFormatter.Json({value}, {TypeInfo(context, parameter.Type)})";

    /// <summary>
    /// Formatted as text (OperationReader.Parameters.cs's IsSimple); every other type goes by its JSON. A union is its
    /// ToString: the held scalar as itself, an object or array held as its JSON text (what the JSON route would send).
    /// </summary>
    private static bool IsScalar(TypeRef type) => type.IsTextScalar || type.Kind == TypeKind.Union;

    private static bool IsItems(TypeRef type) => type.Kind == TypeKind.Array && IsScalar(type.Element!);

    private static string TypeInfo(EmitContext context, TypeRef type) =>
        $"{context.Types.Named(context.Context)}.Default.{context.TypeInfoMember(type)}";

    private static string Bool(bool value) => value ? "true" : "false";
}
