using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Aitronos.Codegen.Runtime;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>
/// Every parameter style against the OpenAPI specification's "Style Examples" table (3.1, section 4.8.12.4), with our
/// own values: the array <c>["ash","oak","elm"]</c> and the object <c>{"h":"12","w":"3"}</c>, parameter <c>id</c>.
/// </summary>
public sealed class ParameterStyleTests
{
    private static readonly string[] Trees = { "ash", "oak", "elm" };
    private static readonly JsonTypeInfo<JsonElement> Element = (JsonTypeInfo<JsonElement>)JsonSerializerOptions.Default.GetTypeInfo(typeof(JsonElement));

    [Theory]
    [InlineData(ParameterStyle.Simple, false, "7", "ash,oak,elm", "h,12,w,3")]
    [InlineData(ParameterStyle.Simple, true, "7", "ash,oak,elm", "h=12,w=3")]
    [InlineData(ParameterStyle.Label, false, ".7", ".ash,oak,elm", ".h,12,w,3")]
    [InlineData(ParameterStyle.Label, true, ".7", ".ash.oak.elm", ".h=12.w=3")]
    [InlineData(ParameterStyle.Matrix, false, ";id=7", ";id=ash,oak,elm", ";id=h,12,w,3")]
    [InlineData(ParameterStyle.Matrix, true, ";id=7", ";id=ash;id=oak;id=elm", ";h=12;w=3")]
    public void Path_styles_follow_the_specifications_table(ParameterStyle style, bool explode, string scalar, string array, string obj)
    {
        Assert.Equal("/t/" + scalar, new RequestPath("/t/").Segment("7", style, "id", "id").ToString());
        Assert.Equal("/t/" + array, new RequestPath("/t/").Segment(Trees, style, explode, "id", "id").ToString());
        Assert.Equal("/t/" + array, new RequestPath("/t/").Segment(Json("""["ash","oak","elm"]"""), Element, style, explode, "id", "id").ToString());
        Assert.Equal("/t/" + obj, new RequestPath("/t/").Segment(Json("""{"h":"12","w":"3"}"""), Element, style, explode, "id", "id").ToString());
    }

    [Fact]
    public void Path_values_are_escaped_and_the_styles_delimiters_are_not()
    {
        var path = new RequestPath("/t/").Segment(new[] { "a,b", "c/d", "e;f=g" }, ParameterStyle.Matrix, false, "id", "id").Literal("/x").ToString();

        Assert.Equal("/t/;id=a%2Cb,c%2Fd,e%3Bf%3Dg/x", path);
    }

    [Fact]
    public void Matrix_writes_an_empty_value_without_equals_sign()
    {
        Assert.Equal("/t/;id", new RequestPath("/t/").Segment(string.Empty, ParameterStyle.Matrix, "id", "id").ToString());
    }

    [Theory]
    [InlineData(ParameterStyle.Simple, "")]
    [InlineData(ParameterStyle.Label, ".")]
    [InlineData(ParameterStyle.Simple, ".")]
    public void Path_text_that_would_change_the_endpoint_is_rejected_and_nothing_is_appended(ParameterStyle style, string value)
    {
        var path = new RequestPath("/t/");
        var exception = Assert.Throws<ArgumentException>(() => path.Segment(value, style, "id", "itemId"));

        Assert.Equal("itemId", exception.ParamName);
        Assert.Equal("/t/", path.ToString());
    }

    [Fact]
    public void An_empty_array_in_the_path_is_rejected()
    {
        var exception = Assert.Throws<ArgumentException>(() => new RequestPath("/t/").Segment(Array.Empty<string>(), ParameterStyle.Simple, false, "id", "ids"));

        Assert.Equal("ids", exception.ParamName);
    }

    [Theory]
    [InlineData(ParameterStyle.Form, true, "?id=ash&id=oak&id=elm", "?h=12&w=3")]
    [InlineData(ParameterStyle.Form, false, "?id=ash,oak,elm", "?id=h,12,w,3")]
    [InlineData(ParameterStyle.SpaceDelimited, false, "?id=ash%20oak%20elm", "?id=h%2012%20w%203")]
    [InlineData(ParameterStyle.PipeDelimited, false, "?id=ash%7Coak%7Celm", "?id=h%7C12%7Cw%7C3")]
    [InlineData(ParameterStyle.SpaceDelimited, true, "?id=ash&id=oak&id=elm", "?h=12&w=3")]
    [InlineData(ParameterStyle.DeepObject, true, "?id[0]=ash&id[1]=oak&id[2]=elm", "?id[h]=12&id[w]=3")]
    public void Query_styles_follow_the_specifications_table(ParameterStyle style, bool explode, string array, string obj)
    {
        Assert.Equal("/t" + array, new RequestPath("/t").Query("id", Trees, style, explode).ToString());
        Assert.Equal("/t" + array, new RequestPath("/t").Query("id", Json("""["ash","oak","elm"]"""), Element, style, explode).ToString());
        Assert.Equal("/t" + obj, new RequestPath("/t").Query("id", Json("""{"h":"12","w":"3"}"""), Element, style, explode).ToString());
    }

    [Fact]
    public void Query_values_are_escaped_so_that_a_comma_inside_one_is_not_a_delimiter()
    {
        var path = new RequestPath("/t").Query("q", "1").Query("id", new[] { "a,b", "c&d" }, ParameterStyle.Form, false).ToString();

        Assert.Equal("/t?q=1&id=a%2Cb,c%26d", path);
    }

