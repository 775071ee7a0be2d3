using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Aitronos.Codegen.JsonBenchmarks.Stj;

/// <summary>
/// System.Text.Json's source generator in its default mode: metadata for reading, and a fast-path serializer that
/// writes straight to the <c>Utf8JsonWriter</c> without going through metadata (STJ uses it when the options in force
/// are these, as they are with <c>StjJsonContext.Default.X</c>).
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FullRepository))]
[JsonSerializable(typeof(IReadOnlyList<FullRepository>))]
[JsonSerializable(typeof(Label))]
[JsonSerializable(typeof(LabelWithExtensionData))]
public sealed partial class StjJsonContext : JsonSerializerContext;

/// <summary>The same, metadata only: writing goes through the metadata-driven converters, as reading always does.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(FullRepository))]
[JsonSerializable(typeof(IReadOnlyList<FullRepository>))]
[JsonSerializable(typeof(Label))]
public sealed partial class StjMetadataJsonContext : JsonSerializerContext;
