using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Linq;

namespace Aitronos.Codegen.CallBenchmarks;

/// <summary>
/// The runtime's randomized allocation samples (about one per 100 KB, with the type allocated), counted by type: where a call's
/// bytes go, statistically, without a profiler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, int> _samples = new();
    private const string SampledEvent = "AllocationSampled";

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
            // GC (0x1) for AllocationTick; AllocationSampling (0x80000000000, .NET 9+) for AllocationSampled, whose
            // randomized threshold does not favour the objects that happen to cross a fixed 100 KB boundary in a
            // call that allocates the same sequence every time.
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)(0x1 | 0x80000000000));
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (_recording && data.EventName?.StartsWith(SampledEvent, StringComparison.Ordinal) == true && data.PayloadNames is { } names)
        {
            var type = data.Payload![names.IndexOf("TypeName")] as string ?? "?";
            _samples.AddOrUpdate(type, 1, (_, count) => count + 1);
        }
    }
}
