using System;
using System.ComponentModel;
using System.Text.Json;

namespace Aitronos.Codegen.Runtime.Serialization;

/// <summary>
/// Readers and writers of single primitive values, as cached delegates: the items of lists and maps, and typed
/// additional properties, in generated models.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonValues
{
    /// <summary>Reads a string.</summary>
    public static readonly JsonValueReader<string> ReadString = JsonCodec.ReadString;

    /// <summary>Reads a boolean.</summary>
    public static readonly JsonValueReader<bool> ReadBoolean = JsonCodec.ReadBoolean;

    /// <summary>Reads a 32-bit integer.</summary>
    public static readonly JsonValueReader<int> ReadInt32 = JsonCodec.ReadInt32;

    /// <summary>Reads a 64-bit integer.</summary>
    public static readonly JsonValueReader<long> ReadInt64 = JsonCodec.ReadInt64;

    /// <summary>Reads a single-precision number.</summary>
    public static readonly JsonValueReader<float> ReadSingle = JsonCodec.ReadSingle;

    /// <summary>Reads a double-precision number.</summary>
    public static readonly JsonValueReader<double> ReadDouble = JsonCodec.ReadDouble;

    /// <summary>Reads a decimal number.</summary>
    public static readonly JsonValueReader<decimal> ReadDecimal = JsonCodec.ReadDecimal;

    /// <summary>Reads a date-time.</summary>
    public static readonly JsonValueReader<DateTimeOffset> ReadDateTimeOffset = JsonCodec.ReadDateTimeOffset;

    /// <summary>Reads a full date.</summary>
    public static readonly JsonValueReader<DateTime> ReadDate = JsonCodec.ReadDate;

#if NET6_0_OR_GREATER
    /// <summary>Reads a full date.</summary>
    public static readonly JsonValueReader<DateOnly> ReadDateOnly = JsonCodec.ReadDateOnly;

    /// <summary>Writes a full date.</summary>
    public static readonly JsonValueWriter<DateOnly> WriteDateOnly = JsonCodec.WriteDateOnly;
#endif

    /// <summary>Reads a UUID.</summary>
    public static readonly JsonValueReader<Guid> ReadGuid = JsonCodec.ReadGuid;

    /// <summary>Reads base64 bytes.</summary>
    public static readonly JsonValueReader<byte[]> ReadBytes = JsonCodec.ReadBytes;

    /// <summary>Reads any value.</summary>
    public static readonly JsonValueReader<JsonElement> ReadElement = JsonCodec.ReadElement;

    /// <summary>Writes a string.</summary>
    public static readonly JsonValueWriter<string> WriteString = static (w, v) => w.WriteStringValue(v);

    /// <summary>Writes a boolean.</summary>
    public static readonly JsonValueWriter<bool> WriteBoolean = static (w, v) => w.WriteBooleanValue(v);

    /// <summary>Writes a 32-bit integer.</summary>
    public static readonly JsonValueWriter<int> WriteInt32 = static (w, v) => w.WriteNumberValue(v);

    /// <summary>Writes a 64-bit integer.</summary>
    public static readonly JsonValueWriter<long> WriteInt64 = static (w, v) => w.WriteNumberValue(v);

    /// <summary>Writes a single-precision number.</summary>
    public static readonly JsonValueWriter<float> WriteSingle = static (w, v) => w.WriteNumberValue(v);

    /// <summary>Writes a double-precision number.</summary>
    public static readonly JsonValueWriter<double> WriteDouble = static (w, v) => w.WriteNumberValue(v);

    /// <summary>Writes a decimal number.</summary>
    public static readonly JsonValueWriter<decimal> WriteDecimal = static (w, v) => w.WriteNumberValue(v);

    /// <summary>Writes a date-time.</summary>
    public static readonly JsonValueWriter<DateTimeOffset> WriteDateTimeOffset = JsonCodec.WriteDateTimeOffset;

    /// <summary>Writes a full date.</summary>
    public static readonly JsonValueWriter<DateTime> WriteDate = JsonCodec.WriteDate;

    /// <summary>Writes a UUID.</summary>
    public static readonly JsonValueWriter<Guid> WriteGuid = static (w, v) => w.WriteStringValue(v);

    /// <summary>Writes base64 bytes.</summary>
    public static readonly JsonValueWriter<byte[]> WriteBytes = static (w, v) => w.WriteBase64StringValue(v);

    /// <summary>Writes any value.</summary>
    public static readonly JsonValueWriter<JsonElement> WriteElement = JsonCodec.WriteElement;
}
