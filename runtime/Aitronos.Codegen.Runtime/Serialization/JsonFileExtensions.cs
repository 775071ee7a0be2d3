using System.Text;
using System.Text.Json;

namespace Aitronos.Codegen.Runtime.Serialization;

/// <summary>
/// Reads and writes <see cref="ApiFile"/> properties of generated models. A file has no JSON form: inside a multipart
/// body it is set aside for its own part; anywhere else it is written as its file name, and read from a JSON string as
/// that string's UTF-8 bytes.
/// </summary>
public static class JsonFileExtensions
{
    /// <summary>Reads a file item (of a list or map).</summary>
    public static readonly JsonValueReader<ApiFile> ReadFileItem = static (ref Utf8JsonReader r) => r.ReadFile();

    /// <summary>Writes a file item (of a list or map).</summary>
    public static readonly JsonValueWriter<ApiFile> WriteFileItem = BodyJson.WriteFile;

    /// <summary>Reads a file from a JSON string.</summary>
    /// <param name="reader">The reader, at the value.</param>
    /// <returns>The file.</returns>
    public static ApiFile ReadFile(this ref Utf8JsonReader reader) => new(Encoding.UTF8.GetBytes(reader.ReadString()));

    /// <summary>Reads a file from a JSON string, or null.</summary>
    /// <param name="reader">The reader, at the value.</param>
    /// <returns>The file, or null for JSON null.</returns>
    public static ApiFile? ReadFileOrNull(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.ReadFile();

    /// <summary>Writes a file value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The file.</param>
    public static void WriteFileValue(this Utf8JsonWriter writer, ApiFile value) => BodyJson.WriteFile(writer, value);

    /// <summary>Writes a file property that is always there.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The file.</param>
    public static void WriteRequiredFile(this Utf8JsonWriter writer, JsonEncodedText name, ApiFile value)
    {
        writer.WritePropertyName(name);
        BodyJson.WriteFile(writer, value);
    }

    /// <summary>Writes a file property, or nothing when it is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The file.</param>
    public static void WriteOptionalFile(this Utf8JsonWriter writer, JsonEncodedText name, ApiFile? value)
    {
        if (value is not null)
        {
            writer.WriteRequiredFile(name, value);
        }
    }

    /// <summary>Writes a file property, as null when it is null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The file.</param>
    public static void WriteNullableFile(this Utf8JsonWriter writer, JsonEncodedText name, ApiFile? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteRequiredFile(name, value);
        }
    }
}
