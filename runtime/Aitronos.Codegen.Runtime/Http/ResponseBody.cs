using System;
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

    /// <summary>Reads at most <paramref name="limit"/> bytes and decodes them.</summary>
    public static async Task<string> ReadBoundedTextAsync(HttpContent? content, int limit, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return string.Empty;
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

        return Decode(buffer, count, content);
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
