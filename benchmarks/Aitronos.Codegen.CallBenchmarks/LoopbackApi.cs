using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Aitronos.Codegen.CallBenchmarks;

/// <summary>
/// The server both sides call: Kestrel on 127.0.0.1 answering the test-connection endpoint with one fixed result, in a
/// process of its own.
/// </summary>
internal static class LoopbackApi
{
    public const string ServeArgument = "--serve";
    public const string ServerAssemblyVariable = "AITRONOS_CALLBENCH_SERVER";
    public const string ApiKey = "ak_benchmark_0123456789abcdef0123456789abcd";
    public const string OrganizationId = "org_xyz789";
    public const string SourceId = "src_abc123";

    private static readonly byte[] Result = """{"status":"succeeded","message":"Connection test passed"}"""u8.ToArray();

    /// <summary>Runs the server, prints its base URL (<c>http://127.0.0.1:PORT/v1</c>) and stops when stdin closes.</summary>
    public static async Task ServeUntilStdinClosesAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(async context =>
        {
            // Both sides must send what a real client sends, else the comparison would flatter one of them.
            var request = context.Request;
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            if (request.Method != "POST"
                || request.Path != $"/v1/organizations/{OrganizationId}/knowledge/connectors/connections/test"
                || request.Headers["X-API-Key"] != ApiKey
                || request.ContentType != "application/json; charset=utf-8"
                || body != $$"""{"source_id":"{{SourceId}}"}""")
            {
                context.Response.StatusCode = 400;
                await context.Response.WriteAsync($"unexpected request: {request.Method} {request.Path} {request.ContentType} {body}");
                return;
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = Result.Length;
            await context.Response.Body.WriteAsync(Result);
        });
        await app.StartAsync();
        Console.WriteLine(app.Urls.Single().TrimEnd('/') + "/v1");
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
    }

    /// <summary>Starts the server process; disposing the handle closes its stdin, which stops it.</summary>
    public static (Process Process, Uri BaseUrl) Start()
    {
        var assembly = Environment.GetEnvironmentVariable(ServerAssemblyVariable) ?? typeof(LoopbackApi).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add(ServeArgument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("the server process did not start");
        var url = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the server process printed no URL");
        return (process, new Uri(url));
    }

    public static void Stop(Process process)
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(10_000))
        {
            process.Kill();
        }

        process.Dispose();
    }
}
