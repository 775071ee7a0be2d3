using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit.Sdk;

namespace Aitronos.Codegen.Tests.Infrastructure;

/// <summary>
/// Snapshot checks with Verify's file conventions, without Verify (not served here): the expected text is
/// checked in as <c>{Class}.{Method}#{HintName}.verified.cs</c>; a mismatch writes <c>.received.cs</c>
/// beside it and fails with a diff. Accepting is a person renaming received to verified, or running the
/// tests once with AITRONOS_ACCEPT_SNAPSHOTS=1 set on purpose. Nothing is accepted on its own.
/// </summary>
public static class Snapshot
{
    private const string AcceptVariable = "AITRONOS_ACCEPT_SNAPSHOTS";

    public static void Verify(IReadOnlyDictionary<string, string> files, string diagnostics, string testClass, [CallerMemberName] string test = "", [CallerFilePath] string callerFile = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        Directory.CreateDirectory(directory);
        string prefix = testClass + "." + test;
        bool accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";

        var expectedNames = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var pair in files.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            string baseName = prefix + "#" + (pair.Key.EndsWith(".cs", StringComparison.Ordinal) ? pair.Key.Substring(0, pair.Key.Length - 3) : pair.Key);
            expectedNames.Add(baseName + ".verified.cs");
            Check(directory, baseName, ".cs", pair.Value, accept, failures);
        }

        expectedNames.Add(prefix + ".verified.txt");
        Check(directory, prefix, ".txt", diagnostics, accept, failures);

        // A verified file that the generator no longer produces is a change too.
        foreach (string stale in Directory.GetFiles(directory, prefix + "#*.verified.cs").Select(Path.GetFileName).Where(n => !expectedNames.Contains(n!))!)
        {
            if (accept)
            {
                File.Delete(Path.Combine(directory, stale!));
            }
            else
            {
                failures.Add($"{stale}: verified, but the generator no longer produces this file. Delete it if that is intended.");
            }
        }

        if (failures.Count > 0)
        {
            throw new XunitException("Snapshot mismatch (received files written beside the verified ones; rename to accept):" + Environment.NewLine + string.Join(Environment.NewLine + Environment.NewLine, failures));
        }
    }

    private static void Check(string directory, string baseName, string extension, string actual, bool accept, List<string> failures)
    {
        string verifiedPath = Path.Combine(directory, baseName + ".verified" + extension);
        string receivedPath = Path.Combine(directory, baseName + ".received" + extension);
        string normalized = Normalize(actual);
        if (File.Exists(verifiedPath) && Normalize(File.ReadAllText(verifiedPath)) == normalized)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        if (accept)
        {
            File.WriteAllText(verifiedPath, normalized, new UTF8Encoding(false));
            return;
        }

        File.WriteAllText(receivedPath, normalized, new UTF8Encoding(false));
        failures.Add(File.Exists(verifiedPath)
            ? $"{Path.GetFileName(verifiedPath)} differs:{Environment.NewLine}{Diff(Normalize(File.ReadAllText(verifiedPath)), normalized)}"
            : $"{Path.GetFileName(verifiedPath)} does not exist yet; review {Path.GetFileName(receivedPath)} and rename it to accept.");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');

    /// <summary>The first differing lines, with a little context: enough to see what changed.</summary>
    internal static string Diff(string expected, string actual)
    {
        string[] left = expected.Split('\n');
        string[] right = actual.Split('\n');
        var builder = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < Math.Max(left.Length, right.Length) && shown < 12; i++)
        {
            string? l = i < left.Length ? left[i] : null;
            string? r = i < right.Length ? right[i] : null;
            if (l == r)
            {
                continue;
            }

            builder.AppendLine($"  line {i + 1}:");
            builder.AppendLine("    - " + (l ?? "(end of file)"));
            builder.AppendLine("    + " + (r ?? "(end of file)"));
            shown++;
        }

        return builder.ToString();
    }
}
