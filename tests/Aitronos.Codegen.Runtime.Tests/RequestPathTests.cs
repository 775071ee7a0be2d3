using System;
using Aitronos.Codegen.Runtime;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

public sealed class RequestPathTests
{
    [Fact]
    public void Segment_is_escaped_so_that_it_stays_one_segment()
    {
        var path = new RequestPath("/organizations/").Segment("org/1 x?#é").Literal("/knowledge").ToString();

        Assert.Equal("/organizations/org%2F1%20x%3F%23%C3%A9/knowledge", path);
    }

    [Fact]
    public void Query_starts_with_question_mark_then_uses_ampersands_and_escapes_name_and_value()
    {
        var path = new RequestPath("/jobs").Query("limit", "5").Query("q", "a&b=c d").Query("odd name", "+").ToString();

        Assert.Equal("/jobs?limit=5&q=a%26b%3Dc%20d&odd%20name=%2B", path);
    }

    [Fact]
    public void Null_query_value_is_skipped()
    {
        var path = new RequestPath("/jobs").Query("offset", (string?)null).Query("limit", "5").Query("after", (string?)null).ToString();

        Assert.Equal("/jobs?limit=5", path);
    }

    [Fact]
    public void Array_query_is_exploded_and_null_array_or_items_are_skipped()
    {
        var path = new RequestPath("/jobs")
            .Query("tag", new[] { "a", null!, "b c" })
            .Query("none", (string[]?)null)
            .Query("empty", Array.Empty<string>())
            .ToString();

        Assert.Equal("/jobs?tag=a&tag=b%20c", path);
    }

    [Fact]
    public void Literal_holding_a_query_makes_the_next_parameter_use_an_ampersand()
    {
        Assert.Equal("/jobs?fixed=1&limit=2", new RequestPath("/jobs?fixed=1").Query("limit", "2").ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public void Segment_that_would_change_the_endpoint_is_rejected(string value)
    {
        var exception = Assert.Throws<ArgumentException>(() => new RequestPath("/organizations/").Segment(value));

        Assert.Equal("value", exception.ParamName);
    }

    [Fact]
    public void Dots_inside_a_value_are_kept()
    {
        Assert.Equal("/files/..%2Fetc%2Fpasswd/a.b", new RequestPath("/files/").Segment("../etc/passwd").Literal("/").Segment("a.b").ToString());
    }

    [Fact]
    public void Segment_after_a_query_parameter_is_a_programming_error()
    {
        Assert.Throws<InvalidOperationException>(() => new RequestPath("/a/").Query("x", "1").Segment("b"));
    }
}
