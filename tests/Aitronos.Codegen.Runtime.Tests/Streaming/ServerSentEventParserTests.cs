using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime.Streaming;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests.Streaming;

/// <summary>
/// The event stream interpretation of the WHATWG HTML standard (§9.2.6), fed through the line reader in chunks of every
/// size from 1 byte up, so that a line end (CR LF above all) split between two reads is covered for each case.
/// </summary>
public sealed class ServerSentEventParserTests
{
    private static readonly int[] ChunkSizes = { 1, 2, 3, 5, 7, 64, 100_000 };

    [Fact]
    public async Task Data_lines_are_joined_with_line_feeds_and_the_event_is_dispatched_at_a_blank_line()
    {
        var events = await ParseAsync("data: first\ndata: second\ndata:third\n\n");

        Assert.Equal(new[] { Event("message", "first\nsecond\nthird") }, events);
    }

    [Theory]
    [InlineData("LF", "\n")]
    [InlineData("CRLF", "\r\n")]
    [InlineData("CR", "\r")]
    public async Task Every_kind_of_line_end_ends_lines_and_events(string name, string end)
    {
        var text = $"event: a{end}data: 1{end}data: 2{end}{end}data: 3{end}{end}";

        var events = await ParseAsync(text);

        Assert.True(events.SequenceEqual(new[] { Event("a", "1\n2"), Event("message", "3") }), name + ": " + string.Join(" | ", events));
    }

    [Fact]
    public async Task Mixed_line_ends_in_one_stream_and_a_CR_LF_split_across_reads_are_one_line_end()
    {
        // If the LF after a CR were read as a line of its own, the first event would be dispatched after "a".
        var events = await ParseAsync("data: a\r\ndata: b\rdata: c\n\r\n");

        Assert.Equal(new[] { Event("message", "a\nb\nc") }, events);
    }

    [Fact]
    public async Task Comments_are_ignored_and_do_not_dispatch()
    {
        var events = await ParseAsync(": keep-alive\ndata: x\n:another comment\n\n:\n\n");

        Assert.Equal(new[] { Event("message", "x") }, events);
    }

    [Fact]
    public async Task Only_one_space_after_the_colon_is_stripped()
    {
        var events = await ParseAsync("data:no space\ndata: one\ndata:  two\n\n");

        Assert.Equal(new[] { Event("message", "no space\none\n two") }, events);
    }

    [Fact]
    public async Task A_line_without_a_colon_is_a_field_name_with_an_empty_value()
    {
        // "data" alone appends an empty line; "event" alone sets an empty type, which dispatches as "message".
        var events = await ParseAsync("event: x\nevent\ndata: a\ndata\n\ndata\n\n");

        Assert.Equal(new[] { Event("message", "a\n"), Event("message", string.Empty) }, events);
    }

    [Fact]
    public async Task Malformed_and_unknown_lines_are_ignored()
    {
        var events = await ParseAsync("garbage\nDATA: upper case is another field\nfoo: bar\n data: leading space makes another field\ndata: kept\n\n");

        Assert.Equal(new[] { Event("message", "kept") }, events);
    }

    [Fact]
    public async Task A_byte_order_mark_is_stripped_at_the_start_only()
    {
        var events = await ParseAsync("\uFEFFdata: a\n\n\uFEFFdata: b\n\ndata: c\n\n");

        // The second BOM makes the field name "\uFEFFdata", which is no field.
        Assert.Equal(new[] { Event("message", "a"), Event("message", "c") }, events);
    }

    [Fact]
    public async Task The_last_event_id_persists_until_another_id_and_an_empty_id_resets_it()
    {
        var events = await ParseAsync("id: 1\ndata: a\n\ndata: b\n\nid\ndata: c\n\nid: 7\0x\ndata: d\n\n");

        Assert.Equal(new[] { "1", "1", string.Empty, string.Empty }, events.Select(e => e.Id));
    }

