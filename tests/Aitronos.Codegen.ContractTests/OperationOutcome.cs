using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace Aitronos.Codegen.ContractTests;

/// <summary>Every operation of a spec, and what happened to each generated method called against Prism.</summary>
/// <param name="SpecOperations">The spec's operations (<c>GET /pets</c>), read from the document itself.</param>
public sealed record ContractReport(IReadOnlyList<string> SpecOperations, IReadOnlyList<OperationOutcome> Outcomes, TimeSpan Generation, TimeSpan Calls);

/// <summary>What happened to one generated method called against Prism.</summary>
/// <param name="Operation">The spec's operation (<c>GET /pets/{id}</c>), as the method's documentation names it.</param>
/// <param name="Exchanges">What went over the wire.</param>
/// <param name="Error">What the call threw (the client's exception, or why no valid call could be made), or null.</param>
public sealed record OperationOutcome(string Method, string Operation, IReadOnlyList<Exchange> Exchanges, string? Error)
{
    /// <summary>
    /// Some argument had to satisfy a <c>oneOf</c> whose branches overlap (see <see cref="SampleValues.For(IOpenApiSchema, out bool)"/>):
    /// no valid value exists for it.
    /// </summary>
    public bool AmbiguousOneOf { get; init; }

    /// <summary>Prism's process died while handling this call.</summary>
    public bool PrismCrashed => PrismLastWords is not null;

    /// <summary>When Prism died: what it printed after it received this request (its stack trace), else null.</summary>
    public string? PrismLastWords { get; init; }

    /// <summary>
    /// Prism took the request (no violation located in it) but could not answer it: a 500 whose violations are all in the
    /// response it made up itself from the spec's examples, or no response defined in the spec.
    /// </summary>
    public bool RequestAcceptedResponseBroken => Error is not null && Exchanges.Count == 1 && Exchanges[0].Status == 500
        && PathMatches(Operation, Exchanges[0])
        && (Exchanges[0].Violations is { } v ? !v.Contains("\"request\"", StringComparison.Ordinal) && v.Contains("\"response\"", StringComparison.Ordinal) : Exchanges[0].Body?.Contains("No response defined", StringComparison.Ordinal) == true);

    /// <summary>One request sent, to this operation's path, answered 2xx with no violation, and its response read.</summary>
    public bool Accepted => Error is null && Exchanges.Count == 1 && Exchanges[0] is { Status: >= 200 and < 300, Violations: null }
        && PathMatches(Operation, Exchanges[0]);

    public override string ToString()
    {
        var text = new StringBuilder(Operation + " (" + Method + ")");
        foreach (Exchange exchange in Exchanges)
        {
            text.Append($"\n    sent {exchange.Method} {exchange.PathAndQuery} -> {exchange.Status}");
            if (exchange.Request is not null)
            {
                text.Append("\n    request: " + exchange.Request.Replace("\r\n", "\\r\\n", StringComparison.Ordinal));
            }

            if (exchange.Violations is not null)
            {
                text.Append("\n    sl-violations: " + exchange.Violations);
            }

            if (exchange.Body is not null)
            {
                text.Append("\n    body: " + exchange.Body);
            }
        }

        if (Error is not null)
        {
            text.Append("\n    error: " + Error);
        }

        return text.ToString();
    }

    private static bool PathMatches(string operation, Exchange exchange)
    {
        int space = operation.IndexOf(' ');
        string template = operation.Substring(space + 1).Split('#')[0];
        string pattern = "^" + string.Concat(Regex.Split(template, @"(\{[^}]+\})").Select(p => p.StartsWith('{') ? "[^/]+" : Regex.Escape(p))) + "(\\?|$)";
        return exchange.Method == operation.Substring(0, space) && Regex.IsMatch(exchange.PathAndQuery, pattern);
    }
}
