using System;
using System.Text.Json.Serialization.Metadata;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// The result of an operation whose successful responses carry bodies of different types by status (a 200 with the
/// finished job, a 202 with a ticket): the status code, and the body read as the type that status declares.
/// </summary>
/// <typeparam name="T1">The body of the first declared 2xx status (and of any 2xx the operation does not give to <typeparamref name="T2"/>).</typeparam>
/// <typeparam name="T2">The body of the other statuses (the generated method's documentation lists them).</typeparam>
/// <remarks>
/// <code>
/// var result = await client.Jobs.StartJobAsync(cancellationToken);
/// switch (result.Value)
/// {
///     case JobDone done: Console.WriteLine(done.Result); break;
///     case JobQueued queued: Console.WriteLine($"{result.StatusCode}: ask again for {queued.Ticket}"); break;
/// }
/// </code>
/// <see cref="Match{TResult}"/> and <see cref="Switch"/> take one function per type, and the compiler checks that both
/// are given; <see cref="TryGetFirst"/> and <see cref="TryGetSecond"/> ask for one. Response headers are on the
/// <see cref="ApiResponse"/> that <see cref="ApiResponse.CaptureAsync{T}"/> returns beside the result.
/// </remarks>
public sealed class ApiResult<T1, T2>
{
    private readonly T1 _first;
    private readonly T2 _second;

    /// <summary>A result whose status gave the first type.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="first">The body.</param>
    public ApiResult(int statusCode, T1 first)
    {
        StatusCode = statusCode;
        IsFirst = true;
        _first = first;
        _second = default!;
    }

    /// <summary>A result whose status gave the second type.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="second">The body.</param>
    public ApiResult(int statusCode, T2 second)
    {
        StatusCode = statusCode;
        _first = default!;
        _second = second;
    }

    /// <summary>The HTTP status code the body came with.</summary>
    public int StatusCode { get; }

    /// <summary>Whether the body is a <typeparamref name="T1"/>.</summary>
    public bool IsFirst { get; }

    /// <summary>Whether the body is a <typeparamref name="T2"/>.</summary>
    public bool IsSecond => !IsFirst;

    /// <summary>The body, of either type, for pattern matching.</summary>
    public object? Value => IsFirst ? _first : _second;

    /// <summary>Gets the body if it is a <typeparamref name="T1"/>.</summary>
    /// <param name="value">The body, or the default when the status gave the other type.</param>
    /// <returns>Whether the body is a <typeparamref name="T1"/>.</returns>
    public bool TryGetFirst(out T1 value)
    {
        value = _first;
        return IsFirst;
    }

    /// <summary>Gets the body if it is a <typeparamref name="T2"/>.</summary>
    /// <param name="value">The body, or the default when the status gave the other type.</param>
    /// <returns>Whether the body is a <typeparamref name="T2"/>.</returns>
    public bool TryGetSecond(out T2 value)
    {
        value = _second;
        return !IsFirst;
    }

    /// <summary>Maps the body, whichever type it is, to one result.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="first">For a <typeparamref name="T1"/>.</param>
    /// <param name="second">For a <typeparamref name="T2"/>.</param>
    /// <returns>What the function for the body's type returned.</returns>
    public TResult Match<TResult>(Func<T1, TResult> first, Func<T2, TResult> second)
    {
        if (first is null)
        {
            throw new ArgumentNullException(nameof(first));
        }

        if (second is null)
        {
            throw new ArgumentNullException(nameof(second));
        }

        return IsFirst ? first(_first) : second(_second);
    }

    /// <summary>Runs the action for the body's type.</summary>
    /// <param name="first">For a <typeparamref name="T1"/>.</param>
    /// <param name="second">For a <typeparamref name="T2"/>.</param>
    public void Switch(Action<T1> first, Action<T2> second)
    {
        if (first is null)
        {
            throw new ArgumentNullException(nameof(first));
        }

        if (second is null)
        {
            throw new ArgumentNullException(nameof(second));
        }

        if (IsFirst)
        {
            first(_first);
        }
        else
        {
            second(_second);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + (Value?.ToString() ?? "null");
}
