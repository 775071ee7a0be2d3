using Microsoft.Extensions.Logging;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// The transport's log lines. URLs reach them redacted (<see cref="TelemetryUrl"/>), messages through the call's
/// <see cref="SecretRedactor"/>; no header value and no exception object (whose inner exceptions are not redacted) is logged.
/// </summary>
internal static partial class TransportLog
{
    /// <summary>The category: the transport's type, so that one filter covers every generated client.</summary>
    public const string Category = "Aitronos.Codegen.Runtime.ApiTransport";

    [LoggerMessage(1, LogLevel.Debug, "{Client} sending {Method} {Url}, attempt {Attempt}")]
    public static partial void Sending(ILogger logger, string client, string method, string url, int attempt);

    [LoggerMessage(2, LogLevel.Information, "{Client} received {StatusCode} for {Method} {Url} in {ElapsedMilliseconds} ms, attempt {Attempt}, request id {RequestId}")]
    public static partial void Received(ILogger logger, string client, int statusCode, string method, string url, double elapsedMilliseconds, int attempt, string? requestId);

    [LoggerMessage(3, LogLevel.Warning, "{Client} got no response for {Method} {Url} in {ElapsedMilliseconds} ms, attempt {Attempt}: {ErrorType}: {Error}")]
    public static partial void NoResponse(ILogger logger, string client, string method, string url, double elapsedMilliseconds, int attempt, string errorType, string error);

    [LoggerMessage(4, LogLevel.Information, "{Client} retrying {Method} {Url} in {DelayMilliseconds} ms after attempt {Attempt} failed ({ErrorType})")]
    public static partial void Retrying(ILogger logger, string client, string method, string url, double delayMilliseconds, int attempt, string errorType);

    [LoggerMessage(5, LogLevel.Warning, "{Client} {Method} {Url} failed after {Attempts} attempt(s) in {ElapsedMilliseconds} ms: {ErrorType}")]
    public static partial void Failed(ILogger logger, string client, string method, string url, int attempts, double elapsedMilliseconds, string errorType);
}
