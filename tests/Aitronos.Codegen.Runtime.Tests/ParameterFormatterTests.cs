using System;
using System.Globalization;
using Aitronos.Codegen.Runtime;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

public sealed class ParameterFormatterTests
{
    [Fact]
    public void Values_are_formatted_the_same_whatever_the_current_culture()
    {
        var original = CultureInfo.CurrentCulture;
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NegativeSign = "~";
        try
        {
            CultureInfo.CurrentCulture = culture;

            Assert.Equal("1.5", ParameterFormatter.Format(1.5));
            Assert.Equal("-42", ParameterFormatter.Format(-42));
            Assert.Equal("2.25", ParameterFormatter.Format(2.25m));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Primitive_values()
    {
        Assert.Equal("text", ParameterFormatter.Format("text"));
        Assert.Equal("true", ParameterFormatter.Format(true));
        Assert.Equal("false", ParameterFormatter.Format(false));
        Assert.Equal("2147483647", ParameterFormatter.Format(int.MaxValue));
        Assert.Equal("-9223372036854775808", ParameterFormatter.Format(long.MinValue));
        Assert.Equal("1.50", ParameterFormatter.Format(1.50m));
    }

    [Fact]
    public void Floating_point_values_round_trip()
    {
        Assert.Equal("0.1", ParameterFormatter.Format(0.1));
        Assert.Equal(0.1 + 0.2, double.Parse(ParameterFormatter.Format(0.1 + 0.2), CultureInfo.InvariantCulture));
        Assert.Equal("1E+21", ParameterFormatter.Format(1e21));
        Assert.Equal("3.4028235E+38", ParameterFormatter.Format(float.MaxValue));
        Assert.Equal("0.1", ParameterFormatter.Format(0.1f));
    }

    [Fact]
    public void Dates_and_times_use_ISO_8601()
    {
        Assert.Equal("2025-12-22T15:30:00.0000000+00:00", ParameterFormatter.Format(new DateTimeOffset(2025, 12, 22, 15, 30, 0, TimeSpan.Zero)));
        Assert.Equal("2025-12-22T15:30:00.0000000+02:00", ParameterFormatter.Format(new DateTimeOffset(2025, 12, 22, 15, 30, 0, TimeSpan.FromHours(2))));
        Assert.Equal("2025-12-22T15:30:00.0000000Z", ParameterFormatter.Format(new DateTime(2025, 12, 22, 15, 30, 0, DateTimeKind.Utc)));
        Assert.Equal("2025-01-02", ParameterFormatter.Format(new DateOnly(2025, 1, 2)));
        Assert.Equal("09:05:00", ParameterFormatter.Format(new TimeOnly(9, 5)));
        Assert.Equal("09:05:07.25", ParameterFormatter.Format(new TimeOnly(9, 5, 7, 250)));
    }

    [Fact]
    public void Guid_and_uri()
    {
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", ParameterFormatter.Format(Guid.Parse("0F8FAD5B-D9CB-469F-A165-70867728950E")));
        Assert.Equal("https://example.com/a b", ParameterFormatter.Format(new Uri("https://example.com/a b")));
    }
}
