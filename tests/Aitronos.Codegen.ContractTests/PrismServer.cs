using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.ContractTests;

/// <summary>
/// A Prism mock server (npm <c>@stoplight/prism-cli</c>) for one spec on 127.0.0.1, started with request validation
/// and <c>--errors</c> (a violation becomes an error response carrying an <c>sl-violations</c> header), and killed with
/// its whole process tree on dispose.
/// </summary>
public sealed class PrismServer : IContractServer
{
    /// <summary>The version .ci/run installs and the tests were written against.</summary>
    public const string Version = "5.16.0";

    private readonly Process _process;
    private readonly StringBuilder _log;

    private PrismServer(Process process, StringBuilder log, int port)
    {
        _process = process;
        _log = log;
        BaseUrl = new Uri("http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/");
    }

    public Uri BaseUrl { get; }

    /// <summary>Whether Prism died (it crashes on some request bodies instead of answering them).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Gives a dying Prism a moment to finish exiting; true when it has.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return false;
        }

        // The parameterless wait also drains the redirected output, so that Log holds Prism's last words.
        _process.WaitForExit();
        return true;
    }

    /// <summary>What Prism printed so far (its request log and errors), for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// The prism executable: <c>ACG_PRISM</c> (a path), else <c>tests/.tools/prism</c> in the repository (where .ci/run
    /// installs it), else <c>~/.cache/acg-prism</c>; null when none exists.
    /// </summary>
    public static string? Executable
    {
        get
        {
            if (Environment.GetEnvironmentVariable("ACG_PRISM") is { Length: > 0 } configured)
            {
                return File.Exists(configured) ? configured : null;
            }

            string? dir = AppContext.BaseDirectory;
            while (dir is not null && !File.Exists(Path.Combine(dir, "Aitronos.Codegen.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            string[] candidates =
            {
                dir is null ? "" : Path.Combine(dir, "tests", ".tools", "prism", "node_modules", ".bin", "prism"),
                Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "acg-prism", "node_modules", ".bin", "prism"),
            };
            foreach (string candidate in candidates)
            {
                if (candidate.Length > 0 && File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    public static string MissingMessage =>
        $"Prism (npm @stoplight/prism-cli {Version}) is not installed: run `npm install --prefix tests/.tools/prism @stoplight/prism-cli@{Version}` (as .ci/run does) or set ACG_PRISM to the prism executable; contract tests are skipped.";

    /// <summary>Starts Prism on <paramref name="specPath"/> and waits until it listens.</summary>
    public static PrismServer Start(string specPath, bool errors = true)
    {
        string executable = Executable ?? throw new InvalidOperationException(MissingMessage);
        Exception? last = null;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            int port = FreePort();
            var info = new ProcessStartInfo(executable)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            };
            foreach (string arg in new[] { "mock", specPath, "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            {
                info.ArgumentList.Add(arg);
            }

            if (errors)
            {
                info.ArgumentList.Add("--errors");
            }

            info.Environment["NO_COLOR"] = "1";
            info.Environment["FORCE_COLOR"] = "0";
            var log = new StringBuilder();
            var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var process = new Process { StartInfo = info, EnableRaisingEvents = true };
            void OnLine(object sender, DataReceivedEventArgs e)
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (log)
                {
                    log.AppendLine(e.Data);
                }

                if (e.Data.Contains("Prism is listening", StringComparison.Ordinal))
                {
                    listening.TrySetResult();
                }
            }

            process.OutputDataReceived += OnLine;
            process.ErrorDataReceived += OnLine;
            process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("Prism exited with code " + process.ExitCode));
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new PrismServer(process, log, port);
            try
            {
                if (!listening.Task.Wait(TimeSpan.FromSeconds(60)))
                {
                    throw new TimeoutException("Prism did not listen within 60 s.");
                }

                return server;
            }
            catch (Exception ex)
            {
                server.Dispose();
                last = new InvalidOperationException($"Prism did not start on {specPath}: {ex.GetBaseException().Message}\n{server.Log}", ex);
            }
        }

        throw last!;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
