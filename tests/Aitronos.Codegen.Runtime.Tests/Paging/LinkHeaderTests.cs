using Aitronos.Codegen.Runtime;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests.Paging;

/// <summary>The RFC 8288 <c>Link</c> header as servers write it: finding the <c>next</c> link among others.</summary>
public sealed class LinkHeaderTests
{
    [Fact]
    public void GitHubs_header_gives_its_next_link()
    {
        const string header = "<https://api.github.com/repositories/1300192/issues?page=2>; rel=\"prev\", "
            + "<https://api.github.com/repositories/1300192/issues?page=4>; rel=\"next\", "
            + "<https://api.github.com/repositories/1300192/issues?page=515>; rel=\"last\", "
            + "<https://api.github.com/repositories/1300192/issues?page=1>; rel=\"first\"";

        Assert.Equal("https://api.github.com/repositories/1300192/issues?page=4", LinkHeader.Find(new[] { header }, "next"));
        Assert.Equal("https://api.github.com/repositories/1300192/issues?page=1", LinkHeader.Find(new[] { header }, "first"));
    }

    [Theory]
    [InlineData("</items?page=2>; rel=next", "/items?page=2")]
    [InlineData("</items?page=2>;rel=NEXT", "/items?page=2")]
    [InlineData("</a>; title=\"x, rel=next; y\"; rel=\"prev\", </b>; rel=\"next\"", "/b")]
    [InlineData("</a>; rel=\"prev next\"", "/a")]
    [InlineData("</a,b;c>; rel=\"next\"", "/a,b;c")]
    [InlineData("</a>; type=\"text/html\"; title*=UTF-8'de'n%c3%a4chste; rel=\"next\"", "/a")]
    [InlineData("</a>; rel=\"nextpage\", </b>; rel=\"next\"", "/b")]
    [InlineData("</a>; rel=\"ne\\\"xt\", </b>; rel=next", "/b")]
    public void The_next_link_is_found_whatever_the_quoting_order_and_company(string header, string expected)
    {
        Assert.Equal(expected, LinkHeader.Find(new[] { header }, "next"));
    }

    [Theory]
    [InlineData("</a>; rel=\"prev\"")]
    [InlineData("</a>; rel=\"last\", </b>; rel=\"first\"")]
    [InlineData("</a> garbage rel=next")]
    [InlineData("<unterminated; rel=next")]
    [InlineData("")]
    public void No_next_link_gives_null(string header)
    {
        Assert.Null(LinkHeader.Find(new[] { header }, "next"));
    }

    [Fact]
    public void Several_header_fields_are_searched_in_order()
    {
        Assert.Equal("/second", LinkHeader.Find(new[] { "</first>; rel=\"prev\"", "</second>; rel=\"next\"" }, "next"));
        Assert.Null(LinkHeader.Find(null, "next"));
    }
}
