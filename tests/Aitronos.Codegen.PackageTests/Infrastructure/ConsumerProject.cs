using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Aitronos.Codegen.PackageTests.Infrastructure;

/// <summary>A project folder outside the repository that uses the packed package the way a user's project would.</summary>
public sealed partial class ConsumerProject
{
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan s_runTimeout = TimeSpan.FromMinutes(1);

    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly ITestOutputHelper _log;

    internal ConsumerProject(string directory, IReadOnlyDictionary<string, string> environment, ITestOutputHelper log)
    {
        Directory = directory;
        _environment = environment;
        _log = log;
    }

    public string Directory { get; }

    /// <summary>Writes (or overwrites) a file relative to the project folder.</summary>
    public ConsumerProject Write(string relativePath, string content)
    {
        string path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    /// <summary><c>dotnet build</c> (with restore) of the project in this folder.</summary>
    public Task<CommandResult> BuildAsync() => RunDotNetAsync(s_buildTimeout, "build", "--disable-build-servers", "-nologo");

    /// <summary><c>dotnet run --no-build</c>.</summary>
    public Task<CommandResult> RunAsync() => RunDotNetAsync(s_runTimeout, "run", "--no-build");

    /// <summary>Builds and fails the test, with the full output, unless the build succeeded without a single warning.</summary>
    public async Task<CommandResult> BuildCleanlyAsync(string what)
    {
        CommandResult build = await BuildAsync();
        ExpectSucceeded(build, what);
        ExpectNoWarnings(build, what);
        return build;
    }

    public static void ExpectSucceeded(CommandResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw FailException.ForFailure($"{what}: the command failed. {result.Describe()}");
        }
    }

    /// <summary>
    /// No warning of any kind; in particular none of the generator-loading failures (CS8784/CS8785: a dependency DLL
    /// missing from analyzers/ or newer than the compiler's; AD0001: an analyzer crashed).
    /// </summary>
    public static void ExpectNoWarnings(CommandResult result, string what)
    {
        string[] warnings = WarningLine().Matches(result.Output).Select(m => m.Value.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        string[] loadFailures = ["CS8784", "CS8785", "AD0001"];
        string? loadFailure = loadFailures.FirstOrDefault(id => result.Output.Contains(id, StringComparison.Ordinal));
        if (warnings.Length > 0 || loadFailure is not null)
        {
            throw FailException.ForFailure(
                $"{what}: expected no warnings"
                + (loadFailure is null ? string.Empty : $" (and the generator failed to load or run: {loadFailure})")
                + $", but got:{Environment.NewLine}{string.Join(Environment.NewLine, warnings)}{Environment.NewLine}{result.Describe()}");
        }
    }

    private async Task<CommandResult> RunDotNetAsync(TimeSpan timeout, params string[] arguments)
    {
        CommandResult result = await DotNetCommand.RunAsync(Directory, _environment, timeout, arguments);
        _log.WriteLine($"{result.CommandLine} in {Path.GetFileName(Directory)}: exit {result.ExitCode}{(result.TimedOut ? " (timed out)" : string.Empty)}, {result.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    [GeneratedRegex(@"^.*\bwarning [A-Z]+[0-9]+\b.*$", RegexOptions.Multiline)]
    private static partial Regex WarningLine();
}
