using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Aitronos.Codegen.Runtime;
using Microsoft.Extensions.Logging;

namespace Aitronos.Codegen.Testing;

/// <summary>
/// Listens to the runtime's spans and duration measurements. Listeners are process-wide and tests run in parallel, so
/// everything is kept only for the one loopback server (its port) the test owns.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly int _port;
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public TelemetryCapture(int port)
    {
        _port = port;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ApiTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("server.port") is int port && port == _port)
                {
                    _spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ApiTelemetry.MeterName && instrument.Name == "http.client.request.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var copied = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copied[tag.Key] = tag.Value;
            }

            if (copied.TryGetValue("server.port", out var port) && port is int p && p == _port)
            {
                _measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, value, copied));
            }
        });
        _meters.Start();
    }

    public IReadOnlyList<Activity> Spans => _spans.ToArray();

    public IReadOnlyList<Measurement> Measurements => _measurements.ToArray();

    public Activity SingleSpan()
    {
        var spans = Spans;
        Xunit.Assert.True(spans.Count == 1, $"expected one span for the call, got {spans.Count}: {string.Join(", ", spans.Select(s => s.DisplayName))}");
        return spans[0];
    }

    public Measurement SingleMeasurement()
    {
        var measurements = Measurements;
        Xunit.Assert.True(measurements.Count == 1, $"expected one duration measurement for the call, got {measurements.Count}");
        return measurements[0];
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    public sealed record Measurement(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags);
}

/// <summary>A logger factory that keeps every line, formatted and as its structured values, from a minimum level up.</summary>
internal sealed class CapturingLoggerFactory(LogLevel minimum = LogLevel.Trace) : ILoggerFactory
{
    private readonly ConcurrentQueue<LogLine> _lines = new();
    private readonly LogLevel _minimum = minimum;

    public IReadOnlyList<LogLine> Lines => _lines.ToArray();

    /// <summary>Every line, its message and each structured value, as one text to search for secrets.</summary>
    public string AllText => string.Join("\n", Lines.Select(line => line.Category + " " + line.Level + " " + line.Message + " | "
        + string.Join(", ", line.Values.Select(value => value.Key + "=" + value.Value)) + (line.Exception is null ? string.Empty : " | " + line.Exception)));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    public sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception);

    private sealed class Logger(CapturingLoggerFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= factory._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, object?>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var pair in pairs)
                {
                    values[pair.Key] = pair.Value;
                }
            }

            factory._lines.Enqueue(new LogLine(category, logLevel, eventId, formatter(state, exception), values, exception));
        }
    }
}
