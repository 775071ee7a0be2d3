using System;
using System.Collections.Generic;
using System.Text;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Builds an operation's escaped path and query, such as <c>/organizations/org%2F1/jobs?limit=5&amp;tag=a&amp;tag=b</c>,
/// for <see cref="ApiTransport.CreateRequest(System.Net.Http.HttpMethod, string)"/>.
/// </summary>
public sealed partial class RequestPath
{
    private const int InitialCapacity = 96;

    private readonly StringBuilder _text;
    private bool _hasQuery;

    /// <summary>Starts a path with a literal part of the path template.</summary>
    /// <param name="literal">The start of the path, such as <c>/organizations/</c>; appended as is.</param>
    public RequestPath(string literal)
    {
        // Room for a typical whole path at once: growing from the literal's length would add a chunk per segment.
        _text = new StringBuilder(literal ?? throw new ArgumentNullException(nameof(literal)), Math.Max(InitialCapacity, literal.Length * 2));
        _hasQuery = literal.IndexOf('?') >= 0;
    }

    /// <summary>Appends a literal part of the path template as is.</summary>
    /// <param name="text">The text, already valid in a URI.</param>
    /// <returns>This instance.</returns>
    public RequestPath Literal(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        _text.Append(text);
        _hasQuery |= text.IndexOf('?') >= 0;
        return this;
    }

    /// <summary>
    /// Appends a path parameter's value, escaped so that it stays one segment (<c>/</c> becomes <c>%2F</c>).
    /// </summary>
    /// <param name="value">The value, formatted with <see cref="ParameterFormatter"/>.</param>
    /// <returns>This instance.</returns>
    /// <exception cref="ArgumentException">
    /// The value is empty, <c>.</c> or <c>..</c>: URIs drop or collapse such segments, so the request would reach
    /// another endpoint.
    /// </exception>
    /// <exception cref="InvalidOperationException">A query parameter was already added.</exception>
    public RequestPath Segment(string value) => Segment(value, nameof(value));

    /// <summary>Appends a path parameter's value, naming the parameter when it is missing or unusable.</summary>
    /// <param name="value">The value, formatted with <see cref="ParameterFormatter"/>.</param>
    /// <param name="parameterName">The operation's parameter, for the exception.</param>
    /// <returns>This instance.</returns>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The value is empty, <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="InvalidOperationException">A query parameter was already added.</exception>
    public RequestPath Segment(string value, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (value.Length == 0 || value == "." || value == "..")
        {
            throw new ArgumentException($"A path parameter cannot be \"{value}\": the request would reach another endpoint.", parameterName);
        }

        if (_hasQuery)
        {
            throw new InvalidOperationException("Path segments must come before query parameters.");
        }

        _text.Append(Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Appends a query parameter; skipped when the value is <see langword="null"/>.</summary>
    /// <param name="name">The parameter name; escaped.</param>
    /// <param name="value">The value, formatted with <see cref="ParameterFormatter"/>; escaped.</param>
    /// <returns>This instance.</returns>
    public RequestPath Query(string name, string? value)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (value is not null)
        {
            AppendQuery(name, value);
        }

        return this;
    }

    /// <summary>
    /// Appends an array query parameter in OpenAPI's default style (<c>form</c>, <c>explode: true</c>):
    /// <c>name=a&amp;name=b</c>. Skipped when the values are <see langword="null"/>; <see langword="null"/> items are skipped.
    /// </summary>
    /// <param name="name">The parameter name; escaped.</param>
    /// <param name="values">The values, each formatted with <see cref="ParameterFormatter"/>; escaped.</param>
    /// <returns>This instance.</returns>
    public RequestPath Query(string name, IEnumerable<string>? values)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (values is not null)
        {
            foreach (var value in values)
            {
                if (value is not null)
                {
                    AppendQuery(name, value);
                }
            }
        }

        return this;
    }

    /// <summary>Returns the path and query built so far.</summary>
    /// <returns>The escaped path and query.</returns>
    public override string ToString() => _text.ToString();

    private void AppendQuery(string name, string value)
    {
        _text.Append(_hasQuery ? '&' : '?')
            .Append(Uri.EscapeDataString(name))
            .Append('=')
            .Append(Uri.EscapeDataString(value));
        _hasQuery = true;
    }
}
