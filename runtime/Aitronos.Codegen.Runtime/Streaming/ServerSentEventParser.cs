using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;

namespace Aitronos.Codegen.Runtime.Streaming;

/// <summary>
/// The field rules of the WHATWG HTML standard's event stream interpretation (§9.2.6), applied line by line to UTF-8
/// bytes: <c>event</c>, <c>data</c> (lines joined with LF), <c>id</c>, <c>retry</c>; comments and unknown fields
/// ignored; an event dispatched at a blank line when its data buffer is not empty.
/// </summary>
/// <remarks>
/// The data of the event just dispatched is <see cref="Data"/>, in a pooled buffer reused for the next event: reading it
/// as JSON needs no string. Event names are kept as strings once each, so a stream of few names allocates none per event.
/// The caller strips a byte order mark from the first line and does not feed a last line that had no line end (such an
/// event is not dispatched: the stream ended in the middle of it).
/// </remarks>
internal sealed class ServerSentEventParser : IDisposable
{
    /// <summary>The event type of an event without an <c>event</c> field.</summary>
    public const string DefaultEventType = "message";

    private static readonly byte[] s_event = Encoding.ASCII.GetBytes("event");
    private static readonly byte[] s_data = Encoding.ASCII.GetBytes("data");
    private static readonly byte[] s_id = Encoding.ASCII.GetBytes("id");
    private static readonly byte[] s_retry = Encoding.ASCII.GetBytes("retry");

    // A stream names a handful of event types; past this many distinct names they are decoded each time.
    private const int MaxCachedNames = 32;

    private readonly List<KeyValuePair<byte[], string>> _names = new();
    private byte[] _data = ArrayPool<byte>.Shared.Rent(4096);
    private int _dataLength;
    private string? _eventType;

    /// <summary>The dispatched event's data, without the final LF.</summary>
    public ReadOnlySpan<byte> Data => new(_data, 0, _dataLength);

    /// <summary>The dispatched event's type: its <c>event</c> field, or <c>message</c>.</summary>
    public string EventType { get; private set; } = DefaultEventType;

    /// <summary>The last event ID buffer: the last <c>id</c> field's value, kept across events until another <c>id</c>.</summary>
    public string? LastEventId { get; private set; }

    /// <summary>The reconnection time the last valid <c>retry</c> field set, kept across events.</summary>
    public TimeSpan? Retry { get; private set; }

    /// <summary>How many events have been dispatched.</summary>
    public long EventCount { get; private set; }

    private bool _dispatched;

    /// <summary>Processes one line (without its line end).</summary>
    /// <returns><see langword="true"/> when the line dispatched an event: <see cref="Data"/> and <see cref="EventType"/> hold it.</returns>
    public bool ProcessLine(ReadOnlySpan<byte> line)
    {
        if (_dispatched)
        {
            // The previous event's data stays readable until the next line comes.
            (_dataLength, _dispatched) = (0, false);
        }

        if (line.IsEmpty)
        {
            return Dispatch();
        }

        if (line[0] == (byte)':')
        {
            return false;
        }

        ReadOnlySpan<byte> field, value;
        var colon = line.IndexOf((byte)':');
        if (colon < 0)
        {
            field = line;
            value = ReadOnlySpan<byte>.Empty;
        }
        else
        {
            field = line.Slice(0, colon);
            value = line.Slice(colon + 1);
            if (!value.IsEmpty && value[0] == (byte)' ')
            {
                value = value.Slice(1);
            }
        }

        if (field.SequenceEqual(s_data))
        {
            AppendData(value);
        }
        else if (field.SequenceEqual(s_event))
        {
            _eventType = Name(value);
        }
        else if (field.SequenceEqual(s_id))
        {
            if (value.IndexOf((byte)0) < 0)
            {
                LastEventId = value.IsEmpty ? string.Empty : Utf8(value);
            }
        }
        else if (field.SequenceEqual(s_retry))
        {
            SetRetry(value);
        }

        return false;
    }

    public void Dispose()
    {
        var data = _data;
        _data = Array.Empty<byte>();
        _dataLength = 0;
        if (data.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(data);
        }
    }

    private bool Dispatch()
    {
        var type = _eventType;
        _eventType = null;
        if (_dataLength == 0)
        {
            // No data field since the last event: nothing to dispatch (a retry- or id-only block, or blank lines).
            return false;
        }

        _dataLength--;   // the LF after the last data line
        EventType = string.IsNullOrEmpty(type) ? DefaultEventType : type!;
        EventCount++;
        _dispatched = true;
        return true;
    }

    private void AppendData(ReadOnlySpan<byte> value)
    {
        var needed = _dataLength + value.Length + 1;
        if (needed > Utf8LineReader.DefaultMaxLength)
        {
            throw new StreamLimitException($"an event's data is longer than {Utf8LineReader.DefaultMaxLength} bytes");
        }

        if (needed > _data.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _data.Length * 2));
            Buffer.BlockCopy(_data, 0, larger, 0, _dataLength);
            ArrayPool<byte>.Shared.Return(_data);
            _data = larger;
        }

        value.CopyTo(new Span<byte>(_data, _dataLength, value.Length));
        _dataLength += value.Length;
        _data[_dataLength++] = (byte)'\n';
    }

    private void SetRetry(ReadOnlySpan<byte> value)
    {
        // Only ASCII digits; anything else (a sign, a unit, a fraction, nothing) leaves the reconnection time as it was.
        if (value.IsEmpty)
        {
            return;
        }

        long milliseconds = 0;
        foreach (var b in value)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return;
            }

            milliseconds = (milliseconds * 10) + (b - '0');
            if (milliseconds > int.MaxValue)
            {
                return;
            }
        }

        Retry = TimeSpan.FromMilliseconds(milliseconds);
    }

    private string Name(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        foreach (var name in _names)
        {
            if (value.SequenceEqual(name.Key))
            {
                return name.Value;
            }
        }

        var text = Utf8(value);
        if (_names.Count < MaxCachedNames)
        {
            _names.Add(new KeyValuePair<byte[], string>(value.ToArray(), text));
        }

        return text;
    }

    internal static string Utf8(ReadOnlySpan<byte> value)
#if NET5_0_OR_GREATER
        => Encoding.UTF8.GetString(value);
#else
        => Encoding.UTF8.GetString(value.ToArray());
#endif
}
