using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// The time and randomness that retries depend on: the wall clock (for <c>Retry-After</c> dates when the response has no
/// <c>Date</c>), a monotonic clock (for the call's time budget and token expiry), the waits between attempts, the jitter,
/// and the timers of timeouts. <see cref="ApiClientOptions.TimeProvider"/> makes one (<see cref="TimeProviderClock"/>);
/// tests also replace it to run retries in virtual time with a chosen jitter.
/// </summary>
internal class RetryClock
{
    /// <summary>The real clock and a shared, thread-safe random source.</summary>
    public static readonly RetryClock System = new();

#if !NET6_0_OR_GREATER
    [ThreadStatic]
    private static Random? t_random;
#endif

    /// <summary>
    /// Where the timers of timeouts come from, or <see langword="null"/> for the system's (whose cancellation sources the
    /// transport can reuse).
    /// </summary>
    public virtual TimeProvider? Timers => null;

    /// <summary>A source canceled after <paramref name="delay"/> by <see cref="Timers"/>, or by the system's timer.</summary>
    public CancellationTokenSource CreateTimeoutSource(TimeSpan delay)
    {
        if (Timers is not { } timers)
        {
            var source = new CancellationTokenSource();
            source.CancelAfter(delay);
            return source;
        }

#if NET8_0_OR_GREATER
        return new CancellationTokenSource(delay, timers);
#else
        return timers.CreateCancellationTokenSource(delay);
#endif
    }

    /// <summary>The current UTC time.</summary>
    public virtual DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    /// <summary>A monotonic timestamp, in <see cref="TimeSpan"/> ticks.</summary>
    public virtual long GetTimestamp()
        => (long)(Stopwatch.GetTimestamp() * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency));

    /// <summary>Waits before a retry.</summary>
    public virtual Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
        => delay > TimeSpan.Zero ? Task.Delay(delay, cancellationToken) : Task.CompletedTask;

    /// <summary>A random number in [0, 1) for the jitter.</summary>
    public virtual double NextJitter()
    {
#if NET6_0_OR_GREATER
        return Random.Shared.NextDouble();
#else
        return (t_random ??= new Random(Guid.NewGuid().GetHashCode())).NextDouble();
#endif
    }

    /// <summary>The time since <paramref name="timestamp"/>, from <see cref="GetTimestamp"/>.</summary>
    public TimeSpan GetElapsedTime(long timestamp) => TimeSpan.FromTicks(GetTimestamp() - timestamp);
}
