using System.Threading.Tasks;
using Aitronos.Codegen.PackageTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Aitronos.Codegen.PackageTests;

/// <summary>Adding the package is all it takes to get <c>Aitronos.AitronosClient</c>, in the project kinds users have.</summary>
[Collection(PackageCollection.Name)]
public sealed class BundledClientTests
{
    private readonly PackedPackage _package;
    private readonly ITestOutputHelper _output;

    public BundledClientTests(PackedPackage package, ITestOutputHelper output)
    {
        _package = package;
        _output = output;
    }

    [Fact]
    public async Task A_fresh_console_app_gets_AitronosClient_builds_without_warnings_and_runs()
    {
        ConsumerProject app = _package.CreateConsumer("ConsoleApp", _output);
        app.Write("ConsoleApp.csproj", ConsumerFiles.ConsoleApp(_package.Version))
            .Write("Program.cs", """
                using Aitronos;

                using var client = new AitronosClient(new AitronosClientOptions { ApiKey = "ak_test", BaseUrl = new Uri("http://127.0.0.1:9") });
                var request = new TestConnectionRequest { SourceId = "src_test" };
                try
                {
                    // Already cancelled: exercises the runtime from lib/ without touching the network.
                    await client.KnowledgeConnectors.TestConnectionAsync("org_test", request, new CancellationToken(canceled: true));
                    Console.WriteLine("not cancelled");
                }
                catch (OperationCanceledException)
                {
                    Console.WriteLine("cancelled");
                }

                Console.WriteLine("client: " + client.GetType().FullName);

                """);

        await app.BuildCleanlyAsync("Building a console app that references the package");
        CommandResult run = await app.RunAsync();

        ConsumerProject.ExpectSucceeded(run, "Running the console app");
        Assert.True(run.Output.Contains("client: Aitronos.AitronosClient", System.StringComparison.Ordinal), "The app did not print its client. " + run.Describe());
        Assert.True(run.Output.Contains("cancelled", System.StringComparison.Ordinal) && !run.Output.Contains("not cancelled", System.StringComparison.Ordinal),
            "A cancelled token must cancel TestConnectionAsync. " + run.Describe());
    }

    [Fact]
    public async Task A_netstandard20_library_restores_the_runtimes_dependencies_and_compiles_the_bundled_client()
    {
        ConsumerProject library = _package.CreateConsumer("NetStandardLibrary", _output);
        library.Write("NetStandardLibrary.csproj", ConsumerFiles.NetStandardLibrary(_package.Version))
            // netstandard2.0 has no DateOnly: format "date" must fall back to DateTime, in models and in query parameters.
            .Write("calendar.openapi.yaml", """
                openapi: 3.0.3
                info: { title: Calendar, version: '1' }
                servers: [ { url: 'https://calendar.example' } ]
                paths:
                  /days:
                    get:
                      operationId: getDay
                      parameters:
                        - { name: on, in: query, required: true, schema: { type: string, format: date } }
                      responses:
                        '200':
                          description: The day.
                          content:
                            application/json:
                              schema:
                                type: object
                                required: [date]
                                properties:
                                  date: { type: string, format: date }
                                  note: { type: string }

                """)
            .Write("Connections.cs", """
                namespace NetStandardLibrary
                {
                    public static class Connections
                    {
                        public static System.Threading.Tasks.Task<Aitronos.TestConnectionResult> TestAsync(Aitronos.AitronosClient client, string sourceId) =>
                            client.KnowledgeConnectors.TestConnectionAsync("org_test", new Aitronos.TestConnectionRequest { SourceId = sourceId }, default);

                        public static async System.Threading.Tasks.Task<System.DateTime> DayAsync(CalendarClient client, System.DateTime on) =>
                            (await client.GetDayAsync(on)).Date;
                    }
                }

                """);

        await library.BuildCleanlyAsync("Building a netstandard2.0 library that references the package (System.Text.Json comes from the netstandard2.0 dependency group)");
    }

    [Fact]
    public async Task An_app_that_gets_the_package_through_a_library_uses_the_librarys_client_instead_of_generating_a_second_one()
    {
        ConsumerProject library = _package.CreateConsumer("ClientLibrary", _output);
        library.Write("ClientLibrary.csproj", ConsumerFiles.NetStandardLibrary(_package.Version))
            .Write("Marker.cs", "namespace ClientLibrary { public static class Marker { } }\n");
        ConsumerProject app = _package.CreateConsumer("AppOverLibrary", _output);
        app.Write("AppOverLibrary.csproj", ConsumerFiles.ConsoleAppWithoutPackage("../ClientLibrary/ClientLibrary.csproj"))
            .Write("Program.cs", """
                using var client = new Aitronos.AitronosClient(new Aitronos.AitronosClientOptions { ApiKey = "ak_test" });
                Console.WriteLine("client from: " + client.GetType().Assembly.GetName().Name);

                """);

        await app.BuildCleanlyAsync("Building an app whose only route to the package is a library (a second AitronosClient would give CS0436)");
        CommandResult run = await app.RunAsync();

        ConsumerProject.ExpectSucceeded(run, "Running the app over the library");
        Assert.True(run.Output.Contains("client from: ClientLibrary", System.StringComparison.Ordinal), "The app must use the library's AitronosClient. " + run.Describe());
    }
}
