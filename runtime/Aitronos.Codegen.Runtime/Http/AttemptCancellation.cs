using System;
using System.Threading;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// The token one attempt runs under: canceled by the call's token and, when the attempt has a timeout, by its timer.
/// Disposing it ends the attempt; the source behind it is then kept for another attempt when it was never canceled. Also
/// the whole call's, for <see cref="ApiClientOptions.CallTimeout"/>.
/// </summary>
/// <remarks>
/// Every attempt needs a source with a timer (<see cref="ApiClientOptions.Timeout"/> is 100 s by default). A linked source
/// and its timer per attempt were most of what the transport allocated beyond the request itself; sources that end
/// uncanceled, the usual case, are reset (<c>CancellationTokenSource.TryReset</c>, which also stops the timer and drops
/// stale registrations) and reused. Where <c>TryReset</c> does not exist (netstandard2.0), or the timers are a
/// <see cref="ApiClientOptions.TimeProvider"/>'s, each attempt has a new one.
/// </remarks>
internal struct AttemptCancellation : IDisposable
{
#if NET6_0_OR_GREATER
    private static readonly CancellationTokenSource?[] s_spare = new CancellationTokenSource?[Math.Min(64, Environment.ProcessorCount * 4)];
#endif

    private CancellationTokenSource? _source;
    private CancellationTokenRegistration _link;

    private bool _pooled;

    private AttemptCancellation(CancellationTokenSource source, CancellationTokenRegistration link, bool pooled)
    {
        _source = source;
        _link = link;
        _pooled = pooled;
    }

    /// <summary>The attempt's token.</summary>
    public readonly CancellationToken Token => _source!.Token;

    /// <summary>Whether the attempt was canceled: by its timeout or by the call's token.</summary>
    public readonly bool IsCancellationRequested => _source?.IsCancellationRequested == true;

    /// <summary>Whether this is a started attempt (not <see langword="default"/>).</summary>
    public readonly bool IsActive => _source is not null;

    /// <summary>
    /// Starts an attempt under <paramref name="callToken"/> that times out after <paramref name="timeout"/> (or never:
    /// <see cref="Timeout.InfiniteTimeSpan"/>), on the timers of <paramref name="clock"/>.
    /// </summary>
    public static AttemptCancellation Start(CancellationToken callToken, TimeSpan timeout, RetryClock clock)
    {
        CancellationTokenSource source;
        var pooled = false;
        if (clock.Timers is not null)
        {
            // A TimeProvider's timers: a new source each time, which only that provider's time cancels.
            source = timeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : clock.CreateTimeoutSource(timeout);
        }
        else
        {
#if NET6_0_OR_GREATER
            (source, pooled) = (Rent(), true);
#else
            source = new CancellationTokenSource();
#endif
            if (timeout != Timeout.InfiniteTimeSpan)
            {
                source.CancelAfter(timeout);
            }
        }

        // Registered on the caller's token rather than linked, so that the source can be reset and kept afterwards.
        var link = callToken.CanBeCanceled ? Link(callToken, source) : default;
        return new AttemptCancellation(source, link, pooled);
    }

    private static CancellationTokenRegistration Link(CancellationToken callToken, CancellationTokenSource source)
    {
#if NET6_0_OR_GREATER
        return callToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source);
#else
        return callToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), source);
#endif
    }

    /// <summary>Ends the attempt.</summary>
    public void Dispose()
    {
        var source = _source;
        if (source is null)
        {
            return;
        }

        _source = null;
        // Waits for the caller's cancellation if it is running, so that it cannot cancel the source after a reset.
        _link.Dispose();
#if NET6_0_OR_GREATER
        if (_pooled)
        {
            Return(source);
            return;
        }
#endif
        source.Dispose();
    }

#if NET6_0_OR_GREATER
    private static CancellationTokenSource Rent()
    {
        var spare = s_spare;
        var start = Environment.CurrentManagedThreadId % spare.Length;
        for (var i = 0; i < spare.Length; i++)
        {
            var index = (start + i) % spare.Length;
            if (Volatile.Read(ref spare[index]) is not null && Interlocked.Exchange(ref spare[index], null) is { } source)
            {
                return source;
            }
        }

        return new CancellationTokenSource();
    }

    private static void Return(CancellationTokenSource source)
    {
        // TryReset refuses a source that was canceled, or whose timer may have fired: such a source is never reused.
        if (source.TryReset())
        {
            var spare = s_spare;
            var start = Environment.CurrentManagedThreadId % spare.Length;
            for (var i = 0; i < spare.Length; i++)
            {
                var index = (start + i) % spare.Length;
                if (Volatile.Read(ref spare[index]) is null && Interlocked.CompareExchange(ref spare[index], source, null) is null)
                {
                    return;
                }
            }
        }

        source.Dispose();
    }
#endif
}
