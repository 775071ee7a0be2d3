using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Aitronos.Codegen.Runtime.Serialization;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// The base of every generated model. It carries what reading the model from JSON found wrong
/// (<see cref="JsonReadProblems"/>), outside the model's value: the problems take no part in equality, are not
/// serialized, and are not copied by <c>with</c>. It also holds the JSON properties the schema does not name
/// (<see cref="AdditionalProperties"/>), which are part of the value.
/// </summary>
/// <remarks>
/// Servers drift from their API descriptions: a property the schema requires is left out, an id outgrows its type, an
/// array comes where an object was declared. Reading is lenient by default (see <see cref="JsonReading"/>): such a
/// response still gives its model with every property that could be read; a missing or unreadable property keeps
/// its default (<see langword="null"/> for reference types, even where the property is not nullable; <c>0</c>,
/// <see langword="false"/> or <c>default</c> for value types) and is named in <see cref="JsonReadProblems"/>.
/// A model read with problems writes back exactly the JSON it was read from (nothing invented, nothing dropped), and
/// one read with an optional property as <c>null</c> writes that <c>null</c> back rather than leaving the property out;
/// a copy made with <c>with</c> is a new value and writes its properties.
/// <para>
/// Absent and <c>null</c> differ on the wire (PATCH semantics): in a model that a request body uses, an optional property
/// whose schema allows <c>null</c> sends <c>"name": null</c> when it is assigned <see langword="null"/>
/// (<c>new UpdateSource { Name = null }</c>), and nothing when it is not assigned at all (<c>new UpdateSource()</c>).
/// Such explicit nulls are part of the model's value: <c>with</c> keeps them (unless it assigns the property), and two
/// models differing only in one are not equal.
/// </para>
/// </remarks>
public abstract record JsonModel
{
    private static readonly JsonValueWriter<JsonModel> s_write = static (writer, model) => model.WriteJsonValue(writer);

    // One field, so that a model costs 8 bytes more than its properties: what reading found (a report, the properties the
    // schema does not name, the nulls assigned) in an object made when needed. The optional properties read as null are
    // common, so a model that has optional properties keeps the first 64 of those inline (JsonModelWithOptionals).
    private JsonReadReport? _read;

    /// <summary>Creates a model.</summary>
    protected JsonModel()
    {
    }

    /// <summary>
    /// Copies a model (for <c>with</c>): its <see cref="AdditionalProperties"/> and the nulls assigned to it come along;
    /// what reading the original found stays with the original.
    /// </summary>
    /// <param name="original">The model copied.</param>
    protected JsonModel(JsonModel original)
    {
        // Only the model's value: a null read into a property that does not record its assignment would be written beside
        // the value a with-expression gives it.
        if (original?._read is { Assigned: not 0 } or { MoreAssigned: not null } or { AdditionalProperties: not null })
        {
            _read = new JsonReadReport
            {
                Assigned = original._read.Assigned,
                MoreAssigned = original._read.MoreAssigned,
                AdditionalProperties = original._read.AdditionalProperties,
            };
        }
    }

    /// <summary>
    /// JSON properties the schema does not name, kept and written back as they came; <see langword="null"/> when there
    /// were none. A model whose schema types its additional properties declares its own, typed, property of this name.
    /// </summary>
    /// <remarks>
    /// Part of the model's value: copied by <c>with</c>, and compared by <see cref="Equals(JsonModel)"/> as the
    /// dictionary's own <see cref="object.Equals(object)"/> does (by reference for a <see cref="Dictionary{TKey, TValue}"/>).
    /// Stored beside the read report, so that a model without any costs no field for them.
    /// </remarks>
    public IReadOnlyDictionary<string, JsonElement>? AdditionalProperties
    {
        get => _read?.AdditionalProperties;
        init
        {
            if (value is not null)
            {
                (_read ??= new JsonReadReport()).AdditionalProperties = value;
            }
            else if (_read is { } report)
            {
                report.AdditionalProperties = null;
            }
        }
    }

    /// <summary>
    /// What reading this model from JSON found wrong, in this model and in the models inside it: required properties
    /// that were missing, values of the wrong JSON kind (kept in <see cref="JsonReadProblem.Value"/>). Empty for a
    /// model read as its schema says, or made in code.
    /// </summary>
    public IReadOnlyList<JsonReadProblem> JsonReadProblems => _read?.Problems ?? Array.Empty<JsonReadProblem>();

    /// <summary>Models are equal by their properties; what reading them found takes no part.</summary>
    /// <param name="other">The other model.</param>
    /// <returns>
    /// <see langword="true"/> when both are of one type, send the same explicit nulls and hold equal
    /// <see cref="AdditionalProperties"/> (the derived record compares the properties).
    /// </returns>
    public virtual bool Equals(JsonModel? other) => ReferenceEquals(this, other)
        || (other is not null && EqualityContract == other.EqualityContract && SameAssignedNulls(other)
            && EqualityComparer<IReadOnlyDictionary<string, JsonElement>?>.Default.Equals(AdditionalProperties, other.AdditionalProperties));

    /// <inheritdoc/>
    public override int GetHashCode() =>
        (EqualityContract.GetHashCode() * -1521134295) + EqualityComparer<IReadOnlyDictionary<string, JsonElement>?>.Default.GetHashCode(AdditionalProperties!);

