using Ksst.Registration.Countries;

namespace Ksst.UnitTests.Registration;

public sealed class ColomboPlanMembersTests
{
    [Fact]
    public void The_plan_has_27_members_with_alpha2_codes()
    {
        Assert.Equal(27, ColomboPlanMembers.All.Count);
        Assert.All(ColomboPlanMembers.All.Keys, code => Assert.Matches("^[A-Z]{2}$", code));
    }

    [Theory]
    [InlineData("ID", "Indonesia")]
    [InlineData("LA", "Lao PDR")]
    [InlineData("KR", "Republic of Korea")]
    [InlineData("VN", "Viet Nam")]
    public void Members_are_named_as_the_plan_names_them(string code, string name) =>
        Assert.Equal(name, ColomboPlanMembers.All[code]);
}
