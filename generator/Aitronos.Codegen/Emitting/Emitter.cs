using System;
using Aitronos.Codegen.Diagnostics;
using Aitronos.Codegen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Aitronos.Codegen.Emitting;

/// <summary>Adds the sources of one spec: the client, one file per type, and the JSON context.</summary>
internal static class Emitter
{
    public static void Emit(SourceProductionContext context, ApiModel api, TargetFacts facts)
    {
        if (!facts.HasRuntime || !facts.SupportsCSharp11)
        {
            // Reported once by EmitOnce; emitting would only add a cascade of compiler errors.
            return;
        }

        var emit = new EmitContext(api, facts);
        string prefix = api.Namespace + "." + api.ClientName;
        try
        {
            Add(context, prefix + ".g.cs", ClientEmitter.Emit(emit));
            Add(context, prefix + "." + api.JsonContextName + ".g.cs", JsonContextEmitter.Emit(emit));
            foreach (TypeModel type in api.Types)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                Add(context, prefix + "." + type.Name + ".g.cs", type.IsEnum ? EnumEmitter.Emit(emit, type) : ModelEmitter.Emit(emit, type));
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (ArgumentException ex) when (ex.Message.Contains("hintName"))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateClientName, Location.None, api.SpecName, "another spec", prefix));
        }
        catch (Exception ex)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, api.SpecName, ex.GetType().Name + ": " + ex.Message));
        }
    }

    public static void EmitOnce(SourceProductionContext context, bool hasSpecs, TargetFacts facts)
    {
        if (!hasSpecs)
        {
            return;
        }

        if (!facts.HasRuntime)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RuntimeMissing, Location.None));
        }

        if (!facts.SupportsCSharp11)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LanguageVersionTooLow, Location.None));
            return;
        }

        if (PolyfillEmitter.Emit(facts) is { } polyfills)
        {
            context.AddSource("Aitronos.Codegen.Polyfills.g.cs", SourceText.From(polyfills, System.Text.Encoding.UTF8));
        }
    }

    private static void Add(SourceProductionContext context, string hintName, string source) =>
        context.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
}
