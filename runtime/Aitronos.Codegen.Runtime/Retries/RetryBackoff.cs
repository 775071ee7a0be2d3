using System;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// The wait before a retry when the server names none: exponential (initial delay × 2^(retry - 1), at most the maximum),
/// less a random 0 to 25 % of it. The jitter only shortens, so the maximum holds, and never below 75 %, so a retry never
/// follows at once: clients that failed together spread out, yet none of them hammers the server.
/// </summary>
internal static class RetryBackoff
{
    /// <summary>Each retry waits this many times longer than the one before, up to the maximum.</summary>
    public const double Factor = 2;

    /// <summary>The largest share of the delay the jitter takes away.</summary>
    public const double Jitter = 0.25;

    /// <summary>The wait before retry number <paramref name="retry"/>.</summary>
    /// <param name="retry">1 for the first retry (the second attempt), 2 for the second, and so on.</param>
    /// <param name="initialDelay">The wait before the first retry, before jitter; positive.</param>
    /// <param name="maxDelay">The longest wait, before jitter; positive.</param>
    /// <param name="random">A random number in [0, 1): 0 keeps the whole delay, values near 1 take 25 % off.</param>
    /// <returns>A delay in [0.75 × d, d], with d = min(initialDelay × 2^(retry - 1), maxDelay).</returns>
    public static TimeSpan Delay(int retry, TimeSpan initialDelay, TimeSpan maxDelay, double random)
    {
        if (retry < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(retry), retry, "Retries are counted from 1.");
        }

        if (random is < 0 or >= 1 || double.IsNaN(random))
        {
            throw new ArgumentOutOfRangeException(nameof(random), random, "The random number must be in [0, 1).");
        }

        // In doubles: 2^(retry - 1) overflows a TimeSpan long before any sane retry count does.
        var exponential = initialDelay.Ticks * Math.Pow(Factor, Math.Min(retry - 1, 64));
        var capped = Math.Min(exponential, maxDelay.Ticks);
        return TimeSpan.FromTicks((long)(capped * (1 - (Jitter * random))));
    }
}
