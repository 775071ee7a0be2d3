using System;
using System.Collections.Generic;
using System.Text.Json.Serialization.Metadata;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Which type each event of a <c>text/event-stream</c> is read as, by its <c>event</c> name: for streams whose events
/// have a shape per name (<c>response.created</c>, <c>response.output_text.delta</c>...).
/// </summary>
/// <typeparam name="T">What every variant is (generated models are all <see cref="JsonModel"/>s).</typeparam>
/// <remarks>
/// An event whose name is not listed is read with <see cref="Otherwise{TVariant}"/>'s type when one is set, and skipped
/// otherwise: a server that adds an event type must not break a client made before it.
/// </remarks>
public sealed class ServerSentEventTypes<T>
{
    private readonly Dictionary<string, JsonTypeInfo> _types = new(StringComparer.Ordinal);

    internal JsonTypeInfo? Other { get; private set; }

    /// <summary>Reads the events named <paramref name="eventType"/> as <typeparamref name="TVariant"/>.</summary>
    /// <typeparam name="TVariant">The event's type.</typeparam>
    /// <param name="eventType">The <c>event</c> field's value (<c>message</c> for events without one).</param>
    /// <param name="data">The type's JSON metadata, from the generated code.</param>
    /// <returns>This object, to chain calls.</returns>
    public ServerSentEventTypes<T> Add<TVariant>(string eventType, JsonTypeInfo<TVariant> data)
        where TVariant : T
    {
        if (eventType is null)
        {
            throw new ArgumentNullException(nameof(eventType));
        }

        _types[eventType] = data ?? throw new ArgumentNullException(nameof(data));
        return this;
    }

    /// <summary>Reads the events whose name is not listed as <typeparamref name="TVariant"/>.</summary>
    /// <typeparam name="TVariant">The type.</typeparam>
    /// <param name="data">The type's JSON metadata.</param>
    /// <returns>This object, to chain calls.</returns>
    public ServerSentEventTypes<T> Otherwise<TVariant>(JsonTypeInfo<TVariant> data)
        where TVariant : T
    {
        Other = data ?? throw new ArgumentNullException(nameof(data));
        return this;
    }

    internal JsonTypeInfo? For(string eventType) => _types.TryGetValue(eventType, out var type) ? type : Other;
}
