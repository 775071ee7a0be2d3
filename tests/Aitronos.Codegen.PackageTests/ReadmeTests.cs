using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Aitronos.Codegen.PackageTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Aitronos.Codegen.PackageTests;

/// <summary>
/// The README's way in works as written: its getting-started commands, run by bash in a fresh folder with the machine's
/// own NuGet settings, pack the repository into a folder feed, make a new console app that uses it, build it and run it.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed partial class ReadmeTests
{
    private static readonly TimeSpan s_scriptTimeout = TimeSpan.FromMinutes(8);

    private static readonly HashSet<string> s_notCopied = new(StringComparer.Ordinal) { ".git", "bin", "obj", "artifacts", "nupkgs", "TestResults", ".vs" };

    private readonly PackedPackage _package;
    private readonly ITestOutputHelper _output;

    public ReadmeTests(PackedPackage package, ITestOutputHelper output)
    {
        _package = package;
        _output = output;
    }

    [Fact]
    public async Task The_readmes_getting_started_commands_pack_a_folder_feed_and_a_new_console_app_builds_and_runs_with_it()
    {
        string script = GettingStartedScript(File.ReadAllText(Path.Combine(_package.RepoRoot, "README.md")));
        // The one step a test cannot take: the clone. A copy of the working tree stands in for it, so uncommitted changes count.
        string[] clone = script.Split('\n').Where(line => line.StartsWith("git clone ", StringComparison.Ordinal)).ToArray();
        Assert.True(
            clone.Length == 1 && clone[0].TrimEnd().EndsWith("/aitronos-codegen.git", StringComparison.Ordinal),
            $"The getting-started commands must start from one `git clone ...aitronos-codegen.git`, got: [{string.Join(" | ", clone)}]");
        script = script.Replace(clone[0] + "\n", string.Empty, StringComparison.Ordinal);

        // Outside the package tests' folder: its nuget.config and Directory.Build.* must not help the README along.
        string root = Path.Combine(Path.GetTempPath(), "aitronos-readme-test", Guid.NewGuid().ToString("N")[..12]);
        try
        {
            CopyWorkingTree(_package.RepoRoot, Path.Combine(root, "aitronos-codegen"));
            var environment = new Dictionary<string, string>
            {
                // A cache of its own, so that the machine's never holds a test build of the real version.
                ["NUGET_PACKAGES"] = Path.Combine(root, "nuget-packages"),
                // Unset: the app must not call the real API.
                ["FREDDY_API_KEY"] = string.Empty,
                ["FREDDY_JWT_TOKEN"] = string.Empty,
            };

            CommandResult run = await DotNetCommand.RunProgramAsync("bash", root, environment, s_scriptTimeout, "-euo", "pipefail", "-c", script);
            _output.WriteLine($"{run.CommandLine.Split('\n')[0]} ...: exit {run.ExitCode}, {run.Elapsed.TotalSeconds:F1} s");

            ConsumerProject.ExpectSucceeded(run, "Running the README's getting-started commands");
            ConsumerProject.ExpectNoWarnings(run, "Running the README's getting-started commands");
            Assert.True(
                File.Exists(Path.Combine(root, "nupkgs", $"{PackedPackage.PackageId}.{_package.Version}.nupkg")),
                $"The README's pack command left no {PackedPackage.PackageId}.{_package.Version}.nupkg in nupkgs/. {run.Describe()}");
            Assert.True(
                File.ReadAllText(Path.Combine(root, "MyApp", "MyApp.csproj")).Contains($"\"{PackedPackage.PackageId}\" Version=\"{_package.Version}\"", StringComparison.Ordinal),
                $"`dotnet add package` did not reference {PackedPackage.PackageId} {_package.Version} from the folder feed. {run.Describe()}");
            Assert.True(
                run.Output.Contains("AitronosClient ready: AitronosClientOptions { BaseUrl = (default), ApiKey = (not set)", StringComparison.Ordinal)
                && run.Output.Contains("Set FREDDY_API_KEY to call the API.", StringComparison.Ordinal),
                "The app the README builds did not print what the README says it prints. " + run.Describe());
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("AITRONOS_KEEP_PACKAGE_TEST_FILES") != "1")
            {
                try
                {
                    Directory.Delete(root, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }

    /// <summary>The bash blocks between the README's <c>getting-started:begin</c> and <c>getting-started:end</c> markers.</summary>
    private static string GettingStartedScript(string readme)
    {
        Match section = GettingStartedSection().Match(readme);
        if (!section.Success)
        {
            throw FailException.ForFailure("README.md has no <!-- getting-started:begin ... --> ... <!-- getting-started:end --> section.");
        }

        string[] blocks = BashBlock().Matches(section.Value).Select(m => m.Groups["body"].Value.Replace("\r\n", "\n", StringComparison.Ordinal)).ToArray();
        if (blocks.Length == 0)
        {
            throw FailException.ForFailure("README.md's getting-started section holds no ```bash block.");
        }

        return string.Join("\n", blocks);
    }

    /// <summary>The repository as a clone would have it: no build output, no git folder.</summary>
    private static void CopyWorkingTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.EnumerateFiles(from))
        {
            if (!s_notCopied.Contains(Path.GetFileName(file)))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }

        foreach (string directory in Directory.EnumerateDirectories(from))
        {
            string name = Path.GetFileName(directory);
            if (!s_notCopied.Contains(name) && (new DirectoryInfo(directory).Attributes & FileAttributes.ReparsePoint) == 0)
            {
                CopyWorkingTree(directory, Path.Combine(to, name));
            }
        }
    }

    [GeneratedRegex(@"<!-- getting-started:begin.*?-->(?<body>.*?)<!-- getting-started:end -->", RegexOptions.Singleline)]
    private static partial Regex GettingStartedSection();

    [GeneratedRegex(@"^```bash\r?\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex BashBlock();
}
