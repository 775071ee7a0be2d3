using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Aitronos.Codegen.PackageTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Aitronos.Codegen.PackageTests;

/// <summary>A consumer's own specs, through the package's MSBuild glue and the real <c>dotnet build</c>.</summary>
[Collection(PackageCollection.Name)]
public sealed partial class OwnSpecTests
{
    private readonly PackedPackage _package;
    private readonly ITestOutputHelper _output;

    public OwnSpecTests(PackedPackage package, ITestOutputHelper output)
    {
        _package = package;
        _output = output;
    }

    [Fact]
    public async Task A_spec_dropped_into_the_project_generates_a_client_and_editing_it_regenerates_on_the_next_build()
    {
        ConsumerProject app = _package.CreateConsumer("PetstoreApp", _output);
        app.Write("PetstoreApp.csproj", ConsumerFiles.ConsoleApp(_package.Version))
            .Write("petstore.openapi.yaml", ConsumerFiles.PetstoreSpec(withGetPet: false))
            .Write("Program.cs", """
                using PetstoreApp;

                using var client = new PetstoreClient(new PetstoreClientOptions { BaseUrl = new Uri("http://127.0.0.1:9") });
                Func<Task> list = () => client.Pets.ListPetsAsync();
                Console.WriteLine(list.Method.Name);

                """);
        await app.BuildCleanlyAsync("Building with petstore.openapi.yaml (listPets)");

        app.Write("petstore.openapi.yaml", ConsumerFiles.PetstoreSpec(withGetPet: true))
            .Write("Program.cs", """
                using PetstoreApp;

                using var client = new PetstoreClient(new PetstoreClientOptions { BaseUrl = new Uri("http://127.0.0.1:9") });
                Func<Task> get = () => client.Pets.GetPetAsync(42);
                Console.WriteLine(get.Method.Name);

                """);
        await app.BuildCleanlyAsync("Rebuilding after adding getPet to the spec (GetPetAsync must now exist)");
    }

    [Fact]
    public async Task An_OpenApiSpec_item_sets_namespace_client_name_and_visibility_and_the_bundled_client_can_be_turned_off()
    {
        ConsumerProject app = _package.CreateConsumer("StoreApp", _output);
        app.Write("StoreApp.csproj", ConsumerFiles.ConsoleApp(_package.Version, """
                <PropertyGroup>
                  <AitronosGenerateBundledClient>false</AitronosGenerateBundledClient>
                </PropertyGroup>
                <ItemGroup>
                  <!-- Also matched by *.openapi.yaml discovery: the item's options must win, with no second client. -->
                  <OpenApiSpec Include="contracts/store.openapi.yaml" Namespace="Acme.Store" ClientName="StoreApi" Visibility="internal" />
                </ItemGroup>
              """))
            .Write("contracts/store.openapi.yaml", ConsumerFiles.PetstoreSpec(withGetPet: false))
            .Write("Program.cs", """
                using var store = new Acme.Store.StoreApi(new Acme.Store.StoreApiOptions { BaseUrl = new Uri("http://127.0.0.1:9") });
                Func<Task> list = () => store.Pets.ListPetsAsync();
                var clients = typeof(Program).Assembly.GetTypes()
                    .Where(t => t.BaseType?.FullName == "Aitronos.Codegen.Runtime.ApiClientOptions")
                    .Select(t => t.FullName)
                    .Order(StringComparer.Ordinal);
                Console.WriteLine("clients: " + string.Join(",", clients));
                Console.WriteLine("public: " + typeof(Acme.Store.StoreApi).IsPublic);
                Console.WriteLine(list.Method.Name);

                """);

        await app.BuildCleanlyAsync("Building with an OpenApiSpec item and AitronosGenerateBundledClient=false");
        CommandResult run = await app.RunAsync();

        ConsumerProject.ExpectSucceeded(run, "Running the app");
        Assert.True(run.Output.Contains("clients: Acme.Store.StoreApiOptions" + Environment.NewLine, StringComparison.Ordinal),
            "Expected exactly one generated client, Acme.Store.StoreApi (no AitronosClient, no second client from discovery). " + run.Describe());
        Assert.True(run.Output.Contains("public: False", StringComparison.Ordinal), "Visibility=\"internal\" must make the client internal. " + run.Describe());
    }

    [Fact]
    public async Task A_broken_spec_fails_the_build_with_ACG001_located_in_the_spec_file()
    {
        const string Broken = """
            openapi: 3.0.3
            info:
              title: Petstore
              version: 1.0.0
            paths:
              /pets:
                get: [unclosed
                  responses: {

            """;
        ConsumerProject app = _package.CreateConsumer("BrokenSpecApp", _output);
        app.Write("BrokenSpecApp.csproj", ConsumerFiles.ConsoleApp(_package.Version))
            .Write("petstore.openapi.yaml", Broken)
            .Write("Program.cs", "Console.WriteLine(\"unreachable\");\n");

        CommandResult build = await app.BuildAsync();

        Assert.False(build.Succeeded, "A spec that is not valid YAML must fail the build. " + build.Describe());
        Match located = LocatedAcg001().Match(build.Output);
        Assert.True(located.Success, "Expected 'petstore.openapi.yaml(L,C): error ACG001' in the build output. " + build.Describe());
        Assert.True(
            Path.IsPathRooted(located.Groups["path"].Value) && located.Groups["path"].Value.StartsWith(app.Directory, StringComparison.Ordinal),
            $"The diagnostic must name the spec in the project, got '{located.Groups["path"].Value}'. {build.Describe()}");
        int line = int.Parse(located.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
        int lines = Broken.Split('\n').Length;
        Assert.True(line >= 1 && line <= lines, $"ACG001 points at line {line}, outside the spec's {lines} lines. {build.Describe()}");
        Assert.False(build.Output.Contains("ACG003", StringComparison.Ordinal) || build.Output.Contains("CS8785", StringComparison.Ordinal),
            "A broken spec is a located ACG001, not an internal error or a generator crash. " + build.Describe());
    }

    [GeneratedRegex(@"^\s*(?<path>\S*petstore\.openapi\.yaml)\((?<line>\d+),(?<column>\d+)\): error ACG001\b", RegexOptions.Multiline)]
    private static partial Regex LocatedAcg001();
}
