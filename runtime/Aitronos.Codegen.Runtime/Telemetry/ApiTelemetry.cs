using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// The names under which every generated client reports traces and metrics, for OpenTelemetry's
/// <c>AddSource(ApiTelemetry.ActivitySourceName)</c> and <c>AddMeter(ApiTelemetry.MeterName)</c>.
/// </summary>
/// <remarks>
/// <para>
/// Each call of an operation is one <see cref="Activity"/> of kind <see cref="ActivityKind.Client"/>, named
/// <c>{method} {url.template}</c> when the operation's path template is known, else <c>{method}</c>, with the attributes of
/// OpenTelemetry's HTTP client conventions (<c>http.request.method</c>, <c>server.address</c>, <c>server.port</c>,
/// <c>url.full</c> with credentials redacted, <c>url.template</c>, <c>http.response.status_code</c>, <c>error.type</c>,
/// <c>http.request.resend_count</c> when the call was retried). It spans the whole call: every attempt, the waits between
/// them and reading the body. Each attempt that failed and was retried is an event on it (<c>aitronos.codegen.retry</c>);
/// the attempts' own HTTP requests are the child spans that <see cref="System.Net.Http.HttpClient"/>'s instrumentation
/// reports, when it is enabled.
/// </para>
/// <para>
/// The meter records <c>http.client.request.duration</c> (a histogram, in seconds) once per call, with the span's
/// low-cardinality attributes (method, server address and port, scheme, template, status code, error type). It measures
/// what the caller waited for, retries included; <c>System.Net.Http</c>'s meter, under its own name, measures each attempt.
/// </para>
/// <para>Nothing is measured, and nothing allocated for it, while no listener is subscribed.</para>
/// </remarks>
public static class ApiTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> that reports one span per call.</summary>
    public const string ActivitySourceName = "Aitronos.Codegen.Runtime";

    /// <summary>The name of the <see cref="Meter"/> that records <c>http.client.request.duration</c>.</summary>
    public const string MeterName = "Aitronos.Codegen.Runtime";

    private static readonly string? s_version = typeof(ApiTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    internal static readonly ActivitySource Source = new(ActivitySourceName, s_version);

    internal static readonly Meter Meter = new(MeterName, s_version);

    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "http.client.request.duration", "s", "Duration of HTTP client requests: one call of an operation, all attempts included.");
}
