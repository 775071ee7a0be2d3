using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>
/// The form and multipart rules of the runtime, one style at a time, over a body given as JSON (a generated model
/// writes exactly such JSON). Each form is decoded by ASP.NET Core's own form reader.
/// </summary>
public sealed class BodyEncodingTests
{
    // A map of files, written the way generated models write their ApiFile properties.
    private static readonly JsonTypeInfo<Dictionary<string, ApiFile>> FileMap = (JsonTypeInfo<Dictionary<string, ApiFile>>)new JsonSerializerOptions
    {
        Converters = { new FileConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    }.GetTypeInfo(typeof(Dictionary<string, ApiFile>));

    private static readonly JsonTypeInfo<JsonElement> Element = (JsonTypeInfo<JsonElement>)JsonSerializerOptions.Default.GetTypeInfo(typeof(JsonElement));

    [Theory]
    // style: form, explode: true (the default): arrays repeat the name, objects become pairs of their own.
    [InlineData("""{"a":["x","y"]}""", "Form", true, "a=x; a=y")]
    [InlineData("""{"color":{"r":1,"g":2}}""", "Form", true, "r=1; g=2")]
    // Not exploded: joined by the style's delimiter, an object as name,value pairs.
    [InlineData("""{"a":["x","y"]}""", "Form", false, "a=x,y")]
    [InlineData("""{"color":{"r":1,"g":2}}""", "Form", false, "color=r,1,g,2")]
    [InlineData("""{"a":["x","y"]}""", "SpaceDelimited", false, "a=x y")]
    [InlineData("""{"a":["x","y"]}""", "PipeDelimited", false, "a=x|y")]
    [InlineData("""{"a":["","y"]}""", "PipeDelimited", false, "a=|y")]
    // deepObject: brackets all the way down, arrays by index.
    [InlineData("""{"m":{"k":"v","n":{"o":[1,[2]]}}}""", "DeepObject", true, "m[k]=v; m[n][o][0]=1; m[n][o][1][0]=2")]
    // What a style cannot express falls back to brackets.
    [InlineData("""{"a":[{"p":1}]}""", "Form", true, "a[0][p]=1")]
    [InlineData("""{"a":[{"p":1}]}""", "Form", false, "a[0][p]=1")]
    // Scalars whatever the style; null is an empty value (how form APIs clear a field); empty containers send nothing.
    [InlineData("""{"n":1.50,"b":false,"s":"x y","z":null,"e":[],"o":{}}""", "DeepObject", true, "n=1.50; b=false; s=x y; z=")]
    public async Task A_form_follows_the_style(string json, string style, bool explode, string expected)
    {
        using var document = JsonDocument.Parse(json);
        var fields = document.RootElement.EnumerateObject().Select(p => new BodyField(p.Name, Enum.Parse<FormStyle>(style), explode)).ToArray();

        var pairs = await FormPairs(ApiTransport.CreateFormContent(document.RootElement, Element, fields));

        Assert.Equal(expected, string.Join("; ", pairs.Select(p => p.Key + "=" + p.Value)));
    }

    [Fact]
    public async Task A_form_field_with_a_JSON_content_type_is_sent_as_JSON_text()
    {
        using var document = JsonDocument.Parse("""{"filter":{"a":[1,2]},"plain":"x"}""");

        var pairs = await FormPairs(ApiTransport.CreateFormContent(document.RootElement, Element, new BodyField("filter", contentType: "application/json")));

        Assert.Equal("""filter={"a":[1,2]}; plain=x""", string.Join("; ", pairs.Select(p => p.Key + "=" + p.Value)));
    }

    [Fact]
    public void A_form_body_that_is_not_an_object_is_refused_with_what_it_is()
    {
        using var document = JsonDocument.Parse("[1]");

        var error = Assert.Throws<ArgumentException>(() => ApiTransport.CreateFormContent(document.RootElement, Element));

        Assert.Contains("must be an object, not a JSON Array", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Multipart_leaves_nulls_out_and_sends_an_array_as_one_JSON_part_when_the_spec_says_JSON()
    {
        using var document = JsonDocument.Parse("""{"tags":["a","b"],"ids":[1,2],"gone":null,"note":"x"}""");

        var content = ApiTransport.CreateMultipartContent(document.RootElement, Element, new BodyField("ids", contentType: "application/json"), new BodyField("note", contentType: "text/markdown"));

        var parts = new List<string>();
        foreach (var part in (MultipartFormDataContent)content)
        {
            parts.Add($"{part.Headers.ContentDisposition!.Name}={await part.ReadAsStringAsync()} ({part.Headers.ContentType})");
        }

        Assert.Contains("Content-Disposition: form-data; name=\"tags\"\r\n", await content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(
            ["tags=a ()", "tags=b ()", "ids=[1,2] (application/json; charset=utf-8)", "note=x (text/markdown; charset=utf-8)"],
            parts);
    }

    [Fact]
    public async Task A_multipart_property_with_a_style_is_sent_as_the_field_parts_a_form_would_have()
    {
        using var document = JsonDocument.Parse("""{"tags":["a","b"],"filter":{"k":"v"},"plain":["x"]}""");

        var content = ApiTransport.CreateMultipartContent(document.RootElement, Element, new BodyField("tags", explode: false), new BodyField("filter", FormStyle.DeepObject));

        var parts = new List<string>();
        foreach (var part in (MultipartFormDataContent)content)
        {
            parts.Add($"{part.Headers.ContentDisposition!.Name}={await part.ReadAsStringAsync()}");
        }

        Assert.Equal(["tags=a,b", "filter[k]=v", "plain=x"], parts);
    }

    [Fact]
    public async Task A_file_name_with_non_ASCII_letters_goes_as_UTF_8_as_browsers_send_it_and_reads_back()
    {
        using var document = JsonDocument.Parse("""{"n":1}""");
        var file = new ApiFile(new byte[] { 1 }, "Grüße \"2025\".pdf");
        var content = (MultipartFormDataContent)ApiTransport.CreateMultipartContent(new Dictionary<string, ApiFile> { ["doc"] = file }, FileMap);

        var raw = await content.ReadAsByteArrayAsync();
        Assert.Contains("Content-Disposition: form-data; name=\"doc\"; filename=\"Grüße %222025%22.pdf\"\r\n", System.Text.Encoding.UTF8.GetString(raw), StringComparison.Ordinal);
        var boundary = content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var reader = new MultipartReader(boundary, new MemoryStream(raw));
        var section = await reader.ReadNextSectionAsync();
        var disposition = Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.Parse(section!.ContentDisposition);

        Assert.Equal("Grüße %222025%22.pdf", Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(disposition.FileName).Value);
    }

    private static async Task<List<KeyValuePair<string, string>>> FormPairs(HttpContent content)
    {
        Assert.Equal("application/x-www-form-urlencoded", content.Headers.ContentType!.MediaType);
        var pairs = new List<KeyValuePair<string, string>>();
        using var reader = new FormReader(new MemoryStream(await content.ReadAsByteArrayAsync()));
        while (await reader.ReadNextPairAsync() is { } pair)
        {
            pairs.Add(pair);
        }

        return pairs;
    }

    private sealed class FileConverter : System.Text.Json.Serialization.JsonConverter<ApiFile>
    {
        public override ApiFile Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, ApiFile value, JsonSerializerOptions options) =>
            Aitronos.Codegen.Runtime.Serialization.JsonFileExtensions.WriteFileValue(writer, value);
    }
}
