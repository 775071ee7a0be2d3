using System;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// One event of a <c>text/event-stream</c> response: its data read as <typeparamref name="T"/>, with its type and the
/// stream's last event id and reconnection time as they stood when it was dispatched.
/// </summary>
/// <typeparam name="T">The type the event's data is read as.</typeparam>
public readonly struct ServerSentEvent<T>
{
    /// <summary>Creates an event (for fakes and tests; the client makes them as it reads a stream).</summary>
    /// <param name="eventType">The <c>event</c> field; <c>message</c> when the event had none.</param>
    /// <param name="data">The data.</param>
    /// <param name="id">The last event id.</param>
    /// <param name="retry">The reconnection time.</param>
    public ServerSentEvent(string eventType, T data, string? id, TimeSpan? retry)
    {
        EventType = eventType ?? throw new ArgumentNullException(nameof(eventType));
        Data = data;
        Id = id;
        Retry = retry;
    }

    /// <summary>The event's <c>event</c> field, or <c>message</c> when it had none (as a browser's <c>EventSource</c> names it).</summary>
    public string EventType { get; }

    /// <summary>The event's data (its <c>data</c> lines joined with line feeds), read as JSON.</summary>
    public T Data { get; }

    /// <summary>
    /// The last event id: the value of the last <c>id</c> field the stream sent, at or before this event (an empty
    /// <c>id</c> field resets it to empty); <see langword="null"/> when none came yet. The value to send as
    /// <c>Last-Event-ID</c> to resume after this event.
    /// </summary>
    public string? Id { get; }

    /// <summary>
    /// The reconnection time the stream asked for with its last valid <c>retry</c> field, at or before this event;
    /// <see langword="null"/> when none came yet.
    /// </summary>
    public TimeSpan? Retry { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{EventType}{(Id is null ? string.Empty : " #" + Id)}: {Data}";
}
