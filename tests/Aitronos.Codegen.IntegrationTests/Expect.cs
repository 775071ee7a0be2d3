using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Sdk;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>
/// Assertions whose failure message starts with what was being checked, so that a failing test says what went
/// wrong (xunit 2's <c>Assert.Equal</c> takes no message).
/// </summary>
internal static class Expect
{
    public static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw FailException.ForFailure($"{what}: expected {Show(expected)}, but got {Show(actual)}.");
        }
    }

    public static void Sequence<T>(IEnumerable<T> expected, IEnumerable<T>? actual, string what)
    {
        var expectedItems = expected.ToArray();
        var actualItems = actual?.ToArray();
        if (actualItems is null || !expectedItems.SequenceEqual(actualItems))
        {
            throw FailException.ForFailure(
                $"{what}: expected [{string.Join(", ", expectedItems.Select(item => Show(item)))}], but got "
                + (actualItems is null ? "null" : $"[{string.Join(", ", actualItems.Select(item => Show(item)))}]") + ".");
        }
    }

    public static void Null(object? actual, string what)
    {
        if (actual is not null)
        {
            throw FailException.ForFailure($"{what}: expected nothing, but got {Show(actual)}.");
        }
    }

    public static T NotNull<T>(T? actual, string what)
        where T : class
        => actual ?? throw FailException.ForFailure($"{what}: expected a value, but got null.");

    public static T NotNull<T>(T? actual, string what)
        where T : struct
        => actual ?? throw FailException.ForFailure($"{what}: expected a value, but got null.");

    public static void True(bool condition, string whatWentWrong)
    {
        if (!condition)
        {
            throw FailException.ForFailure(whatWentWrong);
        }
    }

    public static void Contains(string expectedPart, string? actual, string what)
    {
        if (actual is null || !actual.Contains(expectedPart, StringComparison.Ordinal))
        {
            throw FailException.ForFailure($"{what}: expected text containing {Show(expectedPart)}, but got {Show(actual)}.");
        }
    }

    public static void DoesNotContain(string forbiddenPart, string? actual, string what)
    {
        if (actual is not null && actual.Contains(forbiddenPart, StringComparison.Ordinal))
        {
            throw FailException.ForFailure($"{what}: must not contain {Show(forbiddenPart)}, but got {Show(actual)}.");
        }
    }

    /// <summary>Runs <paramref name="call"/> and returns the exception it throws, which must be exactly <typeparamref name="TException"/>.</summary>
    public static async Task<TException> ThrowsAsync<TException>(Func<Task> call, string what)
        where TException : Exception
    {
        try
        {
            await call();
        }
        catch (Exception exception) when (exception.GetType() == typeof(TException))
        {
            return (TException)exception;
        }
        catch (Exception exception)
        {
            throw FailException.ForFailure(
                $"{what}: expected {typeof(TException).Name}, but got {exception.GetType().Name}: {exception.Message}");
        }

        throw FailException.ForFailure($"{what}: expected {typeof(TException).Name}, but the call completed without one.");
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        _ => value.ToString() ?? "null",
    };
}
