using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Security;

namespace Portal.ServiceDefaults.Tests.Permissions;

/// <summary>docs/permission-chart.md and <see cref="PermissionMatrix"/> are the same chart, row by row and cell by cell.</summary>
public sealed class PermissionChartTests
{
    private static readonly string Document = File.ReadAllText(PermissionChart.DocumentPath());

    [Fact]
    public void The_matrix_holds_exactly_the_rows_scopes_and_restrictions_of_the_chart_document()
    {
        var differences = PermissionChart.DifferencesFrom(PermissionChart.Parse(Document), PermissionMatrix.All);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void The_chart_document_has_the_five_sections_of_the_seed_chart()
    {
        var sections = PermissionChart.Parse(Document).Select(r => r.Section).Distinct();
        Assert.Equal(
            ["Managing organizations", "Managing staff accounts", "Managing student accounts", "Managing groups", "Managing assessments"],
            sections);
    }

    [Fact]
    public void Every_matrix_permission_has_a_name_unique_within_its_section()
    {
        Assert.All(PermissionMatrix.All.GroupBy(p => (p.Section, p.Name)), g => Assert.Single(g));
    }

    [Fact]
    public void A_changed_scope_in_the_chart_is_reported()
    {
        var changed = Edit("| Editing educator accounts | Organisation | Organisation | Own institution | Self |",
                           "| Editing educator accounts | Organisation | Organisation | Own institution | Own classes |");

        var difference = Assert.Single(PermissionChart.DifferencesFrom(PermissionChart.Parse(changed), PermissionMatrix.All));
        Assert.Contains($"gives {StaffType.Teacher} Self in the matrix, OwnClasses in the chart", difference);
    }

    [Fact]
    public void A_changed_restriction_in_the_chart_is_reported()
    {
        var changed = Edit("Teachers may only import students and groups assigned to them",
                           "Teachers may import any student");

        var difference = Assert.Single(PermissionChart.DifferencesFrom(PermissionChart.Parse(changed), PermissionMatrix.All));
        Assert.Contains("'Self-roster accounts and groups through bulk import' restriction", difference);
    }

    [Fact]
    public void A_row_removed_from_the_chart_is_reported_as_a_permission_the_chart_lacks()
    {
        var changed = Edit("| Scheduling assessment windows | Organisation | Organisation | Own institution | — | — |\n", "");

        var difference = Assert.Single(PermissionChart.DifferencesFrom(PermissionChart.Parse(changed), PermissionMatrix.All));
        Assert.Equal("The chart has no row 'Scheduling assessment windows' under 'Managing assessments'.", difference);
    }

    [Fact]
    public void A_row_added_to_the_chart_is_reported_as_missing_from_the_matrix()
    {
        var changed = Edit("| Exporting assessment data |",
                           "| Grading essays | Organisation | — | — | — | — |\n| Exporting assessment data |");

        var difference = Assert.Single(PermissionChart.DifferencesFrom(PermissionChart.Parse(changed), PermissionMatrix.All));
        Assert.Contains("the matrix has no 'Grading essays' under 'Managing assessments'", difference);
    }

    [Fact]
    public void A_row_under_a_different_section_heading_does_not_match()
    {
        var changed = Edit("## Managing assessments", "## Managing tests");

        var differences = PermissionChart.DifferencesFrom(PermissionChart.Parse(changed), PermissionMatrix.All);
        Assert.Equal(2 * PermissionMatrix.All.Count(p => p.Section == "Managing assessments"), differences.Count);
    }

    [Fact]
    public void A_row_listed_twice_is_reported()
    {
        var row = "| Managing custom forms | Organisation | Organisation | Own institution | Own classes | — |\n";
        var changed = Edit(row, row + row);

        Assert.Contains(PermissionChart.DifferencesFrom(PermissionChart.Parse(changed), PermissionMatrix.All),
            d => d.Contains("'Managing custom forms' under 'Managing student accounts' 2 times"));
    }

    [Theory]
    [InlineData("| Viewing assessment results | Organisation | Organisation | Own institution | Own classes | — |",
                "| Viewing assessment results | Organisation | Organisation | Own school | Own classes | — |")]
    [InlineData("| Viewing assessment results | Organisation | Organisation | Own institution | Own classes | — |",
                "| Viewing assessment results | Organisation | Organisation | Own institution | Own classes |")]
    [InlineData("| Viewing assessment results | Organisation | Organisation | Own institution | Own classes | — |",
                "| Viewing assessment results | Organisation | Organisation | Own institution | Own classes | — ")]
    [InlineData("| Permission | District Administrator | Customer Administrator | Building Administrator | Teacher | Restriction |\n|---|---|---|---|---|---|\n| Viewing assessment results",
                "| Permission | Customer Administrator | District Administrator | Building Administrator | Teacher | Restriction |\n|---|---|---|---|---|---|\n| Viewing assessment results")]
    public void A_row_that_does_not_read_as_a_chart_row_fails_the_parse(string original, string replacement)
    {
        Assert.Throws<FormatException>(() => PermissionChart.Parse(Edit(original, replacement)));
    }

    [Fact]
    public void A_row_before_any_section_heading_fails_the_parse()
    {
        Assert.Throws<FormatException>(() => PermissionChart.Parse("# Chart\n\n| Editing school information | Organisation | — | — | — | — |\n"));
    }

    private static string Edit(string original, string replacement)
    {
        var text = Document.ReplaceLineEndings("\n");
        Assert.Contains(original, text);
        return text.Replace(original, replacement, StringComparison.Ordinal);
    }
}