    /// <summary>The model as text: its type's name and its JSON members, <c>Repository { "id":1,"name":"x" }</c>.</summary>
    /// <returns>The text.</returns>
    /// <remarks>
    /// Sealed, so that C# does not synthesize a <c>ToString</c> in each generated record (a big client has thousands): the
    /// text is what the synthesized one gave, from <see cref="PrintMembers"/>.
    /// </remarks>
    public sealed override string ToString() => Describe();

    /// <summary>What <see cref="ToString"/> gives; a union gives its held value instead.</summary>
    private protected virtual string Describe()
    {
        var builder = new StringBuilder();
        builder.Append(GetType().Name).Append(" { ");
        if (PrintMembers(builder))
        {
            builder.Append(' ');
        }

        return builder.Append('}').ToString();
    }

    /// <summary>For generated models: writes the model as a property of the object being written.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="name">The property's name.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void WriteJsonProperty(Utf8JsonWriter writer, JsonEncodedText name)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WritePropertyName(name);
        WriteJsonValue(writer);
    }

    /// <summary>Prints nothing here: generated models print their JSON members (<see cref="PrintJson"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns><see langword="false"/>.</returns>
    protected virtual bool PrintMembers(StringBuilder builder) => false;

    /// <summary>For generated models: prints the model's JSON members, for <c>ToString</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>Whether anything was printed.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected bool PrintJson(StringBuilder builder) => JsonCodec.PrintMembers(builder, this, s_write);

    /// <summary>For generated models: writes the model as a JSON value (its generated writer).</summary>
    /// <param name="writer">The writer.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract void WriteJsonValue(Utf8JsonWriter writer);

    /// <summary>Writes the JSON this model was read from, when reading found problems in it.</summary>
    /// <returns><see langword="true"/> when it wrote; <see langword="false"/> when the properties are to be written.</returns>
    internal bool WriteAsRead(Utf8JsonWriter writer)
    {
        if (_read is not { Json: { } json })
        {
            return false;
        }

        json.WriteTo(writer);
        return true;
    }

    internal void SetReadReport(IReadOnlyList<JsonReadProblem> problems, JsonElement json) =>
        (_read ??= new JsonReadReport()).Set(problems, json);

    /// <summary>Records what reading found wrong without keeping JSON to write back (a union writes the variant it holds).</summary>
    internal void SetReadProblems(IReadOnlyList<JsonReadProblem> problems) =>
        (_read ??= new JsonReadReport()).SetProblems(problems);

    /// <summary>The optional properties among the first 64 that were read as <c>null</c>, a bit each.</summary>
    private protected virtual ulong ReadNulls
    {
        get => _read?.ReadNulls ?? 0;
        set
        {
            if (value != 0 || _read is not null)
            {
                (_read ??= new JsonReadReport()).ReadNulls = value;
            }
        }
    }

    internal void SetExplicitNulls(ulong nulls, int[]? more)
    {
        ReadNulls = nulls;
        if (more is not null)
        {
            (_read ??= new JsonReadReport()).MoreNulls = more;
        }
    }

    /// <summary>
    /// For generated models: the <c>init</c> accessor of an optional property that may be sent as <c>null</c> passes
    /// what it is assigned through here, which records whether the property is to be written as <c>null</c>.
    /// </summary>
    /// <typeparam name="T">The property's type.</typeparam>
    /// <param name="index">The property's index in the model's names.</param>
    /// <param name="value">The value assigned.</param>
    /// <returns><paramref name="value"/>.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected T Assigned<T>(int index, T value)
    {
        bool isNull = value is null;
        if (index < 64)
        {
            ulong bit = 1UL << index;
            if (isNull)
            {
                (_read ??= new JsonReadReport()).Assigned |= bit;
            }
            else if (_read is { } report)
            {
                report.Assigned &= ~bit;
            }
        }
        else if (isNull != (_read?.MoreAssigned is { } more && Array.IndexOf(more, index) >= 0))
        {
            var report = _read ??= new JsonReadReport();
            var list = new List<int>(report.MoreAssigned ?? Array.Empty<int>());
            if (isNull)
            {
                list.Add(index);
                list.Sort();
            }
            else
            {
                list.Remove(index);
            }

            report.MoreAssigned = list.Count > 0 ? list.ToArray() : null;
        }

        return value;
    }

    private bool SameAssignedNulls(JsonModel other) =>
        (_read?.Assigned ?? 0) == (other._read?.Assigned ?? 0)
        && ((IStructuralEquatable)(_read?.MoreAssigned ?? Array.Empty<int>())).Equals(other._read?.MoreAssigned ?? Array.Empty<int>(), EqualityComparer<int>.Default);

    /// <summary>
    /// Writes the optional properties that hold <c>null</c> explicitly: assigned <see langword="null"/> (see
    /// <see cref="Assigned{T}(int, T)"/>) or read as <c>null</c> (they hold null still: the model is immutable).
    /// </summary>
    internal void WriteExplicitNulls(Utf8JsonWriter writer, JsonPropertyNames names)
    {
        ulong nulls = ReadNulls | (_read?.Assigned ?? 0);
        for (int index = 0; nulls != 0; index++, nulls >>= 1)
        {
            if ((nulls & 1) != 0)
            {
                writer.WriteNull(names[index]);
            }
        }

        if (_read?.MoreNulls is { } more)
        {
            foreach (int index in more)
            {
                writer.WriteNull(names[index]);
            }
        }

        if (_read?.MoreAssigned is { } assigned)
        {
            foreach (int index in assigned)
            {
                if (_read.MoreNulls is not { } read || Array.IndexOf(read, index) < 0)
                {
                    writer.WriteNull(names[index]);
                }
            }
        }
    }
}
