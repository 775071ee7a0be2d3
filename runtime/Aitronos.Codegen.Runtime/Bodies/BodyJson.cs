using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// A form or multipart body as the JSON its generated model writes: the model's own JSON code decides which
/// properties are present and what their wire names and values are, so forms need no generated code of their own.
/// Files cannot be JSON: while a multipart body is written, each <see cref="ApiFile"/> is set aside and a marker
/// holding its index stands in its place.
/// </summary>
internal static class BodyJson
{
    /// <summary>The marker's one property name; a NUL cannot start a name any API defines.</summary>
    private const string FileMarker = "\u0000file";

    [ThreadStatic]
    private static FileCapture? t_capture;

    public static JsonDocument Write<T>(T value, JsonTypeInfo<T> typeInfo, List<ApiFile>? files)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            // Serialization is synchronous on this thread; the capture is keyed by the writer so that a model's
            // ToString() on the way (another writer) is not taken for part of the body.
            var previous = t_capture;
            t_capture = files is null ? null : new FileCapture(writer, files);
            try
            {
                JsonSerializer.Serialize(writer, value, typeInfo);
            }
            finally
            {
                t_capture = previous;
            }
        }

        return JsonDocument.Parse(new ReadOnlyMemory<byte>(stream.GetBuffer(), 0, (int)stream.Length));
    }

    /// <summary>Writes a file: a marker inside a multipart body, its file name anywhere else.</summary>
    public static void WriteFile(Utf8JsonWriter writer, ApiFile file)
    {
        if (t_capture is { } capture && ReferenceEquals(capture.Writer, writer))
        {
            writer.WriteStartObject();
            writer.WriteNumber(FileMarker, capture.Files.Count);
            writer.WriteEndObject();
            capture.Files.Add(file);
        }
        else
        {
            writer.WriteStringValue(file.ToString());
        }
    }

    /// <summary>The file a marker stands for.</summary>
    public static bool TryGetFile(JsonElement element, List<ApiFile> files, out ApiFile file)
    {
        file = null!;
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(FileMarker, out var index)
            || !index.TryGetInt32(out var i) || i < 0 || i >= files.Count)
        {
            return false;
        }

        file = files[i];
        return true;
    }

    /// <summary>A JSON scalar as form text: strings as they are, numbers as written, <c>true</c>/<c>false</c>; null for others.</summary>
    public static string? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private sealed class FileCapture
    {
        public FileCapture(Utf8JsonWriter writer, List<ApiFile> files) => (Writer, Files) = (writer, files);

        public Utf8JsonWriter Writer { get; }

        public List<ApiFile> Files { get; }
    }
}
