using System;
using System.Collections.Generic;
using System.Threading;
using Aitronos.Codegen.Runtime;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>The arithmetic of waiting, without waiting: backoff and jitter bounds, <c>Retry-After</c> forms, the defaults.</summary>
public sealed class RetryDelayTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(8);

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 4)]
    [InlineData(5, 8)]
    [InlineData(6, 8)]
    [InlineData(60, 8)]
    [InlineData(100_000, 8)]
    public void Backoff_doubles_from_the_initial_delay_up_to_the_cap_and_jitter_only_takes_up_to_a_quarter_off(int retry, double baseSeconds)
    {
        var full = TimeSpan.FromSeconds(baseSeconds);
        foreach (var random in new[] { 0, 0.25, 0.5, 0.75, 0.999999 })
        {
            var delay = RetryBackoff.Delay(retry, Initial, Max, random);

            Assert.InRange(delay, full * 0.75, full);
        }

        Assert.Equal(full, RetryBackoff.Delay(retry, Initial, Max, 0));
        Assert.Equal(full * 0.875, RetryBackoff.Delay(retry, Initial, Max, 0.5));
    }

    [Fact]
    public void Backoff_never_retries_at_once_and_never_exceeds_the_cap_whatever_the_random_number()
    {
        var random = new Random(1234);
        for (var i = 0; i < 10_000; i++)
        {
            var retry = random.Next(1, 40);
            var delay = RetryBackoff.Delay(retry, Initial, Max, random.NextDouble());

            Assert.InRange(delay, TimeSpan.FromSeconds(0.375), Max);
        }
    }

    [Fact]
    public void Jitter_spreads_clients_that_failed_together()
    {
        var delays = new HashSet<TimeSpan>();
        var clock = RetryClock.System;
        for (var i = 0; i < 50; i++)
        {
            var jitter = clock.NextJitter();
            Assert.InRange(jitter, 0, 0.999999999);
            delays.Add(RetryBackoff.Delay(1, Initial, Max, jitter));
        }

        Assert.True(delays.Count > 10, $"only {delays.Count} distinct delays in 50 draws");
    }

    [Fact]
    public void Backoff_rejects_what_it_cannot_mean()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.Delay(0, Initial, Max, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.Delay(1, Initial, Max, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.Delay(1, Initial, Max, double.NaN));
    }

    [Theory]
    [InlineData("120", 120_000)]
    [InlineData(" 7 ", 7_000)]
    [InlineData("0", 0)]
    [InlineData("Wed, 21 Oct 2015 07:28:30 GMT", 30_000)]
    [InlineData("Wednesday, 21-Oct-15 07:28:45 GMT", 45_000)] // RFC 850, obsolete but still sent
    [InlineData("Wed, 21 Oct 2015 07:27:00 GMT", 0)] // already past: the server says "now"
    public void Retry_after_reads_seconds_and_http_dates(string value, double expectedMilliseconds)
    {
        var now = new DateTimeOffset(2015, 10, 21, 7, 28, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), RetryAfter.Parse(value, now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("12/01")]
    [InlineData("soon")]
    public void Retry_after_that_cannot_be_read_is_none(string? value)
        => Assert.Null(RetryAfter.Parse(value, DateTimeOffset.UtcNow));

    [Fact]
    public void Retry_after_too_large_for_any_clock_is_very_long_not_unreadable()
    {
        Assert.True(RetryAfter.Parse("99999999999999999999999", DateTimeOffset.UtcNow) > TimeSpan.FromDays(365));
        Assert.True(RetryAfter.Parse("410400", DateTimeOffset.UtcNow) == TimeSpan.FromHours(114));
    }

    [Fact]
    public void Http_date_is_measured_from_the_responses_date_header_not_the_local_clock()
    {
        var skewedLocalClock = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var headers = Headers(("Date", "Wed, 21 Oct 2015 07:28:00 GMT"), ("Retry-After", "Wed, 21 Oct 2015 07:28:20 GMT"));

        Assert.Equal(TimeSpan.FromSeconds(20), RetryAfter.From(headers, skewedLocalClock));
    }

    [Fact]
    public void Http_date_without_a_date_header_is_measured_from_the_clients_utc_clock()
    {
        // A client in UTC+2 at 09:28 local is at 07:28 UTC: the GMT date is 10 s ahead, not 2 hours behind.
        var now = new DateTimeOffset(2015, 10, 21, 9, 28, 0, TimeSpan.FromHours(2));
        var headers = Headers(("Retry-After", "Wed, 21 Oct 2015 07:28:10 GMT"));

        Assert.Equal(TimeSpan.FromSeconds(10), RetryAfter.From(headers, now));
    }

    [Theory]
    [InlineData("250", 250)]
    [InlineData("1.5", 1.5)]
    [InlineData("0", 0)]
    public void Retry_after_ms_reads_milliseconds_and_wins_over_retry_after(string value, double expectedMilliseconds)
    {
        var headers = Headers(("retry-after-ms", value), ("Retry-After", "30"));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), RetryAfter.From(headers, DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("soon")]
    [InlineData("NaN")]
    public void Unreadable_retry_after_ms_leaves_retry_after_to_decide(string value)
    {
        var headers = Headers(("retry-after-ms", value), ("Retry-After", "30"));

        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter.From(headers, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void Rate_limit_exception_reads_retry_after_ms_too()
    {
        var exception = ApiException.FromResponse(429, null, Headers(("retry-after-ms", "1500")), "{}");

        Assert.Equal(TimeSpan.FromMilliseconds(1500), Assert.IsType<RateLimitException>(exception).RetryAfter);
    }

    [Fact]
    public void Defaults_are_two_retries_half_a_second_doubling_to_eight_a_minute_of_retry_after_and_no_call_limit()
    {
        var options = new ApiClientOptions();

        Assert.Equal(2, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(0.5), options.InitialRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(8), options.MaxRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(100), options.Timeout);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.CallTimeout);
        Assert.Contains("Timeout = 00:01:40, CallTimeout = infinite, MaxRetries = 2, ", options.ToString());
    }

    [Fact]
    public void Retry_settings_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApiClientOptions { MaxRetries = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApiClientOptions { InitialRetryDelay = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApiClientOptions { MaxRetryDelay = TimeSpan.FromSeconds(-1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApiClientOptions { MaxRetryAfter = TimeSpan.FromSeconds(-1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApiClientOptions { CallTimeout = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApiRequestOptions { MaxRetries = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApiRequestOptions { Timeout = TimeSpan.FromSeconds(-2) });
        Assert.Throws<ArgumentException>(() => new ApiRequestOptions { IdempotencyKey = "" });
        Assert.Throws<ArgumentException>(() => new ApiRequestOptions { IdempotencyKey = "a\r\nX-Injected: 1" });
        Assert.Equal(TimeSpan.Zero, new ApiClientOptions { MaxRetryAfter = TimeSpan.Zero }.MaxRetryAfter);
        Assert.Equal(Timeout.InfiniteTimeSpan, new ApiClientOptions { MaxRetryAfter = Timeout.InfiniteTimeSpan }.MaxRetryAfter);
    }

    [Fact]
    public void Scopes_nest_and_restore_and_never_show_the_key()
    {
        Assert.Null(ApiRequestOptions.Current);
        using (ApiRequestOptions.BeginScope(new ApiRequestOptions { MaxRetries = 5, IdempotencyKey = "op_secret" }))
        {
            using (ApiRequestOptions.BeginScope(new ApiRequestOptions { Timeout = TimeSpan.FromSeconds(3) }))
            {
                var current = ApiRequestOptions.Current!;
                Assert.Equal(5, current.MaxRetries);
                Assert.Equal(TimeSpan.FromSeconds(3), current.Timeout);
                Assert.Equal("op_secret", current.IdempotencyKey);
                Assert.Equal("ApiRequestOptions { MaxRetries = 5, Timeout = 00:00:03, IdempotencyKey = (set) }", current.ToString());
            }

            Assert.Null(ApiRequestOptions.Current!.Timeout);
        }

        Assert.Null(ApiRequestOptions.Current);
        Assert.Equal("ApiRequestOptions {}", new ApiRequestOptions().ToString());
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Headers(params (string Name, string Value)[] headers)
    {
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            map[name] = new[] { value };
        }

        return map;
    }
}
