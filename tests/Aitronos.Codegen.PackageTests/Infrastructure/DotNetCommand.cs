using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.PackageTests.Infrastructure;

/// <summary>What a finished <c>dotnet</c> process did, with everything it printed.</summary>
public sealed record CommandResult(string CommandLine, string WorkingDirectory, int ExitCode, bool TimedOut, TimeSpan Elapsed, string Output)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>One paragraph for a failure message: the command, how it ended, and its full output.</summary>
    public string Describe() =>
        $"`{CommandLine}` in {WorkingDirectory} "
        + (TimedOut ? $"was killed after the {Elapsed.TotalSeconds:F0} s timeout" : $"exited with {ExitCode} after {Elapsed.TotalSeconds:F1} s")
        + ". Output:" + Environment.NewLine + Output;
}

/// <summary>
/// Runs the real <c>dotnet</c> CLI. Build servers are disabled so that no compiler or MSBuild node outlives a command
/// (a lingering node would keep its output pipe open, and keep files in the temp folders locked).
/// </summary>
internal static class DotNetCommand
{
    private static readonly string s_dotnet = FindDotNet();

    public static Task<CommandResult> RunAsync(
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout,
        params string[] arguments)
        => RunProgramAsync(s_dotnet, workingDirectory, environment, timeout, arguments);

    /// <summary>
    /// Runs <paramref name="program"/> (for example <c>bash</c>) with the same environment as a <c>dotnet</c> command, and
    /// with this SDK's <c>dotnet</c> first on the <c>PATH</c>. A variable set to the empty string in
    /// <paramref name="environment"/> is removed.
    /// </summary>
    public static async Task<CommandResult> RunProgramAsync(
        string program,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout,
        params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The test host runs under `dotnet test`, whose MSBuild settings must not leak into an unrelated build.
        foreach (string name in startInfo.Environment.Keys.Where(IsInheritedBuildSetting).ToArray())
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        startInfo.Environment["MSBUILDTERMINALLOGGER"] = "off";
        if (Path.IsPathRooted(s_dotnet))
        {
            startInfo.Environment["PATH"] = Path.GetDirectoryName(s_dotnet) + Path.PathSeparator + startInfo.Environment["PATH"];
        }

        foreach (KeyValuePair<string, string> variable in environment)
        {
            if (variable.Value.Length == 0)
            {
                startInfo.Environment.Remove(variable.Key);
            }
            else
            {
                startInfo.Environment[variable.Key] = variable.Value;
            }
        }

        var output = new StringBuilder();
        void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }

        string commandLine = (program == s_dotnet ? "dotnet" : program) + " " + string.Join(" ", arguments);
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        bool timedOut = false;
        using (var cancellation = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        return new CommandResult(commandLine, workingDirectory, timedOut ? -1 : process.ExitCode, timedOut, stopwatch.Elapsed, text);
    }

    private static bool IsInheritedBuildSetting(string name) =>
        name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VSTEST_", StringComparison.OrdinalIgnoreCase);

    private static string FindDotNet()
    {
        // Set by the dotnet CLI for the processes it starts: the same SDK that runs these tests.
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return host is { Length: > 0 } && File.Exists(host) ? host : "dotnet";
    }
}
