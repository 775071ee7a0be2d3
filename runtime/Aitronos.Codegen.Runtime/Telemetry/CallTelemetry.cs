using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// What one call reports while something listens: its span (<see cref="ApiTelemetry.Source"/>), its duration
/// (<see cref="ApiTelemetry.RequestDuration"/>) and its log lines (<see cref="TransportLog"/>). <see cref="Start"/> returns
/// <see langword="null"/> when nothing listens, so that a call nobody observes pays one check per kind of listener.
/// </summary>
internal sealed class CallTelemetry
{
    private static readonly string[] s_knownMethods = { "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH" };

    private readonly string _client;
    private readonly ILogger? _logger;
    private readonly Activity? _activity;
    private readonly bool _measure;
    private readonly RetryClock _clock;
    private readonly long _started;
    private readonly string _method;
    private readonly string _methodOriginal;
    private readonly string? _template;
    private readonly Uri? _uri;
    private readonly IReadOnlyList<string>? _apiKeyParameters;
    private string _url;
    private int? _statusCode;
    private string? _protocolVersion;
    private int _attempts = 1;

    private CallTelemetry(string client, ILogger? logger, bool measure, RetryClock clock, HttpRequestMessage request, Uri? uri, string? template, IReadOnlyList<string>? apiKeyParameters, SecretRedactor redactor)
    {
        (_client, _logger, _measure, _clock, _template, _uri, _apiKeyParameters) = (client, logger, measure, clock, template, uri, apiKeyParameters);
        _started = clock.GetTimestamp();
        _methodOriginal = request.Method.Method;
        _method = Array.IndexOf(s_knownMethods, _methodOriginal) >= 0 ? _methodOriginal : "_OTHER";
        _url = uri is null ? "(no URI)" : TelemetryUrl.Redact(uri, apiKeyParameters, redactor);
        if (ApiTelemetry.Source.HasListeners())
        {
            _activity = ApiTelemetry.Source.StartActivity(template is null ? _method : _method + " " + template, ActivityKind.Client);
            if (_activity is { IsAllDataRequested: true } activity)
            {
                activity.SetTag("http.request.method", _method);
                if (!ReferenceEquals(_method, _methodOriginal))
                {
                    activity.SetTag("http.request.method_original", _methodOriginal);
                }

                if (uri is { IsAbsoluteUri: true })
                {
                    activity.SetTag("server.address", uri.Host);
                    activity.SetTag("server.port", uri.Port);
                    activity.SetTag("url.scheme", uri.Scheme);
                }

                activity.SetTag("url.full", _url);
                if (template is not null)
                {
                    activity.SetTag("url.template", template);
                }
            }
        }
    }

    /// <summary>Starts reporting a call, or returns <see langword="null"/> when no listener, meter listener or enabled logger would see it.</summary>
    /// <param name="client">The client's name.</param>
    /// <param name="logger">The transport's logger, if it has one.</param>
    /// <param name="clock">The clock durations are measured with.</param>
    /// <param name="request">The caller's request, before credentials are added.</param>
    /// <param name="baseAddress">Resolves a relative request URI, as <see cref="HttpClient"/> would.</param>
    /// <param name="apiKeyParameters">The query parameters that carry API keys.</param>
    /// <param name="redactor">The credentials known before the call.</param>
    public static CallTelemetry? Start(string client, ILogger? logger, RetryClock clock, HttpRequestMessage request, Uri? baseAddress, IReadOnlyList<string>? apiKeyParameters, SecretRedactor redactor)
    {
        var measure = ApiTelemetry.RequestDuration.Enabled;
        var log = logger is not null && logger.IsEnabled(LogLevel.Warning);
        if (!measure && !log && !ApiTelemetry.Source.HasListeners())
        {
            return null;
        }

        var uri = request.RequestUri;
        if (uri is { IsAbsoluteUri: false } && baseAddress is not null)
        {
            uri = new Uri(baseAddress, uri);
        }

        return new CallTelemetry(client, log ? logger : null, measure, clock, request, uri, UrlTemplate.Of(request), apiKeyParameters, redactor);
    }

    /// <summary>The call's span, if one is recorded.</summary>
    public Activity? Activity => _activity;

    /// <summary>A request of attempt <paramref name="attempt"/> (or a redirect within it) is about to be sent; returns the time it starts.</summary>
    public long Sending(HttpRequestMessage request, int attempt, SecretRedactor redactor)
    {
        _attempts = attempt;
        if (_logger is not null && _logger.IsEnabled(LogLevel.Debug))
        {
            TransportLog.Sending(_logger, _client, request.Method.Method, UrlOf(request, redactor), attempt);
        }

        return _clock.GetTimestamp();
    }

    /// <summary>The response headers of a request sent at <paramref name="sentAt"/> arrived.</summary>
    public void Received(HttpRequestMessage request, HttpResponseMessage response, int attempt, long sentAt, SecretRedactor redactor)
    {
        _statusCode = (int)response.StatusCode;
        _protocolVersion = ProtocolVersion(response.Version);
        if (_logger is not null && _logger.IsEnabled(LogLevel.Information))
        {
            var requestId = response.Headers.TryGetValues("x-request-id", out var values) ? string.Join(",", values) : null;
            TransportLog.Received(_logger, _client, _statusCode.Value, request.Method.Method, UrlOf(request, redactor), Milliseconds(sentAt), attempt, redactor.Redact(requestId));
        }
    }

