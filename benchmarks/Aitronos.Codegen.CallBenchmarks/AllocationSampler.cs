using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Linq;

namespace Aitronos.Codegen.CallBenchmarks;

/// <summary>
/// The runtime's allocation samples (one about every 100 KB, with the type allocated), counted by type: where a call's
/// bytes go, statistically, without a profiler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, int> _samples = new();
    private volatile bool _recording;

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    public void Print(int top)
    {
        var total = _samples.Values.Sum();
        Console.WriteLine($"  allocation samples by type ({total} samples):");
        foreach (var (type, count) in _samples.OrderByDescending(pair => pair.Value).Take(top))
        {
            Console.WriteLine($"  {count * 100.0 / total,5:0.0}%  {type}");
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (_recording && data.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && data.PayloadNames is { } names)
        {
            var type = data.Payload![names.IndexOf("TypeName")] as string ?? "?";
            _samples.AddOrUpdate(type, 1, (_, count) => count + 1);
        }
    }
}
