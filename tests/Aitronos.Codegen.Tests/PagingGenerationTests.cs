using System.Collections.Generic;
using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// Paged list operations, recognised from the spec alone: each gets an <c>…AutoPagingAsync</c> method returning the
/// runtime's <c>ApiPageable</c>, and an ACG018 info located at the operation naming the pattern; look-alikes get neither.
/// </summary>
public sealed class PagingGenerationTests
{
    private static GeneratorRun Run() => GeneratorHarness.Run(new[] { GeneratorHarness.LoadTestSpec("paging.openapi.yaml") });

    [Fact]
    public void PagingSpec()
    {
        GeneratorRun run = Run();

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        IReadOnlyList<Diagnostic> problems = run.CompilationProblems;
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + GeneratorHarness.Format(problems.Take(30)));
        var files = run.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Snapshot.Verify(files, string.Join("\n", run.GeneratorDiagnostics.Select(d => d.ToString())), nameof(PagingGenerationTests));
    }

    [Theory]
    [InlineData("listJobs", "limit/offset, ending at an empty page", "ListJobsAutoPagingAsync")]
    [InlineData("listRuns", "limit/offset with 'Pagination.HasMore'", "ListRunsAutoPagingAsync")]
    [InlineData("listEvents", "limit/offset with 'TotalCount'", "ListEventsAutoPagingAsync")]
    [InlineData("listLogs", "a cursor ('cursor' from the response's 'NextCursor')", "ListLogsAutoPagingAsync")]
    [InlineData("listCustomers", "a cursor ('starting_after' from the last item's id, while has_more)", "ListCustomersAutoPagingAsync")]
    [InlineData("listPets", "a next link in the body ('Next')", "ListPetsAutoPagingAsync")]
    [InlineData("listRepos", "the Link header (rel=\"next\")", "ListReposAutoPagingAsync")]
    public void Each_pattern_is_recognised_and_reported_at_its_operation(string operationId, string pattern, string method)
    {
        GeneratorRun run = Run();
        string spec = GeneratorHarness.LoadTestSpec("paging.openapi.yaml").Text;

        Diagnostic reported = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ACG018" && d.GetMessage().Contains("'" + operationId + "'"));
        Assert.Equal(DiagnosticSeverity.Info, reported.Severity);
        Assert.Equal($"Operation '{operationId}' is paged by {pattern}: {method} enumerates every item, page after page", reported.GetMessage());

        // Located at the operation: the line of its method key, under its path.
        string[] lines = spec.Split('\n');
        int operationLine = System.Array.FindIndex(lines, l => l.Contains("operationId: " + operationId)) - 1;
        FileLinePositionSpan span = reported.Location.GetLineSpan();
        Assert.EndsWith("paging.openapi.yaml", span.Path);
        Assert.True(operationLine == span.StartLinePosition.Line, $"ACG018 for {operationId} is at line {span.StartLinePosition.Line + 1}, expected {operationLine + 1} ({lines[operationLine].Trim()})");
        Assert.Contains("> " + method + "(", run.Source("PagingClient.g.cs"));
    }

    [Theory]
    [InlineData("listLimited", "ListLimited")]
    [InlineData("listNumbered", "ListNumbered")]
    [InlineData("listTwo", "ListTwo")]
    [InlineData("search", "Search")]
    public void Look_alikes_without_a_way_to_the_next_page_get_no_pager(string operationId, string method)
    {
        GeneratorRun run = Run();

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "ACG018" && d.GetMessage().Contains("'" + operationId + "'"));
        string client = run.Source("PagingClient.g.cs");
        Assert.Contains(" " + method + "Async(", client);
        Assert.DoesNotContain(method + "AutoPagingAsync", client);
    }

    [Fact]
    public void The_pager_calls_the_operation_itself_with_static_accessors()
    {
        string client = Run().Source("PagingClient.g.cs").Replace("\r\n", "\n");

        Assert.Contains("ListJobsAutoPagingAsync(string? status = null, int? limit = null, int? offset = null, global::System.Threading.CancellationToken cancellationToken = default, AcgRuntime.ApiRequestOptions? requestOptions = null)\n\t\t=> AcgRuntime.ApiPaging.Offset((n_, o_, t_) => ListJobsAsync(status, limit, (int?)n_, t_, o_), offset, requestOptions, cancellationToken);", client);
        Assert.Contains("AcgRuntime.ApiPaging.Offset((n_, o_, t_) => ListRunsAsync(limit, n_, t_, o_), offset, static p => p.Runs, static p => p.Pagination?.HasMore, static p => p.Pagination?.Total,", client);
        Assert.Contains("AcgRuntime.ApiPaging.Cursor((n_, o_, t_) => ListCustomersAsync(limit, n_, t_, o_), startingAfter, static p => p.Data, static p => AcgRuntime.ApiPaging.LastOf(p.Data)?.Id, static p => p.HasMore,", client);
        Assert.Contains("AcgRuntime.ApiPaging.LinkHeader((o_, t_) => ListReposAsync(perPage, page, t_, o_), requestOptions,", client);
    }
}
