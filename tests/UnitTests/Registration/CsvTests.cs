using Ksst.Registration.Nominations;

namespace Ksst.UnitTests.Registration;

public sealed class CsvTests
{
    [Theory]
    [InlineData("Nimali Perera", "Nimali Perera")]
    [InlineData("Perera, Nimali", "\"Perera, Nimali\"")]
    [InlineData("The \"Batik\" House", "\"The \"\"Batik\"\" House\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+62 812", "'+62 812")]
    [InlineData("Nguyễn Thị Hương", "Nguyễn Thị Hương")]
    public void Fields_are_quoted_as_rfc_4180_says_and_never_run_as_formulas(string value, string expected) =>
        Assert.Equal(expected, Csv.Field(value));

    [Fact]
    public void A_line_joins_fields_with_commas() =>
        Assert.Equal("a,\"b,c\",", Csv.Line(["a", "b,c", ""]));
}