    [Fact]
    public async Task Retry_takes_only_ascii_digits_and_persists()
    {
        var events = await ParseAsync("data: a\n\nretry: 3000\ndata: b\n\nretry: 1.5\nretry: -1\nretry: 10s\nretry:\ndata: c\n\nretry: 0\n\ndata: d\n\n");

        Assert.Equal(new TimeSpan?[] { null, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3), TimeSpan.Zero }, events.Select(e => e.Retry));
    }

    [Fact]
    public async Task Blocks_without_data_dispatch_nothing_and_their_event_type_does_not_leak()
    {
        var events = await ParseAsync("event: lonely\n\n\n\nretry: 5\nid: 3\n\ndata: a\n\n");

        Assert.Equal(new[] { Event("message", "a", "3", TimeSpan.FromMilliseconds(5)) }, events);
    }

    [Fact]
    public async Task The_event_type_applies_to_its_event_only()
    {
        var events = await ParseAsync("event: first\ndata: 1\n\ndata: 2\n\nevent: third\nevent: third.b\ndata: 3\n\n");

        Assert.Equal(new[] { "first", "message", "third.b" }, events.Select(e => e.Type));
    }

    [Theory]
    [InlineData("data: a\n\ndata: never dispatched\n")]
    [InlineData("data: a\n\ndata: never dispatched")]
    [InlineData("data: a\n\ndata: never dispatched\r")]
    public async Task An_event_the_stream_ends_in_is_not_dispatched(string text)
    {
        var events = await ParseAsync(text);

        Assert.Equal(new[] { Event("message", "a") }, events);
    }

    [Fact]
    public async Task Multi_byte_characters_split_across_reads_come_whole()
    {
        var events = await ParseAsync("event: grüße\ndata: {\"text\":\"日本語 ✓\"}\n\n");

        Assert.Equal(new[] { Event("grüße", "{\"text\":\"日本語 ✓\"}") }, events);
    }

    [Fact]
    public async Task Lines_longer_than_the_buffer_grow_it()
    {
        var big = new string('x', 100_000);

        var events = await ParseAsync($"data: {big}\ndata: {big}\n\n", initialBufferSize: 16);

        Assert.Equal(new[] { Event("message", big + "\n" + big) }, events);
    }

    [Fact]
    public async Task The_line_reader_numbers_lines_and_tells_a_last_line_without_an_end()
    {
        using var reader = new Utf8LineReader(new ChunkedStream(Encoding.UTF8.GetBytes("a\r\n\r\nb\rc"), 1));
        var seen = new List<string>();
        while (await reader.ReadLineAsync(CancellationToken.None))
        {
            seen.Add($"{reader.LineNumber}:{Encoding.UTF8.GetString(reader.Line)}:{reader.LineTerminated}");
        }

        Assert.Equal(new[] { "1:a:True", "2::True", "3:b:True", "4:c:False" }, seen);
    }

    [Fact]
    public async Task Parsing_allocates_nothing_per_event_once_its_buffers_and_names_exist()
    {
        // Ten times the events, the same allocations: what is allocated belongs to the stream, not to its events.
        var (small, smallEvents) = await CountAsync(Events(1_000));
        var (large, largeEvents) = await CountAsync(Events(10_000));

        Assert.Equal(1_000, smallEvents);
        Assert.Equal(10_000, largeEvents);
        Assert.True(large - small < 1_000, $"1,000 events allocated {small} bytes, 10,000 events {large} bytes");

        static byte[] Events(int count)
        {
            var text = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                text.Append("event: ").Append(i % 3 == 0 ? "response.output_text.delta" : "response.created")
                    .Append("\r\ndata: {\"index\":").Append(i).Append("}\r\ndata: more\r\n: comment\r\n\r\n");
            }

            return Encoding.UTF8.GetBytes(text.ToString());
        }

        static async Task<(long Allocated, int Events)> CountAsync(byte[] bytes)
        {
            var stream = new MemoryStream(bytes);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var events = 0;

            // One read takes the whole body, so that the count does not depend on how often the stream is read.
            using (var lines = new Utf8LineReader(stream, initialSize: 1 << 20))
            using (var parser = new ServerSentEventParser())
            {
                while (await lines.ReadLineAsync(CancellationToken.None))
                {
                    if (parser.ProcessLine(lines.Line))
                    {
                        events++;
                    }
                }
            }

            return (GC.GetAllocatedBytesForCurrentThread() - before, events);
        }
    }

    internal static SseEvent Event(string type, string data, string? id = null, TimeSpan? retry = null) => new(type, data, id, retry);

    /// <summary>Parses <paramref name="text"/> at every chunk size; all must agree, and that is the result.</summary>
    private static async Task<List<SseEvent>> ParseAsync(string text, int initialBufferSize = 16 * 1024)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        List<SseEvent>? first = null;
        foreach (var size in ChunkSizes)
        {
            var events = new List<SseEvent>();
            using var lines = new Utf8LineReader(new ChunkedStream(bytes, size), initialBufferSize);
            using var parser = new ServerSentEventParser();
            while (await lines.ReadLineAsync(CancellationToken.None))
            {
                if (lines.LineTerminated && parser.ProcessLine(lines.Line))
                {
                    events.Add(new SseEvent(parser.EventType, Encoding.UTF8.GetString(parser.Data), parser.LastEventId, parser.Retry));
                }
            }

            if (first is null)
            {
                first = events;
            }
            else
            {
                Assert.True(first.SequenceEqual(events), $"chunks of {size} bytes gave {string.Join(" | ", events)}; 1-byte chunks gave {string.Join(" | ", first)}");
            }
        }

        return first!;
    }

    internal sealed record SseEvent(string Type, string Data, string? Id, TimeSpan? Retry);

    /// <summary>A stream that returns at most <c>chunk</c> bytes per read, as a network does.</summary>
    private sealed class ChunkedStream : MemoryStream
    {
        private readonly int _chunk;

        public ChunkedStream(byte[] bytes, int chunk)
            : base(bytes) => _chunk = chunk;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, _chunk));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => base.ReadAsync(buffer, offset, Math.Min(count, _chunk), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer.Slice(0, Math.Min(buffer.Length, _chunk)), cancellationToken);
    }
}
