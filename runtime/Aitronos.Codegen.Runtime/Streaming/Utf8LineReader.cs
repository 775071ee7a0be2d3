using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime.Streaming;

/// <summary>
/// Splits a stream of UTF-8 bytes into lines ended by CR LF, LF or CR, in one pooled buffer: no string, no array per
/// line. A CR at the end of one read and an LF at the start of the next are one line end.
/// </summary>
/// <remarks>
/// <see cref="Line"/> points into the buffer and is valid until the next <see cref="ReadLineAsync"/>. A line longer than
/// the buffer grows it (by renting a larger one); the buffer goes back to the pool on <see cref="Dispose"/>.
/// </remarks>
internal sealed class Utf8LineReader : IDisposable
{
    private const byte CarriageReturn = (byte)'\r';
    private const byte LineFeed = (byte)'\n';
    private const int InitialSize = 16 * 1024;

    /// <summary>The longest line (and, for events, the most data of one event) read: a server cannot grow memory without bound.</summary>
    public const int DefaultMaxLength = 16 * 1024 * 1024;

    private readonly Stream _stream;
    private readonly int _maxLength;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _lineStart;
    private int _lineLength;
    private int _scanFrom;
    private bool _skipLineFeed;
    private bool _endOfStream;

    public Utf8LineReader(Stream stream, int initialSize = InitialSize, int maxLength = DefaultMaxLength)
    {
        _stream = stream;
        _maxLength = maxLength;
        _buffer = ArrayPool<byte>.Shared.Rent(initialSize);
    }

    /// <summary>The line read last, without its line end, and without the byte order mark that may start the first line.</summary>
    public ReadOnlySpan<byte> Line
    {
        get
        {
            var line = new ReadOnlySpan<byte>(_buffer, _lineStart, _lineLength);
            return LineNumber == 1 && line.Length >= 3 && line[0] == 0xEF && line[1] == 0xBB && line[2] == 0xBF ? line.Slice(3) : line;
        }
    }

    /// <summary>1 for the first line; counts every line, blank ones included.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Whether <see cref="Line"/> ended with a line end; the last line of a stream may not.</summary>
    public bool LineTerminated { get; private set; }

    /// <summary>Reads the next line.</summary>
    /// <returns><see langword="false"/> at the end of the stream, when no bytes are left.</returns>
    /// <remarks>A line already in the buffer, the usual case, is returned without an async state machine.</remarks>
    public ValueTask<bool> ReadLineAsync(CancellationToken cancellationToken) =>
        TryReadLine() ? new ValueTask<bool>(true) : ReadMoreAsync(cancellationToken);

    /// <summary>Takes the next line from what is buffered, if a whole one is there.</summary>
    public bool TryReadLine()
    {
        if (_skipLineFeed && _start < _end)
        {
            // The previous line ended with CR: an LF right after it is part of that line end.
            if (_buffer[_start] == LineFeed)
            {
                _start++;
            }

            _skipLineFeed = false;
            _scanFrom = _start;
        }

        if (_skipLineFeed)
        {
            return false;
        }

        var found = new ReadOnlySpan<byte>(_buffer, _scanFrom, _end - _scanFrom).IndexOfAny(CarriageReturn, LineFeed);
        if (found < 0)
        {
            // Not scanned again when more arrives.
            _scanFrom = _end;
            return false;
        }

        var end = _scanFrom + found;
        SetLine(_start, end - _start, terminated: true);
        _skipLineFeed = _buffer[end] == CarriageReturn;
        _start = _scanFrom = end + 1;
        return true;
    }

    private async ValueTask<bool> ReadMoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_endOfStream)
            {
                if (_start < _end)
                {
                    SetLine(_start, _end - _start, terminated: false);
                    _start = _scanFrom = _end;
                    return true;
                }

                return false;
            }

            if (_start > 0)
            {
                // Keep the unfinished line at the start of the buffer, so that the free space is one piece.
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _scanFrom -= _start;
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                if (_end >= _maxLength)
                {
                    throw new StreamLimitException($"a line is longer than {_maxLength} bytes");
                }

                var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            var read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _endOfStream = true;
            }
            else
            {
                _end += read;
                if (TryReadLine())
                {
                    return true;
                }
            }
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = Array.Empty<byte>();
        (_start, _end, _scanFrom, _lineStart, _lineLength) = (0, 0, 0, 0, 0);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void SetLine(int start, int length, bool terminated)
    {
        (_lineStart, _lineLength) = (start, length);
        LineTerminated = terminated;
        LineNumber++;
    }
}

/// <summary>A streamed body passed a size limit of the reader (a line, or one event's data); the transport reports it as a format error.</summary>
internal sealed class StreamLimitException : Exception
{
    public StreamLimitException(string message)
        : base(message)
    {
    }
}
