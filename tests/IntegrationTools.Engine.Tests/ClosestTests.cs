using IntegrationTools.Text;

namespace IntegrationTools.Engine.Tests;

public class ClosestTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("/pets", "/pets", 0)]
    [InlineData("/pet/{id}", "/pets/{id}", 1)]
    [InlineData("/pets/{id}", "/pets/{petId}", 3)]
    [InlineData("ABC", "abc", 0)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("GET", "POST", 3)]
    public void Distance_IsCaseInsensitiveLevenshtein(string a, string b, int expected)
    {
        Assert.Equal(expected, Closest.Distance(a, b));
        Assert.Equal(expected, Closest.Distance(b, a));
    }

    [Fact]
    public void To_OrdersByDistanceThenOrdinally_AndTakesThree()
    {
        var candidates = new[] { "/users", "/pets/{id}/toys", "/pets", "/pets/{id}", "/", "/users/{id}", "/pets/{id}" };

        var closest = Closest.To("/pet/{id}", candidates);

        // distances: /pets/{id} 1 (listed twice, kept once), /users/{id} 4, /pets 5, /pets/{id}/toys 6, /users 8, / 8
        Assert.Equal(new[] { "/pets/{id}", "/users/{id}", "/pets" }, closest);
        Assert.Equal(new[] { "/pets/{id}", "/users/{id}", "/pets", "/pets/{id}/toys", "/", "/users" }, Closest.To("/pet/{id}", candidates, count: 10));
    }

    [Fact]
    public void To_BreaksTiesOrdinally()
    {
        Assert.Equal(new[] { "PUT", "GET" }, Closest.To("PAT", new[] { "GET", "PUT", "PATCH" }, count: 2));
        Assert.Equal(new[] { "ab", "ba", "bb" }, Closest.To("aa", new[] { "bb", "ba", "ab" }));
    }

    [Fact]
    public void To_HonoursCount_AndHandlesNoCandidates()
    {
        Assert.Empty(Closest.To("/x", Array.Empty<string>()));
        Assert.Single(Closest.To("/x", new[] { "/a", "/b", "/c" }, count: 1));
        Assert.Equal(3, Closest.To("/x", new[] { "/a", "/b", "/c", "/d" }).Count);
        Assert.Equal(2, Closest.To("/x", new[] { "/a", "/b" }, count: 5).Count);
    }
}
