using System;
using System.Diagnostics;
using System.Net.Http;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>
/// Listeners are process-wide, so these tests run alone, after the parallel ones have disposed theirs: only then does
/// "nobody listens" hold.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryGateCollection
{
    public const string Name = "Telemetry gate (no other listeners)";
}

/// <summary>A call that nobody observes creates no telemetry object at all; any one kind of listener turns it on.</summary>
[Collection(TelemetryGateCollection.Name)]
public sealed class TelemetryGateTests
{
    [Fact]
    public void Without_a_listener_a_meter_listener_or_an_enabled_logger_a_call_reports_nothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:1/v1/items");

        Assert.False(ApiTelemetry.Source.HasListeners(), "another test left an ActivityListener subscribed");
        Assert.False(ApiTelemetry.RequestDuration.Enabled, "another test left a MeterListener subscribed");
        Assert.Null(Start(request, logger: null));
        Assert.Null(Start(request, new CapturingLoggerFactory(LogLevel.Error).CreateLogger("x")));
    }

    [Fact]
    public void Any_one_listener_or_an_enabled_logger_turns_reporting_on()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:1/v1/items");

        var logged = Start(request, new CapturingLoggerFactory(LogLevel.Warning).CreateLogger("x"));
        Assert.NotNull(logged);
        logged.Succeeded();
        using (new TelemetryCapture(port: 1))
        {
            var traced = Start(request, logger: null);
            Assert.NotNull(traced);
            Assert.NotNull(traced.Activity);
            // Ends the span, which would otherwise stay Activity.Current for whatever runs next on this context.
            traced.Succeeded();
        }

        Assert.Null(Start(request, logger: null));
    }

    private static CallTelemetry? Start(HttpRequestMessage request, ILogger? logger)
        => CallTelemetry.Start(TestApi.Name, logger, RetryClock.System, request, null, null, SecretRedactor.None);
}
