using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>
/// Retries in virtual time: a wait between attempts is recorded and moves the clock on at once, and the jitter is a
/// number the test chooses. Requests and timeouts still run in real time, over the wire.
/// </summary>
internal sealed class VirtualRetryClock : RetryClock
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();
    private long _advanced;

    /// <summary>The wall clock when no wait has happened yet.</summary>
    public DateTimeOffset Start { get; init; } = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>What <see cref="NextJitter"/> returns: 0 keeps the whole backoff, values near 1 take 25 % off.</summary>
    public double Jitter { get; init; } = 0.5;

    /// <summary>Runs during each wait, for a test that changes the server between attempts.</summary>
    public Func<TimeSpan, Task>? OnDelay { get; init; }

    /// <summary>The waits asked for, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays => _delays.ToArray();

    public override DateTimeOffset UtcNow => Start + TimeSpan.FromTicks(Volatile.Read(ref _advanced));

    public override long GetTimestamp() => base.GetTimestamp() + Volatile.Read(ref _advanced);

    public override async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _delays.Enqueue(delay);
        Interlocked.Add(ref _advanced, delay.Ticks);
        if (OnDelay is { } onDelay)
        {
            await onDelay(delay);
        }

        await Task.Yield();
    }

    public override double NextJitter() => Jitter;
}
