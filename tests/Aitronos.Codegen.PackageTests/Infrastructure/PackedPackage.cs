using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Aitronos.Codegen.PackageTests.Infrastructure;

/// <summary>
/// Packs Aitronos.Codegen once per test run into a feed in a temporary folder, and sets that folder up for consumer
/// projects: a nuget.config with the feed and this machine's registry sources, a package cache of its own
/// (<c>NUGET_PACKAGES</c>) so that the machine's global cache never holds a test build of the real version, and empty
/// Directory.Build.* files so that nothing from the folders above leaks into the consumers.
/// </summary>
public sealed partial class PackedPackage : IAsyncLifetime
{
    public const string PackageId = "Aitronos.Codegen";

    private static readonly TimeSpan s_packTimeout = TimeSpan.FromMinutes(5);

    public PackedPackage()
    {
        Assembly assembly = typeof(PackedPackage).Assembly;
        RepoRoot = Metadata(assembly, "RepoRoot");
        Version = Metadata(assembly, "AitronosCodegenVersion");
        Root = Path.Combine(Path.GetTempPath(), "aitronos-package-tests", Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        PackagesCache = Path.Combine(Root, "packages");
    }

    /// <summary>The repository the package is packed from.</summary>
    public string RepoRoot { get; }

    /// <summary>The version the repository packs (<c>AitronosCodegenVersion</c> in Directory.Build.props).</summary>
    public string Version { get; }

    /// <summary>The temporary folder that holds everything below; deleted at the end.</summary>
    public string Root { get; }

    /// <summary>The local feed: a folder with the one .nupkg.</summary>
    public string Feed { get; }

    /// <summary>The consumers' NuGet global packages folder.</summary>
    public string PackagesCache { get; }

    /// <summary>The packed .nupkg.</summary>
    public string PackagePath => Path.Combine(Feed, $"{PackageId}.{Version}.nupkg");

    /// <summary>Environment for every consumer command.</summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesCache };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(PackagesCache);

        // Read the registry sources before this folder gets a nuget.config of its own.
        IReadOnlyList<(string Name, string Source)> registries = await ConfiguredSourcesAsync();
        WriteConsumerSettings(registries);

        // A private artifacts folder: nothing is shared with builds running in the repository at the same time.
        CommandResult pack = await DotNetCommand.RunAsync(
            RepoRoot,
            new Dictionary<string, string>(),
            s_packTimeout,
            "pack", Path.Combine(RepoRoot, "generator", "Aitronos.Codegen"),
            "-c", "Release",
            "-o", Feed,
            "--artifacts-path", Path.Combine(Root, "artifacts"),
            "--disable-build-servers",
            "-nologo");
        if (!pack.Succeeded || !File.Exists(PackagePath))
        {
            throw FailException.ForFailure($"Packing {PackageId} {Version} into {Feed} failed: {pack.Describe()}");
        }
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("AITRONOS_KEEP_PACKAGE_TEST_FILES") != "1")
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the folder lives under the temp path.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A new, empty consumer project folder named <paramref name="name"/>; its commands are logged to <paramref name="log"/>.</summary>
    public ConsumerProject CreateConsumer(string name, ITestOutputHelper log)
    {
        string directory = Path.Combine(Root, "consumers", name);
        if (Directory.Exists(directory))
        {
            throw new InvalidOperationException($"Consumer '{name}' exists already: each test needs its own name.");
        }

        Directory.CreateDirectory(directory);
        return new ConsumerProject(directory, ConsumerEnvironment, log);
    }

    private void WriteConsumerSettings(IReadOnlyList<(string Name, string Source)> registries)
    {
        const string Empty = "<Project />\n";
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), Empty);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), Empty);
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), Empty);

        // Aitronos.Codegen comes from the local feed only, whatever the registries hold; everything else from them.
        string sources = string.Concat(registries.Select(r => $"    <add key=\"{Xml(r.Name)}\" value=\"{Xml(r.Source)}\" />\n"));
        string mappings = string.Concat(registries.Select(r => $"    <packageSource key=\"{Xml(r.Name)}\"><package pattern=\"*\" /></packageSource>\n"));
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="aitronos-local-feed" value="{Xml(Feed)}" />
            {sources}  </packageSources>
              <packageSourceMapping>
                <packageSource key="aitronos-local-feed"><package pattern="{PackageId}" /></packageSource>
            {mappings}  </packageSourceMapping>
            </configuration>

            """);
    }

    /// <summary>The enabled package sources as configured on this machine (user and machine nuget.config).</summary>
    private async Task<IReadOnlyList<(string Name, string Source)>> ConfiguredSourcesAsync()
    {
        CommandResult list = await DotNetCommand.RunAsync(
            Root, new Dictionary<string, string>(), TimeSpan.FromMinutes(1), "nuget", "list", "source", "--format", "detailed");
        if (!list.Succeeded)
        {
            throw FailException.ForFailure("Listing this machine's NuGet sources failed: " + list.Describe());
        }

        var sources = SourceLine().Matches(list.Output)
            .Where(m => m.Groups["state"].Value == "Enabled")
            .Select(m => (m.Groups["name"].Value.Trim(), m.Groups["source"].Value.Trim()))
            .ToList();
        return sources.Count > 0 ? sources : [("nuget.org", "https://api.nuget.org/v3/index.json")];
    }

    private static string Metadata(Assembly assembly, string key) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly carries no '{key}' metadata; see the .csproj.");

    private static string Xml(string text) => System.Security.SecurityElement.Escape(text);

    //   1.  nuget.org [Enabled]
    //       https://api.nuget.org/v3/index.json
    [GeneratedRegex(@"^\s*\d+\.\s+(?<name>.+?)\s+\[(?<state>Enabled|Disabled)\]\s*\r?\n\s+(?<source>\S+)", RegexOptions.Multiline)]
    private static partial Regex SourceLine();
}

/// <summary>All package tests share one packed package and run one at a time: they are processes on 2 cores.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed Aitronos.Codegen";
}
