using System;
using System.Collections;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Aitronos.Codegen.Runtime.Serialization;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// The base of every generated union (a schema's <c>oneOf</c> or <c>anyOf</c>): it holds exactly one of its variants,
/// or, when the JSON it was read from matched none of them (an unknown discriminator value, a shape no variant
/// describes), that JSON as it came (<see cref="UnknownJson"/>), which is written back unchanged.
/// </summary>
/// <remarks>
/// Unions are values: two are equal when they hold the same variant with equal values (lists and maps item by item,
/// unknown JSON by its text). <see cref="JsonModel.ToString"/> gives the held value as JSON, except that a string is given as
/// itself, so that a union of scalars formats as a parameter the way its held value does.
/// </remarks>
public abstract record JsonUnion : JsonModel
{
    private const string NoAdditionalProperties = "A union has no additional properties of its own: see the held variant's AdditionalProperties, or UnknownJson.";

    private readonly int _variant;
    private readonly object? _value;

    /// <summary>For generated unions: holds a variant.</summary>
    /// <param name="variant">The variant's number, from 1.</param>
    /// <param name="value">The variant's value.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected JsonUnion(int variant, object value)
    {
        if (variant <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(variant), variant, "A variant's number starts at 1.");
        }

        _variant = variant;
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>For generated unions: holds JSON that matched no variant.</summary>
    /// <param name="unknown">The JSON.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected JsonUnion(JsonUnionUnknown unknown)
    {
        _variant = 0;
        _value = unknown.Json;
    }

    /// <summary>
    /// Not for unions: a union has no properties of its own. The properties a variant's schema does not name are in that
    /// variant's <see cref="JsonModel.AdditionalProperties"/>, and JSON that matched no variant in <see cref="UnknownJson"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">Always, when assigned.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete(NoAdditionalProperties, error: true)]
    public new System.Collections.Generic.IReadOnlyDictionary<string, JsonElement>? AdditionalProperties
    {
        get => null;
        init => throw new NotSupportedException(NoAdditionalProperties);
    }

    /// <summary>Whether this union holds JSON that matched none of its variants (see <see cref="UnknownJson"/>).</summary>
    public bool IsUnknown => _variant == 0;

    /// <summary>The JSON that matched none of the variants, as it came; <see langword="null"/> when a variant is held.</summary>
    public JsonElement? UnknownJson => _variant == 0 ? (JsonElement)_value! : null;

    /// <summary>For generated unions: the number of the variant held, from 1; 0 for unknown JSON.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected int VariantIndex => _variant;

    /// <summary>For generated unions: the value held (a <see cref="JsonElement"/> for unknown JSON).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected object VariantValue => _value!;

    /// <summary>Equal when both hold the same variant with equal values.</summary>
    /// <param name="other">The other union.</param>
    /// <returns>Whether they are equal.</returns>
    public virtual bool Equals(JsonUnion? other) =>
        ReferenceEquals(this, other)
        || (other is not null && base.Equals(other) && _variant == other._variant && ValueEquals(_value, other._value));

    /// <inheritdoc/>
    public override int GetHashCode() => (_variant * 397) ^ ValueHash(_value);

    /// <summary>The held value as JSON; a string as itself (the union's <see cref="JsonModel.ToString"/>).</summary>
    /// <returns>The text.</returns>
    private protected sealed override string Describe()
    {
        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJsonValue(writer);
        }

        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer.GetBuffer(), 0, (int)buffer.Length));
        if (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString()!;
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>For generated unions: writes the unknown JSON held.</summary>
    /// <param name="writer">The writer.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void WriteUnknown(Utf8JsonWriter writer) => JsonCodec.WriteElement(writer, (JsonElement)_value!);

    /// <summary>For generated unions: the end of a read begun at <paramref name="mark"/> (<see cref="JsonUnionReading.Start"/>).</summary>
    /// <typeparam name="T">The union type.</typeparam>
    /// <param name="union">The union read.</param>
    /// <param name="mark">The mark.</param>
    /// <returns><paramref name="union"/>, carrying what reading it found wrong.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static T Finish<T>(T union, int mark)
        where T : JsonUnion
    {
        if (JsonReadLog.Count > mark)
        {
            union!.SetReadProblems(JsonReadLog.Since(mark));
        }

        return union;
    }

    private static bool ValueEquals(object? left, object? right)
    {
        if (left is JsonElement a && right is JsonElement b)
        {
            return a.GetRawText() == b.GetRawText();
        }

        if (left is IList listA && right is IList listB && !(left is Array && right is Array && left.GetType() != right.GetType()))
        {
            if (listA.Count != listB.Count)
            {
                return false;
            }

            for (int i = 0; i < listA.Count; i++)
            {
                if (!ValueEquals(listA[i], listB[i]))
                {
                    return false;
                }
            }

            return true;
        }

        if (left is IDictionary mapA && right is IDictionary mapB)
        {
            if (mapA.Count != mapB.Count)
            {
                return false;
            }

            foreach (DictionaryEntry entry in mapA)
            {
                if (!mapB.Contains(entry.Key) || !ValueEquals(entry.Value, mapB[entry.Key]))
                {
                    return false;
                }
            }

            return true;
        }

        return Equals(left, right);
    }

    private static int ValueHash(object? value) => value switch
    {
        null => 0,
        JsonElement element => StringComparer.Ordinal.GetHashCode(element.GetRawText()),
        ICollection collection => collection.Count,
        _ => value.GetHashCode(),
    };
}

/// <summary>For generated unions: JSON that matched none of a union's variants, on its way into the union.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonUnionUnknown
{
    /// <summary>Wraps the JSON.</summary>
    /// <param name="json">The JSON, as it came.</param>
    public JsonUnionUnknown(JsonElement json) => Json = json;

    /// <summary>The JSON.</summary>
    public JsonElement Json { get; }
}
