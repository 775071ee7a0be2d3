using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Aitronos.Codegen.JsonBenchmarks.Stj;
using Generated = Aitronos.Codegen.JsonBenchmarks.Generated;

namespace Aitronos.Codegen.JsonBenchmarks;

/// <summary>
/// Before anything is timed: both sides must read every payload and write it back byte for byte, the values they
/// read must agree, and the generated side must have recognised every property (none left in AdditionalProperties).
/// Otherwise the benchmark would compare different work.
/// </summary>
internal static class RoundTripCheck
{
    public static IReadOnlyList<string> Run()
    {
        var failures = new List<string>();

        // The comparison is only fair if STJ's default mode really takes its fast path when writing.
        if (StjJsonContext.Default.FullRepository.SerializeHandler is null || StjJsonContext.Default.Label.SerializeHandler is null)
        {
            failures.Add("STJ's default-mode context has no fast-path serializer for the models: the 'StjSourceGen' writes would not measure it.");
        }

        Check("full repository", Payloads.FullRepository(), GeneratedTypes.FullRepository, StjJsonContext.Default.FullRepository, StjMetadataJsonContext.Default.FullRepository, CompareRepository, failures);
        Check("list of 100 full repositories", Payloads.FullRepositoryList(100), GeneratedTypes.FullRepositoryList, StjJsonContext.Default.IReadOnlyListFullRepository, StjMetadataJsonContext.Default.IReadOnlyListFullRepository,
            (ours, stj) => ours.Count != stj.Count ? $"{ours.Count} items vs {stj.Count}" : ours.Zip(stj, CompareRepository).FirstOrDefault(m => m is not null), failures);
        Check("label", Payloads.Label(), GeneratedTypes.Label, StjJsonContext.Default.Label, StjMetadataJsonContext.Default.Label,
            (ours, stj) => Differs("label", (ours.Id, ours.Name, ours.Color, ours.Description, ours.Default), (stj.Id, stj.Name, stj.Color, stj.Description, stj.Default))
                ?? (ours.AdditionalProperties is null ? null : "the generated Label kept unknown properties: " + string.Join(", ", ours.AdditionalProperties.Keys)),
            failures);
        return failures;
    }

    private static void Check<TOurs, TStj>(string what, byte[] json, JsonTypeInfo<TOurs> ours, JsonTypeInfo<TStj> stj, JsonTypeInfo<TStj> stjMetadata, Func<TOurs, TStj, string?> compare, List<string> failures)
        where TOurs : class
        where TStj : class
    {
        try
        {
            TOurs oursValue = JsonSerializer.Deserialize(json, ours) ?? throw new InvalidOperationException("the generated side read null");
            TStj stjValue = JsonSerializer.Deserialize(json, stj) ?? throw new InvalidOperationException("STJ read null");
            if (compare(oursValue, stjValue) is { } mismatch)
            {
                failures.Add($"{what}: the two sides read different values: {mismatch}");
            }

            SameBytes(what, "the generated writer", json, JsonSerializer.SerializeToUtf8Bytes(oursValue, ours), failures);
            SameBytes(what, "the generated writer as the client sends it", json, Aitronos.Codegen.Runtime.ApiTransport.SerializeJson(oursValue, ours), failures);
            TOurs asRead = Aitronos.Codegen.Runtime.ApiTransport.DeserializeJson(json, ours) ?? throw new InvalidOperationException("the generated side read null as the client reads");
            if (compare(asRead, stjValue) is { } readMismatch)
            {
                failures.Add($"{what}: the generated reader as the client reads read another value: {readMismatch}");
            }

            SameBytes(what, "the generated writer after the client's read", json, JsonSerializer.SerializeToUtf8Bytes(asRead, ours), failures);
            SameBytes(what, "STJ's source generator (fast path)", json, JsonSerializer.SerializeToUtf8Bytes(stjValue, stj), failures);
            SameBytes(what, "STJ's source generator (metadata)", json, JsonSerializer.SerializeToUtf8Bytes(stjValue, stjMetadata), failures);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or TypeInitializationException)
        {
            Exception cause = ex is TypeInitializationException { InnerException: { } inner } ? inner : ex;
            failures.Add($"{what}: {cause.GetType().Name}: {cause.Message}");
        }
    }

    private static void SameBytes(string what, string writer, byte[] expected, byte[] actual, List<string> failures)
    {
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return;
        }

        int at = expected.AsSpan().CommonPrefixLength(actual);
        failures.Add($"{what}: {writer} wrote {actual.Length} bytes for the {expected.Length}-byte payload; they part at byte {at}:\n"
            + $"    payload: ...{Around(expected, at)}...\n    written: ...{Around(actual, at)}...");
    }

    private static string Around(byte[] bytes, int at)
    {
        int start = Math.Max(0, at - 60);
        return Encoding.UTF8.GetString(bytes, start, Math.Min(bytes.Length, at + 60) - start);
    }

    private static string? CompareRepository(Generated.FullRepository ours, FullRepository stj)
    {
        if (ours.AdditionalProperties is not null || ours.Owner.AdditionalProperties is not null || ours.License?.AdditionalProperties is not null)
        {
            return $"the generated FullRepository {ours.Id} kept unknown properties (a name the generated reader did not match)";
        }

        return Differs("repository", (ours.Id, ours.FullName, ours.Description, ours.Private, ours.PushedAt, ours.StargazersCount, ours.Homepage), (stj.Id, stj.FullName, stj.Description, stj.Private, stj.PushedAt, stj.StargazersCount, stj.Homepage))
            ?? Differs("owner", (ours.Owner.Id, ours.Owner.Login, ours.Owner.Name, ours.Owner.GravatarId), (stj.Owner.Id, stj.Owner.Login, stj.Owner.Name, stj.Owner.GravatarId))
            ?? Differs("license", (ours.License?.SpdxId, ours.License?.Url), (stj.License?.SpdxId, stj.License?.Url))
            ?? Differs("topics", string.Join(",", ours.Topics ?? []), string.Join(",", stj.Topics ?? []))
            ?? Differs("permissions", (ours.Permissions?.Admin, ours.Permissions?.Maintain, ours.Permissions?.Pull), (stj.Permissions?.Admin, stj.Permissions?.Maintain, stj.Permissions?.Pull))
            ?? (ours.Parent is null != stj.Parent is null || ours.Source is null != stj.Source is null ? "parent or source present on one side only" : null)
            ?? (ours.Parent is { } parent && stj.Parent is { } stjParent ? CompareRepository(parent, stjParent) : null)
            ?? (ours.Source is { } source && stj.Source is { } stjSource ? CompareRepository(source, stjSource) : null);
    }

    private static string? Differs<T>(string what, T ours, T stj) =>
        EqualityComparer<T>.Default.Equals(ours, stj) ? null : $"{what}: {ours} vs {stj}";
}
