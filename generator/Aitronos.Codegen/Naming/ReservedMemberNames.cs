namespace Aitronos.Codegen.Naming;

/// <summary>
/// Member names every generated type has besides its own: property and enum member names must not take them, and a
/// generated type of such a name is written in full inside those types. The file aliases (AcgRuntime, AcgJson) are
/// among them: a member of that name would hide the alias inside the type.
/// </summary>
internal static class ReservedMemberNames
{
    /// <summary>Of a model record: what C# synthesizes for records, plus the JSON members the emitter adds.</summary>
    public static readonly string[] Record = { "EqualityContract", "Equals", "GetHashCode", "ToString", "Deconstruct", "PrintMembers", "ReadJson", "WriteJson", "WriteJsonProperty", "JsonConverter", "JsonReadProblems", "WriteJsonValue", "PrintJson", "Assigned", Emitting.EmitContext.RuntimeAlias, Emitting.EmitContext.JsonAlias };

    /// <summary>Of an open enum struct.</summary>
    public static readonly string[] Enum = { "Value", "Equals", "GetHashCode", "ToString", "ReadJson", "WriteJson", "WriteJsonProperty", "JsonConverter", Emitting.EmitContext.RuntimeAlias, Emitting.EmitContext.JsonAlias };
}
