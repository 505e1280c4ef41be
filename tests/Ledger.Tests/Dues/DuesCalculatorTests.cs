using System.Globalization;
using PartyAffairs.Ledger.Dues;

namespace PartyAffairs.Ledger.Tests.Dues;

/// <summary>The 中组部 dues table at every boundary, to the fen.</summary>
public sealed class DuesCalculatorTests
{
    private static readonly DuesCalculator Calculator = new(new DuesOptions());

    [Theory]
    [InlineData("0", "0.005", "0.00")]
    [InlineData("2999.99", "0.005", "15.00")]
    [InlineData("3000", "0.005", "15.00")]
    [InlineData("3000.01", "0.01", "30.00")]
    [InlineData("4321.50", "0.01", "43.22")] // 43.215 rounds half away from zero
    [InlineData("5000", "0.01", "50.00")]
    [InlineData("5000.01", "0.015", "75.00")]
    [InlineData("8000", "0.015", "120.00")]
    [InlineData("10000", "0.015", "150.00")]
    [InlineData("10000.01", "0.02", "200.00")]
    [InlineData("25000", "0.02", "500.00")]
    public void Assess_Employed_RateByBracketAndAmountToTheFen(string income, string rate, string amount)
    {
        var result = Calculator.Assess(DuesCategory.Employed, Parse(income));

        Assert.Equal(Parse(rate), result.Rate);
        Assert.Equal(amount, result.MonthlyAmount.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("0", "0.005", "0.00")]
    [InlineData("5000", "0.005", "25.00")]
    [InlineData("5000.01", "0.01", "50.00")]
    [InlineData("6200", "0.01", "62.00")]
    public void Assess_Retired_HalfPercentUpTo5000ThenOne(string income, string rate, string amount)
    {
        var result = Calculator.Assess(DuesCategory.Retired, Parse(income));

        Assert.Equal(Parse(rate), result.Rate);
        Assert.Equal(amount, result.MonthlyAmount.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(DuesCategory.Student)]
    [InlineData(DuesCategory.Unemployed)]
    [InlineData(DuesCategory.Relief)]
    [InlineData(DuesCategory.MinimumLivingAllowance)]
    public void Assess_FlatCategories_TwentyFen(DuesCategory category)
    {
        var result = Calculator.Assess(category, 9000m);

        Assert.Equal("0.20", result.MonthlyAmount.ToString(CultureInfo.InvariantCulture));
        Assert.Null(result.Rate);
        Assert.Null(result.MonthlyIncome);
    }

    [Fact]
    public void Assess_Farmer_TheProvincesConfiguredAmount()
    {
        Assert.Equal(0.20m, Calculator.Assess(DuesCategory.Farmer, null).MonthlyAmount);
        Assert.Equal(0.50m, new DuesCalculator(new DuesOptions { FarmerMonthlyAmount = 0.5m }).Assess(DuesCategory.Farmer, null).MonthlyAmount);
    }

    [Fact]
    public void Assess_Exempt_Zero()
    {
        Assert.Equal(0m, Calculator.Assess(DuesCategory.Exempt, null).MonthlyAmount);
    }

    [Theory]
    [InlineData(DuesCategory.Employed)]
    [InlineData(DuesCategory.Retired)]
    public void Assess_NegativeOrMissingIncome_Error(DuesCategory category)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calculator.Assess(category, -0.01m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calculator.Assess(category, null));
    }

    [Theory]
    [InlineData("在职", DuesCategory.Employed)]
    [InlineData("退休", DuesCategory.Retired)]
    [InlineData("离退休", DuesCategory.Retired)]
    [InlineData("学生", DuesCategory.Student)]
    [InlineData("失业", DuesCategory.Unemployed)]
    [InlineData("低保", DuesCategory.MinimumLivingAllowance)]
    [InlineData("农民党员", DuesCategory.Farmer)]
    public void Categories_NamesAndAliases_Parsed(string text, DuesCategory expected)
    {
        Assert.Equal(expected, DuesCategories.Parse(text));
    }

    private static decimal Parse(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
