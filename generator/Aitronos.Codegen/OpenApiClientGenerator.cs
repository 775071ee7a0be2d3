using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Collections.Generic;
using System.Threading;
using Aitronos.Codegen.Diagnostics;
using Aitronos.Codegen.Emitting;
using Aitronos.Codegen.Model;
using Aitronos.Codegen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Aitronos.Codegen;

/// <summary>
/// Turns every OpenAPI document given to the compiler as an AdditionalFile into a typed client.
/// This file holds the pipeline only: reading is in Reading/, emitting in Emitting/.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiClientGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incremental-caching tests.</summary>
    public static class TrackingNames
    {
        /// <summary>Spec files with their text and options.</summary>
        public const string SpecInputs = nameof(SpecInputs);

        /// <summary>Specs read into models and diagnostics.</summary>
        public const string Models = nameof(Models);

        /// <summary>Facts about the target compilation.</summary>
        public const string TargetFacts = nameof(TargetFacts);

        /// <summary>Models paired with the facts, ready to emit.</summary>
        public const string Emit = nameof(Emit);

        /// <summary>What the client and the JSON context are emitted from.</summary>
        public const string Client = nameof(Client);

        /// <summary>One generated type each.</summary>
        public const string Types = nameof(Types);
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<SpecInput> specs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => SpecInputs.TryCreate(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(TrackingNames.SpecInputs);

        IncrementalValuesProvider<Result<ApiModel>> models = specs
            .Select(static (input, cancellationToken) => SpecReader.Read(input, cancellationToken))
            .WithTrackingName(TrackingNames.Models);

        IncrementalValueProvider<TargetFacts> facts = context.CompilationProvider
            .Select(static (compilation, _) => TargetFactsReader.Read(compilation))
            .WithTrackingName(TrackingNames.TargetFacts);

        context.RegisterSourceOutput(models.Select(static (result, _) => result.Diagnostics), static (spc, diagnostics) =>
        {
            foreach (DiagnosticInfo diagnostic in diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        // Two specs that generate one client (same namespace and name): an error naming both, and neither is emitted.
        IncrementalValueProvider<EquatableArray<ClientClash>> clashes = specs
            .Select(static (input, _) => (input.Path, Prefix: SpecReader.HintPrefix(input)))
            .Collect()
            .Select(static (all, _) => all
                .GroupBy(s => s.Prefix, StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .SelectMany(g => g.OrderBy(s => s.Path, StringComparer.Ordinal).Skip(1).Select(s => new ClientClash(g.Key, g.OrderBy(f => f.Path, StringComparer.Ordinal).First().Path, s.Path)))
                .OrderBy(c => c.SecondPath, StringComparer.Ordinal)
                .ToEquatableArray());
        context.RegisterSourceOutput(clashes, static (spc, all) =>
        {
            foreach (ClientClash clash in all)
            {
                spc.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateClientName,
                    Location.Create(clash.SecondPath, default, default),
                    clash.FirstPath, clash.SecondPath, clash.HintPrefix));
            }
        });

        IncrementalValuesProvider<(SpecSettings Settings, ApiModel Model, TargetFacts Facts)> emittable = models
            .Select(static (result, _) => result.Value)
            .Where(static model => model is not null)
            .Combine(clashes)
            .Where(static pair => !pair.Right.Any(c => c.HintPrefix == pair.Left!.Namespace + "." + pair.Left.ClientName))
            .Select(static (pair, _) => pair.Left)
            .Combine(facts)
            .Select(static (pair, _) => (Emitter.Settings(pair.Left!, pair.Right), pair.Left!, pair.Right))
            .Where(static triple => triple.Item1 is not null)
            .Select(static (triple, _) => (triple.Item1!, triple.Item2, triple.Item3))
            .WithTrackingName(TrackingNames.Emit);

        // The client and the JSON context see types by name only, so editing a schema's members leaves them cached.
        IncrementalValuesProvider<ClientEmitInput> clients = emittable
            .Select(static (spec, _) => Emitter.ClientInput(spec.Settings, spec.Model, spec.Facts))
            .WithTrackingName(TrackingNames.Client);
        context.RegisterSourceOutput(clients, static (spc, input) => Emitter.EmitClient(spc, input));

        // One step output per type: a spec edit renews only the types whose model changed.
        IncrementalValuesProvider<TypeEmitInput> types = emittable
            .SelectMany(static (spec, _) => spec.Model.Types.Select(type => new TypeEmitInput(spec.Settings, type)))
            .WithTrackingName(TrackingNames.Types);
        context.RegisterSourceOutput(types, static (spc, input) => Emitter.EmitType(spc, input));

        // Once per compilation that has at least one spec: polyfills and the checks on the target itself.
        IncrementalValueProvider<(bool HasSpecs, TargetFacts Facts)> once = specs.Collect()
            .Select(static (all, _) => all.Length > 0)
            .Combine(facts);
        context.RegisterSourceOutput(once, static (spc, pair) => Emitter.EmitOnce(spc, pair.HasSpecs, pair.Facts));
    }
}