    /// <summary>An attempt got no response (connection failure, timeout).</summary>
    public void NoResponse(HttpRequestMessage request, ApiException failure, int attempt, long sentAt, SecretRedactor redactor)
    {
        _statusCode = null;
        if (_logger is not null)
        {
            TransportLog.NoResponse(_logger, _client, request.Method.Method, UrlOf(request, redactor), Milliseconds(sentAt), attempt, ErrorType(failure), redactor.Redact(failure.Message)!);
        }
    }

    /// <summary>Attempt <paramref name="attempt"/> failed and the next starts after <paramref name="delay"/>.</summary>
    public void Retrying(ApiException failure, int attempt, TimeSpan delay)
    {
        var errorType = ErrorType(failure);
        if (_activity is { IsAllDataRequested: true } activity)
        {
            var tags = new ActivityTagsCollection
            {
                ["aitronos.codegen.attempt"] = attempt,
                ["error.type"] = errorType,
                ["aitronos.codegen.retry.delay"] = delay.TotalSeconds,
            };
            if (failure.StatusCode is { } status)
            {
                tags["http.response.status_code"] = status;
            }

            activity.AddEvent(new ActivityEvent("aitronos.codegen.retry", tags: tags));
        }

        if (_logger is not null && _logger.IsEnabled(LogLevel.Information))
        {
            TransportLog.Retrying(_logger, _client, _methodOriginal, _url, delay.TotalMilliseconds, attempt, errorType);
        }
    }

    /// <summary>The call returned its result.</summary>
    public void Succeeded() => Stop(null, null);

    /// <summary>The call ended with <paramref name="exception"/>.</summary>
    public void Failed(Exception exception, SecretRedactor redactor)
    {
        var errorType = ErrorType(exception);
        if (exception is ApiException { StatusCode: { } status })
        {
            _statusCode = status;
        }

        if (_logger is not null && exception is not OperationCanceledException)
        {
            TransportLog.Failed(_logger, _client, _methodOriginal, _url, _attempts, Milliseconds(_started), errorType);
        }

        Stop(errorType, redactor.Redact(exception.Message));
    }

    private void Stop(string? errorType, string? description)
    {
        if (_activity is { } activity)
        {
            if (activity.IsAllDataRequested)
            {
                if (_statusCode is { } status)
                {
                    activity.SetTag("http.response.status_code", status);
                }

                if (_protocolVersion is not null)
                {
                    activity.SetTag("network.protocol.version", _protocolVersion);
                }

                if (_attempts > 1)
                {
                    activity.SetTag("http.request.resend_count", _attempts - 1);
                }

                if (errorType is not null)
                {
                    activity.SetTag("error.type", errorType);
                    activity.SetStatus(ActivityStatusCode.Error, description);
                }
            }

            activity.Dispose();
        }

        if (_measure)
        {
            var tags = new TagList
            {
                { "http.request.method", _method },
            };
            if (_uri is { IsAbsoluteUri: true } uri)
            {
                tags.Add("server.address", uri.Host);
                tags.Add("server.port", uri.Port);
                tags.Add("url.scheme", uri.Scheme);
            }

            if (_template is not null)
            {
                tags.Add("url.template", _template);
            }

            if (_statusCode is { } status)
            {
                tags.Add("http.response.status_code", status);
            }

            if (_protocolVersion is not null)
            {
                tags.Add("network.protocol.version", _protocolVersion);
            }

            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
            }

            ApiTelemetry.RequestDuration.Record(_clock.GetElapsedTime(_started).TotalSeconds, tags);
        }
    }

    /// <summary>
    /// OpenTelemetry's <c>error.type</c>: the status code of an error response, otherwise the exception's full type name
    /// (<c>Aitronos.Codegen.Runtime.ApiTimeoutException</c>, <c>Aitronos.Codegen.Runtime.ApiConnectionException</c>, ...).
    /// </summary>
    private static string ErrorType(Exception exception)
        => exception is ApiException { StatusCode: { } status } && status >= 400
            ? status.ToString(CultureInfo.InvariantCulture)
            : exception.GetType().FullName!;

    private string UrlOf(HttpRequestMessage request, SecretRedactor redactor)
        => request.RequestUri is null ? "(no URI)"
            : ReferenceEquals(request.RequestUri, _uri) ? _url
            : TelemetryUrl.Redact(request.RequestUri, _apiKeyParameters, redactor);

    private double Milliseconds(long since) => Math.Round(_clock.GetElapsedTime(since).TotalMilliseconds, 1);

    private static string ProtocolVersion(Version version)
        => version.Major switch
        {
            1 => version.Minor == 0 ? "1.0" : "1.1",
            2 => "2",
            3 => "3",
            _ => version.ToString(),
        };
}
