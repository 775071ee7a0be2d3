using System.Collections.Generic;
using System.Linq;
using Aitronos.Codegen.Model;

namespace Aitronos.Codegen.Emitting;

/// <summary>Emits the client: its options, the root class and one nested sub-client per tag.</summary>
internal static class ClientEmitter
{
    private const string Runtime = EmitContext.RuntimeAlias;

    public static string Emit(EmitContext context)
    {
        ApiModel api = context.Api;
        SourceWriter writer = context.StartFile();
        string client = api.ClientName;
        string options = client + "Options";

        writer.DocXml("<summary>Options for <see cref=\"" + client + "\"/>: credentials, base URL, timeout and headers.</summary>");
        if (api.DefaultBaseUrl is null)
        {
            writer.Line("/// <remarks>The API description names no absolute server URL: set <see cref=\"Aitronos.Codegen.Runtime.ApiClientOptions.BaseUrl\"/>.</remarks>");
        }

        writer.OpenBlock($"{context.Accessibility} sealed partial class {options} : {Runtime}.ApiClientOptions");
        SecurityEmitter.EmitOptionProperties(writer, api, options);
        writer.CloseBlock();
        writer.Line();

        writer.Doc("summary", api.Title);
        writer.Doc("remarks", api.Description);
        writer.OpenBlock($"{context.Accessibility} sealed partial class {client} : global::System.IDisposable");
        writer.Line($"private static readonly {Runtime}.ApiDescription s_api = new(");
        writer.Line($"\t{CSharpLiterals.String(client)},");
        var arguments = new List<string> { api.DefaultBaseUrl is null ? "null" : CSharpLiterals.String(api.DefaultBaseUrl) };
        arguments.AddRange(SecurityEmitter.DescriptionArguments(api));
        for (int i = 0; i < arguments.Count; i++)
        {
            writer.Line("\t" + arguments[i] + (i == arguments.Count - 1 ? ");" : ","));
        }

        SecurityEmitter.EmitRequirements(writer, api);
        writer.Line();
        writer.Line($"private readonly {Runtime}.ApiTransport _transport;");
        writer.Line();

        string defaults = DescribeDefaults(api);
        writer.Doc("summary", "Creates a client with default options" + defaults + ".");
        writer.Line($"public {client}()");
        writer.Line($"\t: this(new {options}())");
        writer.Line("{");
        writer.Line("}");
        writer.Line();
        writer.Doc("summary", "Creates a client that owns its HTTP connection pool; keep one for the life of the application.");
        writer.Doc("param", "Credentials, base URL and the rest; unset credentials come from the environment" + defaults + ".", "name=\"options\"");
        writer.Line($"public {client}({options} options)");
        writer.Line("\t: this(options, null)");
        writer.Line("{");
        writer.Line("}");
        writer.Line();
        writer.Doc("summary", "Creates a client over an HttpClient you own (for example one from IHttpClientFactory); it is not disposed with the client.");
        writer.Doc("param", "Credentials, base URL and the rest.", "name=\"options\"");
        writer.Doc("param", "The HttpClient to send requests with, or null for one the client owns.", "name=\"httpClient\"");
        writer.OpenBlock($"public {client}({options}? options, global::System.Net.Http.HttpClient? httpClient)");
        writer.Line($"_transport = new {Runtime}.ApiTransport(s_api, options, httpClient);");
        foreach (OperationGroupModel group in api.Groups.Where(g => g.PropertyName is not null))
        {
            writer.Line($"{group.PropertyName} = new {group.ClassName}(_transport);");
        }

        writer.CloseBlock();

        foreach (OperationGroupModel group in api.Groups.Where(g => g.PropertyName is not null))
        {
            writer.Line();
            writer.Doc("summary", group.Description ?? "Operations tagged '" + group.PropertyName + "'.");
            writer.Line($"public {group.ClassName} {group.PropertyName} {{ get; }}");
        }

        writer.Line();
        writer.Doc("summary", "Releases the HTTP connection pool if the client created it.");
        writer.Line("public void Dispose() => _transport.Dispose();");

        foreach (OperationGroupModel group in api.Groups.Where(g => g.PropertyName is null))
        {
            foreach (OperationModel operation in group.Operations)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                writer.Line();
                OperationEmitter.Emit(context, writer, operation);
            }
        }

        foreach (OperationGroupModel group in api.Groups.Where(g => g.PropertyName is not null))
        {
            writer.Line();
            writer.Doc("summary", group.Description ?? "Operations tagged '" + group.PropertyName + "'.");
            writer.OpenBlock($"public sealed partial class {group.ClassName}");
            writer.Line($"private readonly {Runtime}.ApiTransport _transport;");
            writer.Line();
            writer.Line($"internal {group.ClassName}({Runtime}.ApiTransport transport) => _transport = transport;");
            foreach (OperationModel operation in group.Operations)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                writer.Line();
                OperationEmitter.Emit(context, writer, operation);
            }

            writer.CloseBlock();
        }

        writer.CloseBlock();
        return EmitContext.FinishFile(writer);
    }

    private static string DescribeDefaults(ApiModel api)
    {
        var parts = new List<string>();
        foreach (SecuritySchemeModel scheme in api.SecuritySchemes)
        {
            string? first = scheme.EnvironmentVariable;
            string? second = scheme.SecondEnvironmentVariable;
            string? part = scheme.Kind switch
            {
                SecuritySchemeKind.ApiKey when first is not null => "the API key from " + first,
                SecuritySchemeKind.Bearer when first is not null => "the access token from " + first,
                SecuritySchemeKind.Basic when first is not null || second is not null => "the user name and password from " + (first ?? "-") + " and " + (second ?? "-"),
                SecuritySchemeKind.OAuth2ClientCredentials when first is not null || second is not null => "the client id and secret from " + (first ?? "-") + " and " + (second ?? "-"),
                _ => null,
            };
            if (part is not null && !parts.Contains(part))
            {
                parts.Add(part);
            }
        }

        return parts.Count == 0 ? string.Empty : " (" + string.Join(", ", parts) + ")";
    }
}