    [Fact]
    public void DeepObject_nests_in_brackets_and_indexes_arrays_as_form_bodies_do()
    {
        var path = new RequestPath("/t").Query("f", Json("""{"created":{"gt":5,"lt":9},"tags":["a b","c"],"none":null}"""), Element, ParameterStyle.DeepObject, true).ToString();

        Assert.Equal("/t?f[created][gt]=5&f[created][lt]=9&f[tags][0]=a%20b&f[tags][1]=c&f[none]=", path);
    }

    [Fact]
    public void Values_nested_in_a_form_object_fall_back_to_bracket_notation()
    {
        var exploded = new RequestPath("/t").Query("f", Json("""{"a":1,"b":{"c":true}}"""), Element, ParameterStyle.Form, true).ToString();
        var joined = new RequestPath("/t").Query("f", Json("""{"a":1,"b":{"c":true}}"""), Element, ParameterStyle.Form, false).ToString();

        Assert.Equal("/t?a=1&b[c]=true", exploded);
        Assert.Equal("/t?f[a]=1&f[b][c]=true", joined);
    }

    [Fact]
    public void AllowReserved_keeps_reserved_characters_and_encoded_triples_but_not_those_that_would_break_the_query()
    {
        var path = new RequestPath("/t").Query("u", "https://x.test/a?b=c,d;e[f]@g!$'()*%2F #&+é", allowReserved: true).ToString();

        Assert.Equal("/t?u=https://x.test/a?b=c,d;e[f]@g!$'()*%2F%20%23%26%2B%C3%A9", path);
        Assert.Equal("/t?u=a%2Fb", new RequestPath("/t").Query("u", "a/b", allowReserved: false).ToString());
    }

    [Fact]
    public void Empty_or_null_query_values_send_nothing_and_null_items_are_skipped()
    {
        var path = new RequestPath("/t")
            .Query("a", Array.Empty<string>(), ParameterStyle.Form, false)
            .Query("b", (string[]?)null, ParameterStyle.PipeDelimited, false)
            .Query("c", new[] { "x", null!, "y" }, ParameterStyle.PipeDelimited, false)
            .Query("d", Json("{}"), Element, ParameterStyle.DeepObject, true)
            .ToString();

        Assert.Equal("/t?c=x%7Cy", path);
    }

    [Fact]
    public void Header_is_simple_and_not_escaped()
    {
        Assert.Equal("ash,oak,elm", ParameterFormatter.Header(Trees));
        Assert.Equal("ash|oak|elm", ParameterFormatter.Header(Trees, ParameterStyle.PipeDelimited));
        Assert.Equal("h,12,w,3", ParameterFormatter.Header(Json("""{"h":"12","w":"3"}"""), Element, explode: false));
        Assert.Equal("h=12,w=3", ParameterFormatter.Header(Json("""{"h":"12","w":"3"}"""), Element, explode: true));
        Assert.Equal("a b,c/d", ParameterFormatter.Header(new[] { "a b", "c/d" }));
    }

    [Theory]
    [InlineData(false, "id=ash%2Coak%2Celm", "id=h%2C12%2Cw%2C3")]
    [InlineData(true, "id=ash; id=oak; id=elm", "h=12; w=3")]
    public void Cookies_are_form_style_pairs_in_one_Cookie_header(bool explode, string array, string obj)
    {
        Assert.Equal(array, Cookie(request => RequestCookies.Add(request, "id", Trees, explode)));
        Assert.Equal(obj, Cookie(request => RequestCookies.Add(request, "id", Json("""{"h":"12","w":"3"}"""), Element, explode)));
    }

    [Fact]
    public void Cookies_add_up_and_their_values_are_escaped()
    {
        var cookie = Cookie(request =>
        {
            RequestCookies.Add(request, "session", "a b;c,d\"é");
            RequestCookies.Add(request, "lang", "de");
            RequestCookies.Add(request, "none", Array.Empty<string>(), explode: true);
        });

        Assert.Equal("session=a%20b%3Bc%2Cd%22%C3%A9; lang=de", cookie);
    }

    [Fact]
    public void Content_parameter_is_its_JSON_text()
    {
        var json = ParameterFormatter.Json(Json("""{"lat": 47.5, "tags": ["a"]}"""), Element);

        Assert.Equal("""{"lat":47.5,"tags":["a"]}""", json);
        Assert.Equal("/t?near=%7B%22lat%22%3A47.5%2C%22tags%22%3A%5B%22a%22%5D%7D", new RequestPath("/t").Query("near", json).ToString());
    }

    [Fact]
    public void Format_byte_is_base64_and_escaped_in_the_query()
    {
        var bytes = new byte[] { 0xFB, 0xFF, 0x01 };

        Assert.Equal("+/8B", ParameterFormatter.Format(bytes));
        Assert.Equal("/t?b=%2B%2F8B", new RequestPath("/t").Query("b", ParameterFormatter.Format(bytes)).ToString());
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static string? Cookie(Action<HttpRequestMessage> add)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");
        add(request);
        return request.Headers.TryGetValues("Cookie", out var values) ? string.Join("|", values) : null;
    }
}
