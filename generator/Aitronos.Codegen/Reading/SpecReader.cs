using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Diagnostics;
using Aitronos.Codegen.Model;
using Aitronos.Codegen.Naming;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace Aitronos.Codegen.Reading;

/// <summary>
/// Reads one spec file into an <see cref="ApiModel"/> and the diagnostics found on the way. The only
/// place where Microsoft.OpenApi objects exist; nothing of them leaves this method.
/// </summary>
internal static class SpecReader
{
    public static Result<ApiModel> Read(SpecInput input, CancellationToken cancellationToken)
    {
        var locator = new SpecLocator(input.Path, input.Text);
        var context = new ReadContext(locator);
        try
        {
            ApiModel? model = ReadCore(input, context, cancellationToken);
            return new Result<ApiModel>(model, context.LocateDiagnostics().ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Never let an exception escape into the compiler: say which spec and what happened.
            var diagnostics = context.LocateDiagnostics().ToList();
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, locator.File, input.Path, ex.GetType().Name + ": " + ex.Message));
            return new Result<ApiModel>(null, diagnostics.ToEquatableArray());
        }
    }

    private static ApiModel? ReadCore(SpecInput input, ReadContext context, CancellationToken cancellationToken)
    {
        string fileName = Path.GetFileName(input.Path);
        // The reader validates the document against the specification's rules as its last step; that is a quarter of
        // its time on big specs. The rules only read the document, and so does the model built from it: validation runs
        // beside the model instead of before it (see Validate), with the same rules and the same errors reported.
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false, RuleSet = ValidationRuleSet.GetEmptyRuleSet() };
        var yaml = new OpenApiYamlReader();
        settings.TryAddReader(OpenApiConstants.Yaml, yaml);
        settings.TryAddReader(OpenApiConstants.Yml, yaml);

        string format = input.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? OpenApiConstants.Json : OpenApiConstants.Yaml;
        ReadResult read;
        try
        {
            read = Parse(WithoutTabSeparated(input.Text, context.TabSeparated), format, settings, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reader throws on some malformed input (an empty or unparsable $ref, for one) instead of
            // reporting it: that is still a problem of the spec, not of the generator.
            context.Report(DiagnosticDescriptors.SpecSyntaxError, context.Locator.File, fileName, "the OpenAPI reader rejected it (" + ex.GetType().Name + ": " + ex.Message + ")");
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();

        OpenApiDocument? document = read.Document;
        IList<OpenApiError> errors = read.Diagnostic?.Errors ?? new List<OpenApiError>();
        if (document is null)
        {
            foreach (OpenApiError error in errors.DefaultIfEmpty(new OpenApiError(string.Empty, "the file is not an OpenAPI document")))
            {
                context.ReportReaderError(DiagnosticDescriptors.SpecSyntaxError, error.Pointer, error.Message, fileName, error.Message);
            }

            return null;
        }

        // The document was read whole: what the reader calls errors are rule violations we can live with.
        foreach (OpenApiError error in errors)
        {
            context.ReportReaderError(DiagnosticDescriptors.SpecValidationWarning, error.Pointer, error.Message, fileName + ": " + error.Message);
        }

        Task<IReadOnlyList<OpenApiError>>? validation = null;
        if (LongestAliasChain(document) is { Length: > MaxValidatedAliasChain } chain)
        {
            // The library's validator follows such a chain again at every member it reads through it: its time grows with
            // the square of the chain (a 1,000-long chain: 13 s; 5,000: two minutes). The model follows it once.
            context.Report(DiagnosticDescriptors.SpecValidationWarning, ReadContext.Pointer("#/components/schemas", chain.Start),
                fileName + ": schema '" + chain.Start + "' starts a chain of " + chain.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " bare references to other schemas, longer than the OpenAPI validator is run on (" + MaxValidatedAliasChain.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + "); the specification's rules were not checked");
        }
        else
        {
            validation = Validate(document);
        }

        ApiModel? model = ReadModel(input, context, document, fileName, read.Diagnostic?.SpecificationVersion == OpenApiSpecVersion.OpenApi2_0, cancellationToken);

        foreach (int offset in context.TabSeparated)
        {
            context.Report(DiagnosticDescriptors.SpecValidationWarning, context.Locator.At(offset, offset + 3),
                fileName + ": collectionFormat 'tsv' (tab-separated), which the OpenAPI reader cannot read, on a parameter the client reaches through a $ref: it is sent comma-separated (csv); declare the parameter in the operation to take it as a string you join with tabs");
        }

        // After the model's diagnostics. When the model throws (cancellation above all), the rules' run is left to end
        // on its own rather than waited for.
        if (validation is not null)
        {
            ReportValidation(validation, context, fileName, cancellationToken);
        }

        return model;
    }

    /// <summary>Chains of component schemas that are bare references to the next longer than this are not validated.</summary>
    private const int MaxValidatedAliasChain = 64;

    /// <summary>
    /// The longest chain of component schemas each a bare <c>$ref</c> to the next (A = B, B = C, ...), by the component
    /// it starts at (the first in ordinal order among equals); null when there is none. Each component is walked once.
    /// </summary>
    private static (string Start, int Length)? LongestAliasChain(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { Count: > 0 } components)
        {
            return null;
        }

        var lengths = new Dictionary<string, int>(StringComparer.Ordinal);
        (string Start, int Length)? longest = null;
        var chain = new List<string>();
        var onChain = new HashSet<string>(StringComparer.Ordinal);
        foreach (string key in components.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            chain.Clear();
            onChain.Clear();
            string current = key;
            int tail = 0;
            while (!lengths.TryGetValue(current, out tail))
            {
                if (!onChain.Add(current))
                {
                    tail = 0;   // a cycle: counted up to where it closes
                    break;
                }

                chain.Add(current);
                if (components[current] is OpenApiSchemaReference { Reference: { IsExternal: false, Id: { } next } } && components.ContainsKey(next))
                {
                    current = next;
                    continue;
                }

                tail = -1;   // the end: not a link itself
                break;
            }

            for (int i = chain.Count - 1; i >= 0; i--)
            {
                lengths[chain[i]] = ++tail;
            }

            if (lengths[key] > (longest?.Length ?? 0))
            {
                longest = (key, lengths[key]);
            }
        }

        return longest;
    }

    /// <summary>Specs above this size are parsed on a thread of their own, so that a cancelled run need not wait for the parse.</summary>
    private const int ParseAsideLength = 256 * 1024;

    /// <summary>
    /// The library's parse, which takes no cancellation token. A big document is parsed on a thread of its own while this
    /// one waits for it or for the cancellation, whichever comes first: cancelled, the run returns at once and the parse
    /// is left to end on its own (its result is dropped). A cancelled IDE keystroke must not wait seconds for a parse.
    /// </summary>
    private static ReadResult Parse(string text, string format, OpenApiReaderSettings settings, CancellationToken cancellationToken)
    {
        if (text.Length < ParseAsideLength || !cancellationToken.CanBeCanceled)
        {
            return OpenApiDocument.Parse(text, format, settings);
        }

        Task<ReadResult> parse = Task.Factory.StartNew(() => OpenApiDocument.Parse(text, format, settings), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        WaitUnlessCancelled(parse, cancellationToken);
        return parse.GetAwaiter().GetResult();
    }

    /// <summary>Waits for <paramref name="task"/> to end (its failure is the caller's to observe), or throws when the run is cancelled first.</summary>
    private static void WaitUnlessCancelled(Task task, CancellationToken cancellationToken)
    {
        try
        {
            task.Wait(cancellationToken);
        }
        catch (AggregateException)
        {
            // The task failed: its exception comes out of GetResult, unwrapped.
        }
    }

    /// <summary>
    /// Checks the document against Microsoft.OpenApi's default rules on another thread, while this one builds the model
    /// (both only read the document). The errors are those the reader reports when it validates as it reads; its
    /// warnings were never reported, and still are not.
    /// </summary>
    private static Task<IReadOnlyList<OpenApiError>> Validate(OpenApiDocument document) =>
        Task.Run<IReadOnlyList<OpenApiError>>(() => document.Validate(ValidationRuleSet.GetDefaultRuleSet())?.OfType<OpenApiValidatorError>().ToList<OpenApiError>() ?? new List<OpenApiError>());

    private static void ReportValidation(Task<IReadOnlyList<OpenApiError>> validation, ReadContext context, string fileName, CancellationToken cancellationToken)
    {
        WaitUnlessCancelled(validation, cancellationToken);
        IReadOnlyList<OpenApiError> found;
        try
        {
            // Usually done by now: the rules take less time than the model.
            found = validation.GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            context.Report(DiagnosticDescriptors.SpecValidationWarning, context.Locator.File, fileName + ": the OpenAPI validator failed on it (" + ex.GetType().Name + ": " + ex.Message + "); its rules were not checked");
            return;
        }

        foreach (OpenApiError error in found)
        {
            context.ReportReaderError(DiagnosticDescriptors.SpecValidationWarning, error.Pointer, error.Message, fileName + ": " + error.Message);
        }
    }

    private static ApiModel? ReadModel(SpecInput input, ReadContext context, OpenApiDocument document, string fileName, bool swagger2, CancellationToken cancellationToken)
    {

        SpecOptions options = input.Options;
        string clientName = ClientName(options, input.Path, context);
        string ns = Namespace(options, context);
        string contextName = (clientName.EndsWith("Client", StringComparison.Ordinal) && clientName.Length > "Client".Length
            ? clientName.Substring(0, clientName.Length - "Client".Length)
            : clientName) + "JsonContext";
        string optionsName = clientName + "Options";
        bool isPublic = !string.Equals(options.Visibility, "internal", StringComparison.OrdinalIgnoreCase);
        if (options.Visibility is { Length: > 0 } visibility
            && !string.Equals(visibility, "public", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(visibility, "internal", StringComparison.OrdinalIgnoreCase))
        {
            context.Report(DiagnosticDescriptors.InvalidOption, context.Locator.File, "AitronosVisibility", visibility, "use 'public' or 'internal'");
        }

        if (options.Webhooks is { Length: > 0 } webhooksOption && !IsTrue(webhooksOption) && !string.Equals(webhooksOption, "false", StringComparison.OrdinalIgnoreCase))
        {
            context.Report(DiagnosticDescriptors.InvalidOption, context.Locator.File, "AitronosWebhooks", webhooksOption, "use 'true' or 'false'; webhook payload types are left out");
        }

        // "JsonConverter" is the name of the converter nested in every generated type: no generated type may shadow it.
        var typeNames = new HashSet<string>(StringComparer.Ordinal) { clientName, optionsName, contextName, "JsonConverter", Emitting.EmitContext.RuntimeAlias, Emitting.EmitContext.JsonAlias };
        var schemas = new SchemaReader(context, document, typeNames);
        var security = new SecurityReader(context, document);
        ISet<string>? includeTags = options.IncludeTags is { Length: > 0 } tags
            ? new HashSet<string>(tags.Split(';', ',').Select(t => t.Trim()).Where(t => t.Length > 0), StringComparer.Ordinal)
            : null;
        // Components first: they claim their shapes, so that inline copies of them in operations reuse them.
        schemas.ReadAllComponents(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var operations = new OperationReader(context, schemas, security, document, includeTags, swagger2);
        var (groups, serialized) = operations.Read(clientName, cancellationToken);

        if (groups.Count == 0)
        {
            context.Report(DiagnosticDescriptors.NoOperations, "#/paths", fileName);
        }

        IEnumerable<TypeModel> types = schemas.Types;
        if (WebhookScope.Find(document) is { } webhooks && !IsTrue(options.Webhooks))
        {
            HashSet<string> kept = WebhookScope.Kept(schemas.Types, OperationTypes(groups), schemas.Components, webhooks.Components);
            int skipped = schemas.Types.Count - kept.Count;
            if (skipped > 0)
            {
                context.Report(DiagnosticDescriptors.WebhookTypesSkipped, webhooks.Pointer, skipped.ToString(System.Globalization.CultureInfo.InvariantCulture));
                types = types.Where(t => kept.Contains(t.Name));
            }
        }

        types = WithRequestNulls(types.ToList(), groups);
        return new ApiModel(
            SpecName: SpecName(input.Path),
            Namespace: ns,
            ClientName: clientName,
            JsonContextName: contextName,
            IsPublic: isPublic,
            Title: document.Info?.Title ?? fileName,
            Description: document.Info?.Description,
            DefaultBaseUrl: BaseUrl(document),
            SecuritySchemes: security.Schemes.ToEquatableArray(),
            SecurityRequirements: security.Requirements.ToEquatableArray(),
            Groups: groups.ToEquatableArray(),
            Types: types.OrderBy(t => t.Name, StringComparer.Ordinal).ToEquatableArray(),
            SerializedTypes: serialized.Select(t => t with { IsNullable = false }).Distinct().ToEquatableArray());
    }

    /// <summary>
    /// Marks the objects that request bodies use and that have an optional property allowing <c>null</c>: only they get
    /// the accessors that tell <c>"name": null</c> from absent (a response-only model never sends), which keeps
    /// big specs' output small.
    /// </summary>
    private static IEnumerable<TypeModel> WithRequestNulls(List<TypeModel> types, List<OperationGroupModel> groups)
    {
        var starts = new List<string>();
        foreach (OperationModel operation in groups.SelectMany(g => g.Operations))
        {
            WebhookScope.AddNames(operation.Body?.Type, starts);
            foreach (BodyVariantModel variant in operation.OtherBodies)
            {
                WebhookScope.AddNames(variant.Body.Type, starts);
            }
        }

        HashSet<string> sent = WebhookScope.Reach(types.ToDictionary(t => t.Name, StringComparer.Ordinal), starts);
        return types.Select(t => sent.Contains(t.Name) && t.Union is null && t.Properties.Any(p => !p.Required && p.Type.IsNullable) ? t with { SendsNulls = true } : t);
    }

    private static readonly System.Text.RegularExpressions.Regex s_tabSeparated = new(
        @"collectionFormat[""']?\s*:\s*[""']?(tsv)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>The text with each <c>collectionFormat: tsv</c> read as <c>csv</c>, the offsets of the <c>tsv</c>s kept.</summary>
    private static string WithoutTabSeparated(string text, List<int> offsets)
    {
        if (text.IndexOf("tsv", StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var matches = s_tabSeparated.Matches(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        foreach (System.Text.RegularExpressions.Match match in matches)
        {
            int at = match.Groups[1].Index;
            offsets.Add(at);
            chars[at] = 'c';
        }

        return new string(chars);
    }

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every type an operation's parameters, body or result names.</summary>
    private static IEnumerable<TypeRef> OperationTypes(IEnumerable<OperationGroupModel> groups)
    {
        foreach (OperationModel operation in groups.SelectMany(g => g.Operations))
        {
            foreach (ParameterModel parameter in operation.Parameters)
            {
                yield return parameter.Type;
            }

            if (operation.Body?.Type is { } body)
            {
                yield return body;
            }

            foreach (BodyVariantModel variant in operation.OtherBodies)
            {
                if (variant.Body.Type is { } other)
                {
                    yield return other;
                }
            }

            if (operation.Result.Type is { } result)
            {
                yield return result;
            }

            if (operation.Result.OtherType is { } otherResult)
            {
                yield return otherResult;
            }
        }
    }

    /// <summary>
    /// The namespace and client name a spec generates (<c>Consumer.PetsClient</c>), which prefixes its hint names: from
    /// its path and options alone, so that clashes between specs are found without reading them.
    /// </summary>
    internal static string HintPrefix(SpecInput input) => Namespace(input.Options, null) + "." + ClientName(input.Options, input.Path, null);

    /// <summary><c>specs/pet-store.openapi.yaml</c> -> <c>PetStore</c>.</summary>
    internal static string SpecName(string path)
    {
        string name = Path.GetFileName(path);
        int dot = name.IndexOf('.');
        return IdentifierNaming.ToPascalCase(dot > 0 ? name.Substring(0, dot) : name, "Api");
    }

    private static string ClientName(SpecOptions options, string path, ReadContext? context)
    {
        if (options.ClientName is { Length: > 0 } configured)
        {
            // Any C# identifier is taken as it is ("Twilio_api_v2010Client" included); only others are converted.
            if (IsIdentifier(configured))
            {
                return configured;
            }

            string name = IdentifierNaming.ToPascalCase(configured, string.Empty);

            context?.Report(DiagnosticDescriptors.InvalidOption, context.Locator.File, "AitronosClientName", configured, "it is not a C# identifier; using '" + (name.Length > 0 ? name : SpecName(path) + "Client") + "'");
            if (name.Length > 0)
            {
                return name;
            }
        }

        return SpecName(path) + "Client";
    }

    private static string Namespace(SpecOptions options, ReadContext? context)
    {
        string? configured = options.Namespace is { Length: > 0 } ns ? ns : options.RootNamespace;
        if (configured is not { Length: > 0 })
        {
            return "GeneratedClients";
        }

        if (configured.Split('.').All(IsIdentifier))
        {
            return configured;
        }

        var parts = configured.Split('.').Select(p => IdentifierNaming.ToPascalCase(p, string.Empty));
        string fallback = string.Join(".", parts.Where(p => p.Length > 0).DefaultIfEmpty("GeneratedClients"));
        context?.Report(DiagnosticDescriptors.InvalidOption, context.Locator.File, "AitronosNamespace", configured, "it is not a C# namespace; using '" + fallback + "'");
        return fallback;
    }

    /// <summary>A C# identifier that is not a keyword (contextual keywords such as <c>async</c> are fine).</summary>
    private static bool IsIdentifier(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name)
        && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None;

    private static string? BaseUrl(OpenApiDocument document)
    {
        OpenApiServer? server = document.Servers?.FirstOrDefault();
        if (server?.Url is not { Length: > 0 } url)
        {
            return null;
        }

        if (server.Variables is { } variables)
        {
            foreach (var variable in variables)
            {
                url = url.Replace("{" + variable.Key + "}", variable.Value?.Default ?? string.Empty);
            }
        }

        // A relative server URL ("/api/v3") cannot be called on its own: the caller must give BaseUrl.
        return Uri.TryCreate(url, UriKind.Absolute, out Uri? absolute) && (absolute.Scheme == "http" || absolute.Scheme == "https")
            ? url
            : null;
    }
}
