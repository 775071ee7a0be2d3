using Aitronos.Codegen.Model;

namespace Aitronos.Codegen.Emitting;

/// <summary>
/// Emits <c>services.Add{Client}(...)</c> on <c>IHttpClientFactory</c>, for targets that reference
/// Microsoft.Extensions.Http (and, for the <c>IConfiguration</c> overload, Microsoft.Extensions.Configuration.Abstractions).
/// The logic lives in the runtime's <c>ApiClientRegistration</c>; this is the typed glue only.
/// </summary>
internal static class DependencyInjectionEmitter
{
    private const string Runtime = "global::Aitronos.Codegen.Runtime";
    private const string DI = "global::Microsoft.Extensions.DependencyInjection";
    private const string Options = "global::Microsoft.Extensions.Options";

    public static string? Emit(EmitContext context)
    {
        TargetFacts facts = context.Facts;
        if (!facts.HasHttpClientFactory)
        {
            return null;
        }

        SpecSettings settings = context.Settings;
        string client = "global::" + settings.Namespace + "." + settings.ClientName;
        string options = client + "Options";
        string name = settings.ClientName;
        string builder = DI + ".IHttpClientBuilder";
        string services = "this " + DI + ".IServiceCollection services";

        SourceWriter writer = context.StartFile();
        writer.Doc("summary", "Registers " + name + " with a service collection, as a typed client of IHttpClientFactory.");
        writer.OpenBlock($"{context.Accessibility} static partial class {name}ServiceCollectionExtensions");
        writer.Doc("summary", "The name of the client's HttpClient and of its options (IOptionsMonitor<" + name + "Options>.Get(name)).");
        writer.Line($"public const string HttpClientName = {CSharpLiterals.String(settings.Namespace + "." + name)};");
        if (facts.HasConfiguration)
        {
            writer.Line();
            writer.Doc("summary", "Adds " + name + " (see the other overload), its options read from a configuration section: option names as keys (BaseUrl, ApiKey, ApiKeys:{scheme}, Timeout, MaxRetries, DefaultHeaders:{name}, ...).");
            writer.Doc("param", "The service collection.", "name=\"services\"");
            writer.Doc("param", "The section, such as configuration.GetSection(\"" + name + "\"); read without reflection (trim- and AOT-safe).", "name=\"configuration\"");
            writer.Doc("param", "Sets options after the configuration, if given.", "name=\"configure\"");
            writer.Doc("returns", "The HttpClient's builder, to add handlers (such as a resilience handler) to.");
            writer.OpenBlock($"public static {builder} Add{name}({services}, global::Microsoft.Extensions.Configuration.IConfiguration configuration, global::System.Action<{options}>? configure = null)");
            writer.Line("if (configuration is null) throw new global::System.ArgumentNullException(nameof(configuration));");
            writer.Line($"return Add{name}(services, options =>");
            writer.Line("{");
            writer.Line($"\t{Runtime}.ApiClientRegistration.Bind(options, global::Microsoft.Extensions.Configuration.ConfigurationExtensions.AsEnumerable(configuration, makePathsRelative: true));");
            writer.Line("\tconfigure?.Invoke(options);");
            writer.Line("});");
            writer.CloseBlock();
        }

        writer.Line();
        writer.Doc("summary", "Adds " + name + " as a typed client of IHttpClientFactory (transient, over the factory's pooled handlers) with named options.");
        writer.Doc("remarks",
            "The client follows redirects itself (the primary handler's are off) and its Timeout and CallTimeout apply (the HttpClient's is infinite). "
            + "When the HttpClient's pipeline retries by itself (a handler from Microsoft.Extensions.Http.Resilience, such as AddStandardResilienceHandler(), or from Microsoft.Extensions.Http.Polly), "
            + "the client's own retries are turned off (MaxRetries = 0), so that no request is retried twice over.");
        writer.Doc("param", "The service collection.", "name=\"services\"");
        writer.Doc("param", "Sets the options (credentials, base URL, timeouts, retries), if given.", "name=\"configure\"");
        writer.Doc("returns", "The HttpClient's builder, to add handlers (such as a resilience handler) to.");
        writer.OpenBlock($"public static {builder} Add{name}({services}, global::System.Action<{options}>? configure = null)");
        writer.Line("if (services is null) throw new global::System.ArgumentNullException(nameof(services));");
        writer.Line($"var options = {DI}.OptionsServiceCollectionExtensions.AddOptions<{options}>(services, HttpClientName);");
        writer.Line("if (configure is not null) options.Configure(configure);");
        writer.Line($"options.PostConfigure<global::System.Net.Http.IHttpMessageHandlerFactory>(static (value, handlers) => {Runtime}.ApiClientRegistration.LeaveRetriesToHandlers(value, handlers.CreateHandler(HttpClientName)));");
        writer.Line($"var builder = {DI}.HttpClientFactoryServiceCollectionExtensions.AddHttpClient(services, HttpClientName);");
        writer.Line($"{DI}.HttpClientBuilderExtensions.ConfigurePrimaryHttpMessageHandler(builder, static () => {Runtime}.ApiClientRegistration.CreatePrimaryHandler());");
        writer.Line($"{DI}.HttpClientBuilderExtensions.ConfigureHttpClient(builder, static http => http.Timeout = global::System.Threading.Timeout.InfiniteTimeSpan);");
        writer.Line($"return {DI}.HttpClientBuilderExtensions.AddTypedClient<{client}>(builder, static (http, provider) =>");
        writer.Line($"\tnew {client}({DI}.ServiceProviderServiceExtensions.GetRequiredService<{Options}.IOptionsMonitor<{options}>>(provider).Get(HttpClientName), http));");
        writer.CloseBlock();
        writer.CloseBlock();
        return EmitContext.FinishFile(writer);
    }
}
