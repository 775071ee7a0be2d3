using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// The time and randomness that retries depend on: the wall clock (for <c>Retry-After</c> dates when the response has no
/// <c>Date</c>), a monotonic clock (for the call's time budget), the waits between attempts and the jitter. Tests replace it
/// to run retries in virtual time with a chosen jitter; timeouts always run in real time.
/// </summary>
internal class RetryClock
{
    /// <summary>The real clock and a shared, thread-safe random source.</summary>
    public static readonly RetryClock System = new();

#if !NET6_0_OR_GREATER
    [ThreadStatic]
    private static Random? t_random;
#endif

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
