using System;
using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Aitronos.Codegen.Runtime.Serialization;

/// <summary>
/// Request bodies to UTF-8 JSON and responses from it, for the client. A generated model or enum, or a root list or
/// map of them, is written and read by its own generated code, without <see cref="JsonSerializer"/>'s root path for a
/// custom converter (its read and write state, its polymorphism and reference checks, the verification after the
/// converter), none of which applies to a generated type: about a tenth of a small model's write and read
/// (JsonBenchmarks <c>--alternate</c>). Anything else, and any options this path does not reproduce, go through
/// <see cref="JsonSerializer"/>.
/// </summary>
internal static class JsonBodyBytes
{
    [ThreadStatic]
    private static Rental? t_rental;

    /// <summary>A value as <see cref="JsonSerializer.SerializeToUtf8Bytes{TValue}(TValue, JsonTypeInfo{TValue})"/> writes it.</summary>
    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        JsonSerializerOptions options = typeInfo.Options;

        // Indented output has settings (indent size and character, new line) newer than this library's targets: STJ
        // writes those as configured.
        if (value is null || typeInfo.Converter is not (IGeneratedJsonConverter and JsonConverter<T> converter) || options.WriteIndented)
        {
            return JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        }

        // A body written while another is being written on this thread (a converter of the user's that serializes)
        // gets a rental of its own.
        Rental rental = t_rental is { InUse: false } cached ? cached : new Rental();
        t_rental ??= rental;
        rental.InUse = true;
        try
        {
            Utf8JsonWriter writer = rental.Start(options);
            converter.Write(writer, value, options);
            writer.Flush();
            return rental.Buffer.WrittenSpan.ToArray();
        }
        finally
        {
            rental.End();
        }
    }

    /// <summary>
    /// Reads a value from a whole UTF-8 JSON document as
    /// <see cref="JsonSerializer.Deserialize{TValue}(ReadOnlySpan{byte}, JsonTypeInfo{TValue})"/> does. Any failure is
    /// read again by <see cref="JsonSerializer"/>, so that what a caller sees of a failure (the exception, its path and
    /// position) is the serializer's own: a read that fails costs twice, one that succeeds does not.
    /// </summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo)
    {
        JsonSerializerOptions options = typeInfo.Options;
        if (typeInfo.Converter is IGeneratedJsonConverter and JsonConverter<T> converter)
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions
            {
                AllowTrailingCommas = options.AllowTrailingCommas,
                CommentHandling = options.ReadCommentHandling,
                MaxDepth = MaxDepth(options),
            });
            try
            {
                // The value, then nothing but what the reader skips (white space, comments when allowed).
                if (reader.Read())
                {
                    T value = converter.Read(ref reader, typeof(T), options)!;
                    if (!reader.Read())
                    {
                        return value;
                    }
                }
            }
            catch (Exception)
            {
                // Read again below, for the serializer's own account of it.
            }
        }

        return JsonSerializer.Deserialize(json, typeInfo)!;
    }

    /// <summary>The depth the serializer allows: its options' maximum, 64 when they leave it at 0.</summary>
    private static int MaxDepth(JsonSerializerOptions options) => options.MaxDepth == 0 ? 64 : options.MaxDepth;

    private sealed class Rental
    {
        public readonly PooledBufferWriter Buffer = new();
        private Utf8JsonWriter? _writer;
        private JsonSerializerOptions? _options;

        public bool InUse;

        public Utf8JsonWriter Start(JsonSerializerOptions options)
        {
            if (_writer is null || !ReferenceEquals(_options, options))
            {
                // As JsonSerializer writes: its encoder and depth, validation left to the generated writers (STJ skips
                // it too outside its own debug builds).
                _writer = new Utf8JsonWriter(Buffer, new JsonWriterOptions
                {
                    Encoder = options.Encoder,
                    MaxDepth = MaxDepth(options),
                    SkipValidation = true,
                });
                _options = options;
            }
            else
            {
                _writer.Reset(Buffer);
            }

            return _writer;
        }

        public void End()
        {
            // A writer left mid-object by an exception is reset on its next Start.
            Buffer.Clear();
            InUse = false;
        }
    }

    /// <summary>
    /// An <see cref="IBufferWriter{T}"/> over a small array of its own, kept for the thread's next body, and over
    /// arrays from the shared pool for bodies larger than that, returned after each body.
    /// </summary>
    private sealed class PooledBufferWriter : IBufferWriter<byte>
    {
        private const int OwnSize = 4096;
        private const int PooledMinimum = 32 * 1024;
        private readonly byte[] _own;
        private byte[] _buffer;
        private int _written;

        public PooledBufferWriter() => _buffer = _own = new byte[OwnSize];

        public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

        /// <summary>Forgets what was written, and gives back a pooled array for the kept one.</summary>
        public void Clear()
        {
            Release(_buffer);
            _buffer = _own;
            _written = 0;
        }

        public void Advance(int count)
        {
            if (count < 0 || _written + count > _buffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            _written += count;
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return _buffer.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return _buffer.AsSpan(_written);
        }

        private void Reserve(int sizeHint)
        {
            int needed = Math.Max(sizeHint, 1);
            if (_buffer.Length - _written < needed)
            {
                // Past the kept array, at least 32 KB at once: a body that outgrows 4 KB is often much larger, and
                // each step copies what was written.
                int size = Math.Max(Math.Max(_written + needed, checked(_buffer.Length * 2)), PooledMinimum);
                byte[] larger = ArrayPool<byte>.Shared.Rent(size);
                _buffer.AsSpan(0, _written).CopyTo(larger);
                Release(_buffer);
                _buffer = larger;
            }
        }

        private void Release(byte[] buffer)
        {
            if (!ReferenceEquals(buffer, _own))
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
