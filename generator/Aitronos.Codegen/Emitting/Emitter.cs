using System;
using Aitronos.Codegen.Diagnostics;
using Aitronos.Codegen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Aitronos.Codegen.Emitting;

/// <summary>Adds the sources of one spec: the client and the JSON context from one step, each type from its own.</summary>
internal static class Emitter
{
    /// <summary>The spec's settings, or null when the target cannot compile generated code (reported once by <see cref="EmitOnce"/>).</summary>
    public static SpecSettings? Settings(ApiModel api, TargetFacts facts) =>
        facts.HasRuntime && facts.SupportsCSharp11
            ? new SpecSettings(api.SpecName, api.Namespace, api.ClientName, api.JsonContextName, api.IsPublic, facts.HasDateOnly)
            : null;

    /// <summary>The client input: the model with every type reduced to its name and kind, which is all the client and context use.</summary>
    public static ClientEmitInput ClientInput(SpecSettings settings, ApiModel api, TargetFacts facts)
    {
        var names = new TypeModel[api.Types.Count];
        for (int i = 0; i < names.Length; i++)
        {
            TypeModel type = api.Types[i];
            names[i] = new TypeModel(type.Name, type.IsEnum, null, false, EquatableArray<PropertyModel>.Empty, null, string.Empty, EquatableArray<EnumMemberModel>.Empty);
        }

        return new ClientEmitInput(settings, api with { Types = names.ToEquatableArray() }, facts);
    }

    public static void EmitClient(SourceProductionContext context, ClientEmitInput input)
    {
        string prefix = input.Settings.HintPrefix;
        Guard(context, input.Settings, reportClash: true, () =>
        {
            var emit = new EmitContext(input.Settings, ClientMemberNames(input.Api).Contains, input.Api, input.Facts) { CancellationToken = context.CancellationToken };
            Add(context, prefix + ".g.cs", ClientEmitter.Emit(emit));
        });
        Guard(context, input.Settings, reportClash: false, () =>
            Add(context, prefix + "." + input.Settings.JsonContextName + ".g.cs", JsonContextEmitter.Emit(input.Settings, input.Api, input.Facts)));
        Guard(context, input.Settings, reportClash: false, () =>
        {
            if (DependencyInjectionEmitter.Emit(new EmitContext(input.Settings, static _ => false, facts: input.Facts)) is { } registration)
            {
                Add(context, prefix + "." + input.Settings.ClientName + "ServiceCollectionExtensions.g.cs", registration);
            }
        });
    }

    /// <summary>
    /// What a simple name could bind to inside the client before a generated type: the nested sub-client classes and
    /// every member of the client and its sub-clients. A generated type of such a name is written in full there.
    /// </summary>
    private static System.Collections.Generic.HashSet<string> ClientMemberNames(ApiModel api)
    {
        var names = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal) { api.ClientName, api.ClientName + "Options", "Dispose", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize" };
        foreach (OperationGroupModel group in api.Groups)
        {
            if (group.ClassName is { } className)
            {
                names.Add(className);
            }

            if (group.PropertyName is { } propertyName)
            {
                names.Add(propertyName);
            }

            foreach (OperationModel operation in group.Operations)
            {
                names.Add(operation.MethodName);
                foreach (BodyVariantModel variant in operation.OtherBodies)
                {
                    names.Add(variant.MethodName);
                }
            }
        }

        return names;
    }

    public static void EmitType(SourceProductionContext context, TypeEmitInput input)
    {
        string hintName = input.Settings.HintPrefix + "." + input.Type.Name + ".g.cs";
        Guard(context, input.Settings, reportClash: false, () => Add(context, hintName, input.Type.IsEnum
            ? EnumEmitter.Emit(input.Settings, input.Type)
            : input.Type.Union is { } union
            ? UnionEmitter.Emit(input.Settings, input.Type, union)
            : ModelEmitter.Emit(input.Settings, input.Type)));
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

    /// <summary>
    /// Never throws into the compiler: an emitter bug becomes a diagnostic naming the spec, and so does a hint-name
    /// clash of two specs (reported once, by the client's output; the clashing type files add nothing to it).
    /// </summary>
    private static void Guard(SourceProductionContext context, SpecSettings settings, bool reportClash, Action emit)
    {
        try
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            emit();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (ArgumentException ex) when (ex.Message.Contains("hintName"))
        {
            if (reportClash)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateClientName, Location.None, settings.SpecName, "another spec", settings.HintPrefix));
            }
        }
        catch (Exception ex)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, settings.SpecName, ex.GetType().Name + ": " + CSharpLiterals.Visible(ex.Message)));
        }
    }

    private static void Add(SourceProductionContext context, string hintName, string source) =>
        context.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
}
