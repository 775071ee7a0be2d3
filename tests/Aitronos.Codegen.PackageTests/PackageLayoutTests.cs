using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Aitronos.Codegen.PackageTests.Infrastructure;
using Xunit;
using Xunit.Sdk;

namespace Aitronos.Codegen.PackageTests;

/// <summary>The .nupkg itself: which files sit where, and what it asks NuGet to bring along.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests
{
    private static readonly string[] s_analyzerAssemblies =
    [
        "Aitronos.Codegen.dll",
        "Microsoft.OpenApi.dll",
        "Microsoft.OpenApi.YamlReader.dll",
        "SharpYaml.dll",
    ];

    private readonly PackedPackage _package;

    public PackageLayoutTests(PackedPackage package) => _package = package;

    [Fact]
    public void Package_holds_the_generator_in_analyzers_the_runtime_in_lib_the_msbuild_glue_and_the_bundled_spec()
    {
        string[] expected =
        [
            .. s_analyzerAssemblies.Select(name => "analyzers/dotnet/cs/" + name),
            "buildTransitive/Aitronos.Codegen.props",
            "buildTransitive/Aitronos.Codegen.targets",
            "icon.png",
            "lib/net8.0/Aitronos.Codegen.Runtime.dll",
            "lib/net8.0/Aitronos.Codegen.Runtime.xml",
            "lib/netstandard2.0/Aitronos.Codegen.Runtime.dll",
            "lib/netstandard2.0/Aitronos.Codegen.Runtime.xml",
            "README.md",
            "specs/aitronos.openapi.yaml",
        ];

        string[] actual = PackageFiles().Where(path => !IsNuGetBookkeeping(path)).Order(StringComparer.Ordinal).ToArray();

        string[] missing = expected.Except(actual, StringComparer.Ordinal).ToArray();
        string[] unexpected = actual.Except(expected, StringComparer.Ordinal).ToArray();
        if (missing.Length > 0 || unexpected.Length > 0)
        {
            throw FailException.ForFailure(
                $"The package layout is wrong. Missing: [{string.Join(", ", missing)}]. Unexpected (System.Text.Json must never ship in analyzers/: "
                + $"the compiler has its own): [{string.Join(", ", unexpected)}]. Whole package: [{string.Join(", ", actual)}].");
        }
    }

    [Fact]
    public void Nuspec_names_the_package_its_version_and_readme()
    {
        XElement metadata = Nuspec().Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.True(Value("id") == PackedPackage.PackageId, $"nuspec id is '{Value("id")}', expected '{PackedPackage.PackageId}'.");
        Assert.True(Value("version") == _package.Version, $"nuspec version is '{Value("version")}', expected '{_package.Version}' (AitronosCodegenVersion).");
        Assert.True(Value("readme") == "README.md", $"nuspec readme is '{Value("readme")}', expected 'README.md'.");
        Assert.True(Value("developmentDependency") is null or "false", "The package must not be a development dependency: consumers run against its runtime in lib/.");
    }

    [Fact]
    public void Nuspec_carries_what_nuget_shows_license_repository_project_url_icon_description_and_tags()
    {
        XElement metadata = Nuspec().Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        XElement? Element(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);
        string? Value(string name) => Element(name)?.Value;

        XElement? license = Element("license");
        Assert.True(
            license is not null && (string?)license.Attribute("type") == "expression" && license.Value == "MIT",
            $"nuspec license must be the SPDX expression MIT (PackageLicenseExpression), got: {license}");
        XElement? repository = Element("repository");
        Assert.True(
            repository is not null && (string?)repository.Attribute("type") == "git" && (string?)repository.Attribute("url") == "https://github.com/aitronos/aitronos-codegen",
            $"nuspec repository must name the git repository (RepositoryUrl, RepositoryType), got: {repository}");
        Assert.True(
            Value("projectUrl") is { } projectUrl && projectUrl.StartsWith("https://github.com/aitronos/aitronos-codegen", StringComparison.Ordinal),
            $"nuspec projectUrl is '{Value("projectUrl")}', expected the repository's page (PackageProjectUrl).");
        Assert.True(Value("icon") == "icon.png", $"nuspec icon is '{Value("icon")}', expected 'icon.png' (PackageIcon).");
        Assert.True(Value("readme") == "README.md", $"nuspec readme is '{Value("readme")}', expected 'README.md'.");
        Assert.True(
            Value("description") is { Length: > 40 } description && description.Contains("OpenAPI", StringComparison.Ordinal),
            $"nuspec description must say what the package is, got '{Value("description")}'.");
        string[] tags = (Value("tags") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(
            new[] { "openapi", "source-generator", "aitronos" }.All(tags.Contains),
            $"nuspec tags must include openapi, source-generator and aitronos, got '{Value("tags")}'.");

        // NuGet shows the icon only if the file it names is in the package and is a PNG or JPEG of at most 1 MB.
        using ZipArchive zip = ZipFile.OpenRead(_package.PackagePath);
        ZipArchiveEntry icon = zip.GetEntry("icon.png") ?? throw FailException.ForFailure("The nuspec names icon.png, which the package does not hold.");
        Assert.True(icon.Length is > 0 and <= 1024 * 1024, $"icon.png is {icon.Length} bytes; NuGet accepts up to 1 MB.");
        using Stream stream = icon.Open();
        var header = new byte[24];
        stream.ReadExactly(header);
        Assert.True(header.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }), "icon.png is not a PNG.");
        int width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16));
        int height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20));
        Assert.True(width == 128 && height == 128, $"icon.png is {width}x{height}; NuGet recommends 128x128.");
    }

    [Fact]
    public void Nuspec_depends_on_the_runtimes_packages_per_framework_and_on_none_of_the_generators()
    {
        XElement dependencies = Nuspec().Descendants().Single(e => e.Name.LocalName == "dependencies");
        Dictionary<string, XElement[]> groups = dependencies.Elements()
            .Where(e => e.Name.LocalName == "group")
            .ToDictionary(
                g => ShortFramework((string?)g.Attribute("targetFramework") ?? "(none)"),
                g => g.Elements().Where(e => e.Name.LocalName == "dependency").ToArray());
        string all = dependencies.ToString();

        Assert.True(
            groups.Keys.Order(StringComparer.Ordinal).SequenceEqual(["net8.0", "netstandard2.0"]),
            $"Expected exactly the dependency groups net8.0 and netstandard2.0 (one per lib/ folder), got [{string.Join(", ", groups.Keys)}]: {all}");
        string[] net8 = groups["net8.0"].Select(d => (string)d.Attribute("id")!).Order(StringComparer.OrdinalIgnoreCase).ToArray();
        Assert.True(
            net8.SequenceEqual(["Microsoft.Extensions.Logging.Abstractions"], StringComparer.OrdinalIgnoreCase),
            $"net8.0 must depend on exactly Microsoft.Extensions.Logging.Abstractions (System.Text.Json and DiagnosticSource are in the framework), got: {all}");

        Dictionary<string, XElement> netStandard = groups["netstandard2.0"].ToDictionary(d => (string)d.Attribute("id")!, StringComparer.OrdinalIgnoreCase);
        Assert.True(
            netStandard.Keys.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(
                ["Microsoft.Bcl.AsyncInterfaces", "Microsoft.Bcl.TimeProvider", "Microsoft.Extensions.Logging.Abstractions", "System.Diagnostics.DiagnosticSource", "System.Text.Json"],
                StringComparer.OrdinalIgnoreCase),
            "netstandard2.0 must depend on exactly System.Text.Json, Microsoft.Bcl.AsyncInterfaces, Microsoft.Bcl.TimeProvider, Microsoft.Extensions.Logging.Abstractions and "
            + $"System.Diagnostics.DiagnosticSource (no generator packages such as Microsoft.OpenApi or Microsoft.CodeAnalysis), got: {all}");

        Version json = System.Version.Parse(((string)netStandard["System.Text.Json"].Attribute("version")!).Trim('[', ']', '(', ')').Split(',')[0]);
        Assert.True(json >= new Version(8, 0, 5), $"System.Text.Json must be at least 8.0.5, got {json}: {all}");

        foreach (XElement dependency in netStandard.Values.Concat(groups["net8.0"]))
        {
            string exclude = (string?)dependency.Attribute("exclude") ?? string.Empty;
            Assert.True(
                !exclude.Contains("Compile", StringComparison.OrdinalIgnoreCase) && !exclude.Contains("Runtime", StringComparison.OrdinalIgnoreCase),
                $"Consumers need the compile and runtime assets of {dependency.Attribute("id")}, but the dependency excludes '{exclude}'.");
        }
    }

    [Fact]
    public void Analyzer_assemblies_reference_only_each_other_and_what_the_compiler_host_provides()
    {
        using ZipArchive zip = ZipFile.OpenRead(_package.PackagePath);
        var packed = new HashSet<string>(s_analyzerAssemblies.Select(Path.GetFileNameWithoutExtension)!, StringComparer.OrdinalIgnoreCase);
        Version hostJson = typeof(System.Text.Json.JsonSerializer).Assembly.GetName().Version!;
        var problems = new List<string>();

        foreach (string name in s_analyzerAssemblies)
        {
            foreach ((string reference, Version version) in AssemblyReferences(zip, "analyzers/dotnet/cs/" + name))
            {
                bool fromHost = reference is "netstandard" or "mscorlib"
                    || reference.StartsWith("System.", StringComparison.Ordinal)
                    || reference.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal);
                if (!fromHost && !packed.Contains(reference))
                {
                    problems.Add($"{name} references {reference} {version}, which is neither in analyzers/dotnet/cs nor provided by the compiler (CS8784/CS8785 at build time).");
                }

                if (reference == "System.Text.Json" && version > hostJson)
                {
                    problems.Add($"{name} references System.Text.Json {version}, newer than the compiler host's {hostJson} (CS8785 at build time).");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private IEnumerable<string> PackageFiles()
    {
        using ZipArchive zip = ZipFile.OpenRead(_package.PackagePath);
        return zip.Entries.Select(e => e.FullName).ToArray();
    }

    private XDocument Nuspec()
    {
        using ZipArchive zip = ZipFile.OpenRead(_package.PackagePath);
        ZipArchiveEntry entry = zip.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using Stream stream = entry.Open();
        return XDocument.Load(stream);
    }

    private static IEnumerable<(string Name, Version Version)> AssemblyReferences(ZipArchive zip, string path)
    {
        ZipArchiveEntry entry = zip.GetEntry(path) ?? throw FailException.ForFailure($"{path} is missing from the package.");
        using var image = new MemoryStream();
        using (Stream stream = entry.Open())
        {
            stream.CopyTo(image);
        }

        image.Position = 0;
        using var pe = new PEReader(image);
        MetadataReader reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .Select(reference => (reader.GetString(reference.Name), reference.Version))
            .ToArray();
    }

    private static bool IsNuGetBookkeeping(string path) =>
        path.StartsWith("_rels/", StringComparison.Ordinal)
        || path.StartsWith("package/", StringComparison.Ordinal)
        || path == "[Content_Types].xml"
        || (!path.Contains('/') && path.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));

    /// <summary>The nuspec writes <c>.NETStandard2.0</c>, <c>net8.0</c>, or <c>.NETCoreApp8.0</c>; compare short names.</summary>
    private static string ShortFramework(string framework) => framework.ToLowerInvariant() switch
    {
        ".netstandard2.0" or "netstandard2.0" => "netstandard2.0",
        ".netcoreapp8.0" or "net8.0" => "net8.0",
        var other => other,
    };
}
