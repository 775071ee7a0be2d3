using System;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// The clock of <see cref="ApiClientOptions.TimeProvider"/>: its wall clock, timestamps, waits and timers; the jitter
/// stays random.
/// </summary>
internal sealed class TimeProviderClock : RetryClock
{
    private readonly TimeProvider _time;
    private readonly double _ticksPerTimestamp;

    public TimeProviderClock(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _ticksPerTimestamp = (double)TimeSpan.TicksPerSecond / time.TimestampFrequency;
    }

    public override TimeProvider? Timers => _time;

    public override DateTimeOffset UtcNow => _time.GetUtcNow();

    public override long GetTimestamp() => (long)(_time.GetTimestamp() * _ticksPerTimestamp);

    public override Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

#if NET8_0_OR_GREATER
        return Task.Delay(delay, _time, cancellationToken);
#else
        return _time.Delay(delay, cancellationToken);
#endif
    }
}
