using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Aitronos.Codegen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Aitronos.Codegen.ContractTests;

/// <summary>Runs a spec against Prism and checks every operation against the spec's exclusions.</summary>
public static class ContractAssert
{
    public static Task<ContractReport> BundledAsync(ITestOutputHelper output, IReadOnlyDictionary<string, Exclusion> exclusions) =>
        CheckAsync(output, "aitronos.openapi.yaml", GeneratorHarness.BundledSpec(), Path.Combine(GeneratorHarness.TestSpecsDirectory, "aitronos.openapi.yaml"), exclusions);

    public static Task<ContractReport> CorpusAsync(ITestOutputHelper output, string spec, IReadOnlyDictionary<string, Exclusion> exclusions)
    {
        Skip.If(Corpus.Directory is null, Corpus.MissingMessage);
        return CheckAsync(output, spec, Corpus.Load(spec), Path.Combine(Corpus.Directory!, spec), exclusions);
    }

    private static Task<ContractReport> CheckAsync(ITestOutputHelper output, string name, SpecFile file, string onDisk, IReadOnlyDictionary<string, Exclusion> exclusions)
    {
        Skip.If(PrismServer.Executable is null, PrismServer.MissingMessage);
        return CheckAsync(output, name, file, () => PrismServer.Start(onDisk), exclusions);
    }

    /// <summary>Runs a spec against the servers <paramref name="startServer"/> starts (Prism, or a fake that needs no judge but the client).</summary>
    public static async Task<ContractReport> CheckAsync(ITestOutputHelper output, string name, SpecFile file, Func<IContractServer> startServer, IReadOnlyDictionary<string, Exclusion> exclusions)
    {
        ContractReport report = await ContractRun.RunAsync(file, startServer);
        var problems = new StringBuilder();

        foreach (string operation in report.SpecOperations.Where(o => report.Outcomes.All(r => r.Operation != o)))
        {
            problems.AppendLine($"{operation}: no generated method calls this operation of the spec");
        }

        foreach (string stale in exclusions.Keys.Where(k => report.Outcomes.All(o => o.Operation != k)))
        {
            problems.AppendLine($"{stale}: excluded, but no generated method calls it (remove the exclusion)");
        }

        int accepted = 0, excluded = 0;
        foreach (OperationOutcome outcome in report.Outcomes)
        {
            if (exclusions.TryGetValue(outcome.Operation, out Exclusion? exclusion))
            {
                excluded++;
                if (outcome.Accepted)
                {
                    problems.AppendLine($"{outcome.Operation} ({outcome.Method}): accepted now, remove its exclusion ({exclusion.Reason})");
                }
                else if (exclusion.Check(outcome) is { } difference)
                {
                    problems.AppendLine($"{outcome}\n    excluded as: {exclusion.Reason}\n    but: {difference}");
                }
            }
            else if (outcome.Accepted)
            {
                accepted++;
            }
            else
            {
                problems.AppendLine(outcome.ToString());
            }
        }

        output.WriteLine($"{name}: {report.SpecOperations.Count} operations, {report.Outcomes.Count} methods called, {accepted} accepted, {excluded} excluded; generation {report.Generation.TotalSeconds:F1} s, calls {report.Calls.TotalSeconds:F1} s");
        foreach (var group in exclusions.GroupBy(e => e.Value.GetType().Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Key}: {string.Join(", ", group.Select(e => e.Key))}");
        }

        Assert.True(problems.Length == 0, $"{name}: operations the server (Prism) did not accept or the client did not read:\n{problems}");
        return report;
    }
}
