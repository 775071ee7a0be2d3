using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Aitronos.Codegen.Runtime;

namespace Aitronos.Codegen.Runtime.Serialization;

/// <summary>
/// The JSON property names of one generated model: matched against what a reader meets, and pre-encoded for
/// writing. Generated converters ask it which property comes next, so they switch on an index instead of
/// comparing every name in turn.
/// </summary>
/// <remarks>
/// Required properties are checked by the table too: a generated reader keeps a <see cref="JsonPropertiesSeen"/>,
/// <see cref="Next(ref Utf8JsonReader, int, ref JsonPropertiesSeen)"/> marks each property met in it, and
/// <see cref="Finish"/> reports every required one that did not come (see <see cref="JsonModel.JsonReadProblems"/>);
/// <see cref="Mistyped"/> reports a value the schema does not describe, and the object reads on.
/// Immutable after construction, so one instance serves all threads. A match first tries the property after the
/// one matched last (servers tend to send properties in the documented order), then a hash table over the UTF-8
/// bytes; no match allocates unless the name in the JSON is escaped.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonPropertyNames
{
    /// <summary>What <c>Next</c> returns for a property the model does not name; the reader stays on its name.</summary>
    public const int Unknown = int.MaxValue;

    /// <summary>What <c>First</c> and <c>Next</c> return at the end of the object.</summary>
    public const int End = -1;

    private readonly string _typeName;
    private readonly string[] _names;
    private readonly byte[][] _utf8;
    private readonly JsonEncodedText[] _encoded;
    private readonly int[] _slots;
    private readonly Dictionary<string, int> _byName;
    private readonly int[]? _required;

    /// <summary>Creates the table for one model.</summary>
    /// <param name="typeName">The model's name, for error messages.</param>
    /// <param name="names">The JSON names, in the order of the model's properties.</param>
    public JsonPropertyNames(string typeName, params string[] names)
    {
        _typeName = typeName ?? throw new ArgumentNullException(nameof(typeName));
        _names = names ?? throw new ArgumentNullException(nameof(names));
        _utf8 = new byte[names.Length][];
        _encoded = new JsonEncodedText[names.Length];
        _byName = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        int size = 4;
        while (size < names.Length * 2)
        {
            size <<= 1;
        }

        _slots = new int[size];
        for (int i = 0; i < names.Length; i++)
        {
            _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
            _encoded[i] = JsonEncodedText.Encode(names[i]);
            if (!_byName.ContainsKey(names[i]))
            {
                _byName.Add(names[i], i);
                int slot = Hash(_utf8[i]) & (size - 1);
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & (size - 1);
                }

                _slots[slot] = i + 1;
            }
        }
    }

    /// <summary>Creates the table for one model with required properties.</summary>
    /// <param name="typeName">The model's name, for error messages.</param>
    /// <param name="required">The indexes (into <paramref name="names"/>) of the required properties.</param>
    /// <param name="names">The JSON names, in the order of the model's properties.</param>
    public JsonPropertyNames(string typeName, int[] required, params string[] names)
        : this(typeName, names)
    {
        if (required is null)
        {
            throw new ArgumentNullException(nameof(required));
        }

        foreach (int index in required)
        {
            if ((uint)index >= (uint)names.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(required), index, "A required index is not the index of a name.");
            }
        }

        _required = (int[])required.Clone();
    }

    /// <summary>The number of names.</summary>
    public int Count => _names.Length;

    /// <summary>The name at <paramref name="index"/>, encoded for <see cref="Utf8JsonWriter"/>.</summary>
    /// <param name="index">The property's index.</param>
    public JsonEncodedText this[int index] => _encoded[index];

    /// <summary>The names, for writing additional properties without repeating a known one.</summary>
    internal bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>Checks that the reader is on the start of an object and moves to its first property.</summary>
    /// <param name="reader">The reader, on the value that should be the object.</param>
    /// <returns>The first property's index (the reader then on its value), <see cref="Unknown"/>, or <see cref="End"/>.</returns>
    /// <exception cref="JsonException">The value is not an object.</exception>
    public int First(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {_typeName} but found {JsonCodec.DescribeToken(reader.TokenType)}.");
        }

        return Next(ref reader, -1);
    }

    /// <summary>As <see cref="First(ref Utf8JsonReader)"/>, and starts recording which properties come.</summary>
    /// <param name="reader">The reader, on the value that should be the object.</param>
    /// <param name="seen">A new record, then one entry per property met.</param>
    /// <returns>The first property's index (the reader then on its value), <see cref="Unknown"/>, or <see cref="End"/>.</returns>
    /// <exception cref="JsonException">The value is not an object.</exception>
    public int First(ref Utf8JsonReader reader, out JsonPropertiesSeen seen)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {_typeName} but found {JsonCodec.DescribeToken(reader.TokenType)}.");
        }

        seen = default;
        JsonReadLog.State log = JsonReadLog.Current;
        log.TakeConverted();   // nothing pending belongs to this object: a conversion read outside any model is not its
        seen.Log = log;
        seen.ProblemMark = log.Count;
        seen.Depth = reader.CurrentDepth;
        return Next(ref reader, -1, ref seen);
    }

    /// <summary>As <see cref="Next(ref Utf8JsonReader, int)"/>, and records the property met in <paramref name="seen"/>.</summary>
    /// <param name="reader">The reader, on the last token of the previous property's value.</param>
    /// <param name="previous">The index returned for the previous property.</param>
    /// <param name="seen">The record started by <see cref="First(ref Utf8JsonReader, out JsonPropertiesSeen)"/>.</param>
    /// <returns>As <see cref="Next(ref Utf8JsonReader, int)"/>.</returns>
    public int Next(ref Utf8JsonReader reader, int previous, ref JsonPropertiesSeen seen)
    {
        if ((seen.Log ??= JsonReadLog.Current).Converted is not null)
        {
            Converted(previous, seen.Log.TakeConverted()!);
        }

        int index = Next(ref reader, previous);
        if ((uint)index < (uint)_names.Length)
        {
            seen.Add(index);
            if (reader.TokenType == JsonTokenType.Null)
            {
                seen.AddNull(index);
            }
        }

        return index;
    }

    /// <summary>
    /// For a generated reader's catch block: when reading the value of the property at <paramref name="index"/>
    /// failed because the value is not what the schema says (<paramref name="exception"/> is a plain
    /// <see cref="JsonException"/>), records the problem, moves the reader to the value's last token and returns
    /// <see langword="true"/>: the property keeps its default and the object reads on. Malformed JSON is not caught.
    /// </summary>
    /// <param name="reader">The reader, somewhere in the value that failed.</param>
    /// <param name="index">The property's index.</param>
    /// <param name="exception">What reading the value threw.</param>
    /// <param name="seen">The object's record.</param>
    /// <returns>Whether the failure was recorded (the reader goes on) or is to propagate (the catch rethrows it).</returns>
    public bool Mistyped(ref Utf8JsonReader reader, int index, Exception exception, ref JsonPropertiesSeen seen)
    {
        (seen.Log ??= JsonReadLog.Current).TakeConverted();   // the value is reported as mistyped, whatever part of it converted
        if (exception is null || exception.GetType() != typeof(JsonException) || (uint)index >= (uint)_names.Length)
        {
            return false;
        }

        int depth = seen.Depth + 1;
        bool atStart = reader.CurrentDepth == depth && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray);
        JsonReadProblem problem = atStart && reader.TokenType == JsonTokenType.Null
            ? new JsonReadProblem(JsonReadProblemKind.Null, _typeName, _names[index], $"{_typeName}.{_names[index]}: null where the schema requires a value.")
            : new JsonReadProblem(JsonReadProblemKind.WrongType, _typeName, _names[index], $"{_typeName}.{_names[index]}: {exception.Message}");
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }

        // Failed inside the value (an item of a list): read on to the value's end.
        while (reader.CurrentDepth > depth || (!atStart && reader.CurrentDepth == depth && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray)))
        {
            if (!reader.Read())
            {
                return false;
            }
        }

        JsonReadLog.Add(problem);
        return true;
    }

    /// <summary>Logs that the value of the property at <paramref name="index"/> came in another form (see <see cref="JsonReadProblemKind.Converted"/>).</summary>
    private void Converted(int index, string what)
    {
        bool named = (uint)index < (uint)_names.Length;
        string property = named ? _names[index] : string.Empty;
        string where = named ? _typeName + "." + property : _typeName + " (a property it does not name)";
        JsonReadLog.Add(new JsonReadProblem(JsonReadProblemKind.Converted, _typeName, property, $"{where}: {what}; read as its value, written back as it came."));
    }

    /// <summary>
    /// Ends reading a model: records every required property that did not come and, when reading this object or an
    /// object inside it found problems, gives the model its report and the JSON it came from.
    /// </summary>
    /// <param name="model">The model read.</param>
    /// <param name="seen">The record filled while reading the object.</param>
    /// <param name="start">A copy of the reader taken on the object's start.</param>
    public void Finish(JsonModel model, in JsonPropertiesSeen seen, ref Utf8JsonReader start)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        JsonReadLog.State log = seen.Log ?? JsonReadLog.Current;
        if (_required is not null)
        {
            foreach (int index in _required)
            {
                if (!seen.Contains(index))
                {
                    log.Add(new JsonReadProblem(JsonReadProblemKind.Missing, _typeName, _names[index], $"{_typeName}.{_names[index]}: the required property is missing."));
                }
            }
        }

        if (seen.Nulls != 0 || seen.MoreNulls is not null)
        {
            KeepExplicitNulls(model, in seen);
        }

        if (log.Count <= seen.ProblemMark)
        {
            return;
        }

        JsonElement json = JsonCodec.ReadElement(ref start);
        List<JsonReadProblem> problems = log.Since(seen.ProblemMark);
        foreach (JsonReadProblem problem in problems)
        {
            // Only this object's own problems still wait for their value: those inside it got theirs already.
            if (problem.ValuePending)
            {
                problem.ValuePending = false;
                if (json.TryGetProperty(problem.PropertyName, out JsonElement value))
                {
                    problem.Value = value;
                }
            }
        }

        model.SetReadReport(problems, json);
    }

    /// <summary>
    /// An optional property that came as <c>null</c> reads as <see langword="null"/>, which alone would be written as
    /// absent: the model remembers which came, so that it writes back the <c>null</c>s it was read with.
    /// </summary>
    private void KeepExplicitNulls(JsonModel model, in JsonPropertiesSeen seen)
    {
        ulong nulls = seen.Nulls;
        List<int>? more = seen.MoreNulls;
        if (_required is not null)
        {
            foreach (int index in _required)
            {
                if (index < 64)
                {
                    nulls &= ~(1UL << index);
                }
                else
                {
                    more?.Remove(index);
                }
            }
        }

        if (nulls != 0 || more is { Count: > 0 })
        {
            model.SetExplicitNulls(nulls, more is { Count: > 0 } ? more.ToArray() : null);
        }
    }

    /// <summary>Moves to the next property of the object.</summary>
    /// <param name="reader">The reader, on the last token of the previous property's value.</param>
    /// <param name="previous">The index returned for the previous property: the next one is tried first.</param>
    /// <returns>
    /// The property's index with the reader on its value; <see cref="Unknown"/> with the reader on the name of a
    /// property the model does not name; or <see cref="End"/> at the end of the object.
    /// </returns>
    public int Next(ref Utf8JsonReader reader, int previous)
    {
        if (!reader.Read())
        {
            throw new JsonException($"The JSON ended inside an object of {_typeName}.");
        }

        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return End;
        }

        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            throw new JsonException($"Expected a property name in {_typeName} but found {JsonCodec.DescribeToken(reader.TokenType)}.");
        }

        int index = Find(ref reader, previous);
        if (index == Unknown)
        {
            return Unknown;
        }

        JsonCodec.MoveToValue(ref reader);
        return index;
    }

    private int Find(ref Utf8JsonReader reader, int previous)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return _byName.TryGetValue(reader.GetString()!, out int byName) ? byName : Unknown;
        }

        ReadOnlySpan<byte> name = reader.ValueSpan;
        int expected = previous + 1;
        if ((uint)expected < (uint)_utf8.Length && name.SequenceEqual(_utf8[expected]))
        {
            return expected;
        }

        int mask = _slots.Length - 1;
        for (int slot = Hash(name) & mask; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            int candidate = _slots[slot] - 1;
            if (name.SequenceEqual(_utf8[candidate]))
            {
                return candidate;
            }
        }

        return Unknown;
    }

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        // FNV-1a: the names are short, and the table only has to spread them, not resist attack (a miss costs a probe).
        uint hash = 2166136261;
        foreach (byte b in bytes)
        {
            hash = (hash ^ b) * 16777619;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
