using System.Text.Json;

namespace Aitronos.Codegen.Runtime;

/// <summary>What kind of difference from its schema a <see cref="JsonReadProblem"/> is.</summary>
public enum JsonReadProblemKind
{
    /// <summary>A property the schema requires did not come.</summary>
    Missing,

    /// <summary>A property the schema requires and does not allow to be null came as <c>null</c>.</summary>
    Null,

    /// <summary>A value of another JSON kind or range than the schema says (a string for a number, an array for an object...).</summary>
    WrongType,

    /// <summary>
    /// A value of a union (<c>oneOf</c>/<c>anyOf</c>) that matches none of its variants, or whose discriminator names
    /// none: kept as it came in the union (<see cref="JsonUnion.UnknownJson"/>) and written back unchanged.
    /// </summary>
    NoVariant,

    /// <summary>
    /// A value the schema describes, sent in another form that still holds it (a number or boolean as a JSON string,
    /// a date-time that is not RFC 3339): read as that value, and written back as it came (the model keeps the JSON it
    /// was read from), so that nothing changes silently on its way through.
    /// </summary>
    Converted,
}

/// <summary>One way a JSON value differed from its schema when a model was read: see <see cref="JsonModel.JsonReadProblems"/>.</summary>
public sealed class JsonReadProblem
{
    internal JsonReadProblem(JsonReadProblemKind kind, string typeName, string propertyName, string message)
    {
        Kind = kind;
        TypeName = typeName;
        PropertyName = propertyName;
        Message = message;
        ValuePending = kind != JsonReadProblemKind.Missing;
    }

    /// <summary>What kind of problem.</summary>
    public JsonReadProblemKind Kind { get; }

    /// <summary>The generated model the property belongs to.</summary>
    public string TypeName { get; }

    /// <summary>The property's JSON name.</summary>
    public string PropertyName { get; }

    /// <summary>The value that could not be read, as it came; <see langword="null"/> when the property was missing.</summary>
    public JsonElement? Value { get; internal set; }

    /// <summary>What was wrong, for people: <c>Team.type: the required property is missing.</c></summary>
    public string Message { get; }

    internal bool ValuePending { get; set; }

    /// <inheritdoc/>
    public override string ToString() => Message;
}
