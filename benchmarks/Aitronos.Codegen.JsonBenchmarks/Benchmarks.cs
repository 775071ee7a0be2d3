using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Aitronos.Codegen.JsonBenchmarks.Stj;
using BenchmarkDotNet.Attributes;
using Generated = Aitronos.Codegen.JsonBenchmarks.Generated;

namespace Aitronos.Codegen.JsonBenchmarks;

// One class per scenario, each with System.Text.Json's source generator (default mode) as its baseline; the category
// (the class's name) makes each class its own group for the ratios in the joined summary.
// Reading is metadata-driven in both of STJ's modes, so only writing is measured in metadata mode as well.

/// <summary>The generated metadata, through its public surface only.</summary>
internal static class GeneratedTypes
{
    public static JsonTypeInfo<Generated.FullRepository> FullRepository => Generated.BenchJsonContext.Default.FullRepository;

    public static JsonTypeInfo<Generated.Label> Label => Generated.BenchJsonContext.Default.Label;

    // The context registers the list because an operation returns one; its member for it is internal.
    public static readonly JsonTypeInfo<IReadOnlyList<Generated.FullRepository>> FullRepositoryList =
        Generated.BenchJsonContext.Options.TryGetTypeInfo(typeof(IReadOnlyList<Generated.FullRepository>), out JsonTypeInfo? list)
            ? (JsonTypeInfo<IReadOnlyList<Generated.FullRepository>>)list
            : throw new InvalidOperationException("BenchJsonContext has no metadata for IReadOnlyList<FullRepository>, which the listUserRepositories operation returns.");
}

[BenchmarkCategory(nameof(ReadFullRepository))]
public class ReadFullRepository
{
    private byte[] _json = null!;

    [GlobalSetup]
    public void Setup() => _json = Payloads.FullRepository();

    [Benchmark(Baseline = true)]
    public FullRepository? StjSourceGen() => JsonSerializer.Deserialize(_json, StjJsonContext.Default.FullRepository);

    [Benchmark]
    public Generated.FullRepository? AitronosGenerated() => JsonSerializer.Deserialize(_json, GeneratedTypes.FullRepository);

    // How the generated client reads a response (ApiTransport.DeserializeJson): the model's reader called without the
    // serializer's root path.
    [Benchmark]
    public Generated.FullRepository? AitronosGeneratedAsRead() => Aitronos.Codegen.Runtime.ApiTransport.DeserializeJson(_json, GeneratedTypes.FullRepository);
}

[BenchmarkCategory(nameof(WriteFullRepository))]
public class WriteFullRepository
{
    private FullRepository _stj = null!;
    private Generated.FullRepository _generated = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] json = Payloads.FullRepository();
        _stj = JsonSerializer.Deserialize(json, StjJsonContext.Default.FullRepository)!;
        _generated = JsonSerializer.Deserialize(json, GeneratedTypes.FullRepository)!;
    }

    [Benchmark(Baseline = true)]
    public byte[] StjSourceGen() => JsonSerializer.SerializeToUtf8Bytes(_stj, StjJsonContext.Default.FullRepository);

    [Benchmark]
    public byte[] StjSourceGenMetadata() => JsonSerializer.SerializeToUtf8Bytes(_stj, StjMetadataJsonContext.Default.FullRepository);

    [Benchmark]
    public byte[] AitronosGenerated() => JsonSerializer.SerializeToUtf8Bytes(_generated, GeneratedTypes.FullRepository);

    // What the generated client sends as a request body (ApiTransport.CreateJsonContent): the same bytes, the model's
    // writer called without the serializer's root path.
    [Benchmark]
    public byte[] AitronosGeneratedAsSent() => Aitronos.Codegen.Runtime.ApiTransport.SerializeJson(_generated, GeneratedTypes.FullRepository);
}

[BenchmarkCategory(nameof(ReadFullRepositoryList))]
public class ReadFullRepositoryList
{
    private byte[] _json = null!;

    [GlobalSetup]
    public void Setup() => _json = Payloads.FullRepositoryList(100);

    [Benchmark(Baseline = true)]
    public IReadOnlyList<FullRepository>? StjSourceGen() => JsonSerializer.Deserialize(_json, StjJsonContext.Default.IReadOnlyListFullRepository);

