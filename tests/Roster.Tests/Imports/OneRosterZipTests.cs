using System.IO.Compression;
using Portal.Roster.Imports.OneRoster;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Tests.Imports;

public sealed class OneRosterZipTests
{
    private static OneRosterSample Sample() => new OneRosterSample()
        .School("org-1", identifier: "NFA")
        .Student("s-1", "org-1", "Ada", "Lovelace", "10", email: "ada@school.example", identifier: "12345")
        .Staff("t-1", "teacher", "org-1", "Tom", "Hardy", "tom@school.example")
        .Class("c-1", "10A Maths", "org-1")
        .Enrol("e-1", "c-1", "org-1", "s-1")
        .Enrol("e-2", "c-1", "org-1", "t-1", "teacher");

    private static ValidationFailed Refused(OneRosterSample sample) => Assert.Throws<ValidationFailed>(() => OneRosterZip.Read(sample.Zip()));

    [Fact]
    public void A_set_with_the_exact_headers_is_read_row_by_row_counting_the_header_as_row_1()
    {
        var set = OneRosterZip.Read(Sample().Zip());

        Assert.Equal(("org-1", "NFA", 2), (set.Orgs[0].SourcedId, set.Orgs[0].Identifier, set.Orgs[0].Row));
        Assert.Equal(["s-1", "t-1"], set.Users.Select(u => u.SourcedId));
        Assert.Equal(["10"], set.Users[0].Grades);
        Assert.Equal(("12345", "ada@school.example"), (set.Users[0].Identifier, set.Users[0].Email));
        Assert.Equal(("10A Maths", "org-1", 2), (set.Classes[0].Title, set.Classes[0].SchoolSourcedId, set.Classes[0].Row));
        Assert.Equal(["student", "teacher"], set.Enrollments.Select(e => e.Role));
        Assert.Equal((6, 1), (set.Rows, set.AcademicSessions));
    }

    [Fact]
    public void A_header_column_that_is_not_OneRoster_1_1_is_refused_naming_the_file_and_the_column()
    {
        var error = Refused(Sample().Header("users.csv", OneRosterSample.Headers["users.csv"].Replace("orgSourcedIds", "orgSourcedId")));

        Assert.StartsWith("users.csv has 'orgSourcedId' as column 5 where OneRoster 1.1 has 'orgSourcedIds'", Assert.Single(error.Errors["users.csv"]));
    }

    [Fact]
    public void A_header_lacking_its_last_columns_is_refused_naming_the_first_missing_one()
    {
        var error = Refused(Sample().Header("enrollments.csv", "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role"));

        Assert.StartsWith("enrollments.csv lacks the column 'primary' (column 8)", Assert.Single(error.Errors["enrollments.csv"]));
    }

    [Fact]
    public void Extension_columns_named_metadata_are_allowed_after_the_standard_ones_and_others_are_not()
    {
        var header = OneRosterSample.Headers["orgs.csv"];
        OneRosterZip.Read(Sample().Header("orgs.csv", header + ",metadata.region").Zip());

        var error = Refused(Sample().Header("orgs.csv", header + ",region"));
        Assert.StartsWith("orgs.csv has the unknown column 'region' (column 8)", Assert.Single(error.Errors["orgs.csv"]));
    }

    [Fact]
    public void A_set_without_one_of_the_six_files_is_refused_naming_it()
    {
        var error = Refused(Sample().Without("academicSessions.csv"));

        Assert.StartsWith("The zip has no academicSessions.csv", Assert.Single(error.Errors["academicSessions.csv"]));
    }

    [Fact]
    public void A_manifest_that_is_not_OneRoster_1_1_or_leaves_out_a_file_is_refused()
    {
        Assert.Equal("manifest.csv gives oneroster.version as '1.2'; this import reads OneRoster 1.1 sets.",
            Assert.Single(Refused(Sample().Manifest("oneroster.version", "1.2")).Errors["manifest.csv"]));
        Assert.Equal("manifest.csv gives file.classes as 'absent'; this import reads classes.csv and needs it as bulk or delta.",
            Assert.Single(Refused(Sample().Manifest("file.classes", "absent")).Errors["manifest.csv"]));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_that_rows_problem_only()
    {
        var set = OneRosterZip.Read(Sample().Raw("users.csv", "s-9,active,,true,org-1,student").Zip());

        Assert.Equal("The row has 6 fields; the header has 18.", set.Users[^1].Problem);
        Assert.Null(set.Users[0].Problem);
    }

    [Fact]
    public void A_broken_quote_refuses_the_file_naming_the_row()
    {
        var error = Refused(Sample().Raw("classes.csv", "c-2,active,,\"Unclosed,10,,c-2,scheduled,,org-1,term-1,Maths,,1"));

        Assert.Contains("classes.csv row", Assert.Single(error.Errors["classes.csv"]));
    }

    [Fact]
    public void A_zip_bomb_is_refused_without_unpacking_it_whole()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, header) in OneRosterSample.Headers.Where(h => h.Key != "orgs.csv"))
                using (var writer = new StreamWriter(zip.CreateEntry(name).Open()))
                    writer.Write(header + (name == "manifest.csv" ? "\noneroster.version,1.1\nfile.academicSessions,bulk\nfile.orgs,bulk\n"
                                                                  + "file.users,bulk\nfile.classes,bulk\nfile.enrollments,bulk\n" : "\n"));
            using var bomb = zip.CreateEntry("orgs.csv", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 101; i++) bomb.Write(zeros);
        }
        Assert.True(buffer.Length < 1024 * 1024, "the bomb is small packed");

        var error = Assert.Throws<ValidationFailed>(() => OneRosterZip.Read(buffer.ToArray()));

        Assert.StartsWith("The zip unpacks to more than 100 MB by orgs.csv", Assert.Single(error.Errors["orgs.csv"]));
    }

    [Fact]
    public void Bytes_that_are_not_a_zip_are_refused()
    {
        var error = Assert.Throws<ValidationFailed>(() => OneRosterZip.Read("PK\u0003\u0004 not really"u8.ToArray()));

        Assert.StartsWith("The file is not a readable zip archive", Assert.Single(error.Errors["file"]));
    }
}
