using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aitronos.Codegen.Runtime.Serialization;

/// <summary>
/// The converter of a generated model or enum: it calls the type's own generated reader and writer. A JSON
/// <c>null</c> where the type is expected is the reader's to judge (an error), not a silent null object.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JsonModelConverter<T> : JsonConverter<T>, IGeneratedJsonConverter
{
    private readonly JsonValueReader<T> _read;
    private readonly JsonValueWriter<T> _write;

    /// <summary>Creates the converter.</summary>
    /// <param name="read">The type's reader.</param>
    /// <param name="write">The type's writer.</param>
    protected JsonModelConverter(JsonValueReader<T> read, JsonValueWriter<T> write)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _write = write ?? throw new ArgumentNullException(nameof(write));
    }

    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonReadLog.Read(ref reader, _read);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            _write(writer, value);
        }
    }
}

/// <summary>
/// A converter that calls generated readers and writers (of a model, an enum, or a collection of them at the root of a
/// body): <see cref="JsonBodyBytes"/> calls it without <see cref="JsonSerializer"/>'s root path.
/// </summary>
internal interface IGeneratedJsonConverter
{
}