    [Benchmark]
    public IReadOnlyList<Generated.FullRepository>? AitronosGenerated() => JsonSerializer.Deserialize(_json, GeneratedTypes.FullRepositoryList);

    [Benchmark]
    public IReadOnlyList<Generated.FullRepository>? AitronosGeneratedAsRead() => Aitronos.Codegen.Runtime.ApiTransport.DeserializeJson(_json, GeneratedTypes.FullRepositoryList);
}

[BenchmarkCategory(nameof(WriteFullRepositoryList))]
public class WriteFullRepositoryList
{
    private IReadOnlyList<FullRepository> _stj = null!;
    private IReadOnlyList<Generated.FullRepository> _generated = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] json = Payloads.FullRepositoryList(100);
        _stj = JsonSerializer.Deserialize(json, StjJsonContext.Default.IReadOnlyListFullRepository)!;
        _generated = JsonSerializer.Deserialize(json, GeneratedTypes.FullRepositoryList)!;
    }

    [Benchmark(Baseline = true)]
    public byte[] StjSourceGen() => JsonSerializer.SerializeToUtf8Bytes(_stj, StjJsonContext.Default.IReadOnlyListFullRepository);

    [Benchmark]
    public byte[] StjSourceGenMetadata() => JsonSerializer.SerializeToUtf8Bytes(_stj, StjMetadataJsonContext.Default.IReadOnlyListFullRepository);

    [Benchmark]
    public byte[] AitronosGenerated() => JsonSerializer.SerializeToUtf8Bytes(_generated, GeneratedTypes.FullRepositoryList);

    [Benchmark]
    public byte[] AitronosGeneratedAsSent() => Aitronos.Codegen.Runtime.ApiTransport.SerializeJson(_generated, GeneratedTypes.FullRepositoryList);
}

[BenchmarkCategory(nameof(ReadLabel))]
public class ReadLabel
{
    private byte[] _json = null!;

    [GlobalSetup]
    public void Setup() => _json = Payloads.Label();

    [Benchmark(Baseline = true)]
    public Label? StjSourceGen() => JsonSerializer.Deserialize(_json, StjJsonContext.Default.Label);

    /// <summary>STJ keeping what the generated model keeps: the properties the schema does not name.</summary>
    [Benchmark]
    public LabelWithExtensionData? StjSourceGenExtensionData() => JsonSerializer.Deserialize(_json, StjJsonContext.Default.LabelWithExtensionData);

    [Benchmark]
    public Generated.Label? AitronosGenerated() => JsonSerializer.Deserialize(_json, GeneratedTypes.Label);

    // How the generated client reads a response (ApiTransport.DeserializeJson): the model's reader called without the
    // serializer's root path.
    [Benchmark]
    public Generated.Label? AitronosGeneratedAsRead() => Aitronos.Codegen.Runtime.ApiTransport.DeserializeJson(_json, GeneratedTypes.Label);
}

[BenchmarkCategory(nameof(WriteLabel))]
public class WriteLabel
{
    private Label _stj = null!;
    private Generated.Label _generated = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] json = Payloads.Label();
        _stj = JsonSerializer.Deserialize(json, StjJsonContext.Default.Label)!;
        _generated = JsonSerializer.Deserialize(json, GeneratedTypes.Label)!;
    }

    [Benchmark(Baseline = true)]
    public byte[] StjSourceGen() => JsonSerializer.SerializeToUtf8Bytes(_stj, StjJsonContext.Default.Label);

    [Benchmark]
    public byte[] StjSourceGenMetadata() => JsonSerializer.SerializeToUtf8Bytes(_stj, StjMetadataJsonContext.Default.Label);

    [Benchmark]
    public byte[] AitronosGenerated() => JsonSerializer.SerializeToUtf8Bytes(_generated, GeneratedTypes.Label);

    // What the generated client sends as a request body (ApiTransport.CreateJsonContent): the same bytes, the model's
    // writer called without the serializer's root path.
    [Benchmark]
    public byte[] AitronosGeneratedAsSent() => Aitronos.Codegen.Runtime.ApiTransport.SerializeJson(_generated, GeneratedTypes.Label);
}
