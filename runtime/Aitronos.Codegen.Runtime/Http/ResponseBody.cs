using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

/// <summary>Reads response bodies, whole or bounded, and decodes them by their declared charset.</summary>
internal static class ResponseBody
{
    /// <summary>How much of a body an exception keeps: enough for any error document, not a runaway download.</summary>
    public const int ExceptionBodyLimit = 1024 * 1024;

    private const int ChunkSize = 16 * 1024;

    public static async Task<byte[]> ReadAllAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return Array.Empty<byte>();
        }

#if NET5_0_OR_GREATER
        return await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
#endif
    }

    /// <summary>
    /// Reads the whole body into a buffer rented from <see cref="ArrayPool{T}.Shared"/>, sized by <c>Content-Length</c>
    /// when the server declares it: no intermediate stream and no copy, as <c>ReadAsByteArrayAsync</c> would make. The
    /// caller returns <see cref="RentedBody.Buffer"/> to the pool.
    /// </summary>
    public static async ValueTask<RentedBody> ReadRentedAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return new RentedBody(ArrayPool<byte>.Shared.Rent(0), 0);
        }

#if NET5_0_OR_GREATER
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        // One byte beyond a declared length lets the loop see the end without growing the buffer. The declared length is
        // the server's word: trusted for the first mebibyte only, the rest grows as bytes actually arrive.
        var declared = content.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(declared is >= 0 and < ExceptionBodyLimit ? (int)declared.Value + 1 : declared is null ? ChunkSize : ExceptionBodyLimit);
        var count = 0;
        try
        {
            while (true)
            {
                if (count == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length > int.MaxValue / 2 ? int.MaxValue : buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, count);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

#if NET5_0_OR_GREATER
                var read = await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
#else
                var read = await stream.ReadAsync(buffer, count, buffer.Length - count, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0)
                {
                    return new RentedBody(buffer, count);
                }

                count += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes and decodes them.</summary>
    public static async Task<string> ReadBoundedTextAsync(HttpContent? content, int limit, CancellationToken cancellationToken)
        => (await ReadBoundedAsync(content, limit, cancellationToken).ConfigureAwait(false)).Text;

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes and decodes them, and tells whether the body went on beyond them. The
    /// rest is left unread: disposing the response then drops the connection rather than download it.
    /// </summary>
    public static async Task<BoundedText> ReadBoundedAsync(HttpContent? content, int limit, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return new BoundedText(string.Empty, false, 0);
        }

#if NET5_0_OR_GREATER
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        var buffer = new byte[Math.Min(limit, ChunkSize)];
        var count = 0;
        while (count < limit)
        {
            if (count == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(limit, buffer.Length * 2L));
            }

            var read = await stream.ReadAsync(buffer, count, buffer.Length - count, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            count += read;
        }

        // One byte more tells a body of exactly the limit from a longer one.
        var truncated = count == limit && await stream.ReadAsync(new byte[1], 0, 1, cancellationToken).ConfigureAwait(false) > 0;
        var declared = content.Headers.ContentLength;
        var length = truncated ? declared : count;
        return new BoundedText(Decode(buffer, count, content), truncated, length);
    }

    /// <summary>Decodes by the <c>Content-Type</c> charset (UTF-8 when absent or unknown), skipping a byte order mark.</summary>
    public static string Decode(byte[] bytes, int count, HttpContent? content)
    {
        var encoding = EncodingOf(content);
        var preamble = encoding.GetPreamble();
        var start = 0;
        if (preamble.Length > 0 && count >= preamble.Length && StartsWith(bytes, preamble))
        {
            start = preamble.Length;
        }

        return encoding.GetString(bytes, start, count - start);
    }

    private static Encoding EncodingOf(HttpContent? content)
    {
        var charset = content?.Headers.ContentType?.CharSet;
        if (!string.IsNullOrWhiteSpace(charset))
        {
            try
            {
                return Encoding.GetEncoding(charset!.Trim().Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset: UTF-8 is what JSON APIs send anyway.
            }
        }

        return Encoding.UTF8;
    }

    private static bool StartsWith(byte[] bytes, byte[] prefix)
    {
        for (var i = 0; i < prefix.Length; i++)
        {
            if (bytes[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>The start of a body, as text.</summary>
/// <param name="Text">The text of the bytes read.</param>
/// <param name="Truncated">Whether the body went on beyond them.</param>
/// <param name="Length">The whole body's length in bytes, when known: the bytes read, or the declared <c>Content-Length</c> of a truncated body.</param>
internal readonly record struct BoundedText(string Text, bool Truncated, long? Length);

/// <summary>A body read into a rented buffer: its first <paramref name="Count"/> bytes.</summary>
internal readonly record struct RentedBody(byte[] Buffer, int Count);
