using System.IO.Compression;
using System.Text;

namespace Portal.Roster.Tests.Imports;

/// <summary>
/// Writes a OneRoster 1.1 CSV set as a zip, with the headers exactly as the 1.1 specification spells them (written
/// out here, not taken from the service, so a wrong header there fails the tests).
/// </summary>
public sealed class OneRosterSample
{
    public static readonly Dictionary<string, string> Headers = new()
    {
        ["manifest.csv"] = "propertyName,value",
        ["academicSessions.csv"] = "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
        ["orgs.csv"] = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
        ["users.csv"] = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,"
                        + "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password",
        ["classes.csv"] = "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,"
                          + "termSourcedIds,subjects,subjectCodes,periods",
        ["enrollments.csv"] = "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate",
    };

    private const string Modified = "2026-09-01T08:00:00.000Z";

    private readonly Dictionary<string, List<string>> rows = Headers.Keys.ToDictionary(f => f, _ => new List<string>());
    private readonly Dictionary<string, string> headers = new(Headers);
    private readonly HashSet<string> left = [];

    public OneRosterSample()
    {
        rows["manifest.csv"].AddRange(new[]
        {
            "manifest.version,1.0", "oneroster.version,1.1", "file.academicSessions,bulk", "file.categories,absent", "file.classes,bulk",
            "file.classResources,absent", "file.courses,absent", "file.courseResources,absent", "file.demographics,absent",
            "file.enrollments,bulk", "file.lineItems,absent", "file.orgs,bulk", "file.resources,absent", "file.results,absent",
            "file.users,bulk", "source.systemName,Test MIS", "source.systemCode,TMIS",
        });
        rows["academicSessions.csv"].Add(Line("term-1", "active", Modified, "Autumn 2026", "term", "2026-09-01", "2026-12-18", "", "2027"));
    }

    public OneRosterSample School(string sourcedId, string identifier = "", string name = "A school", string type = "school") =>
        Add("orgs.csv", sourcedId, "active", Modified, name, type, identifier, "");

    public OneRosterSample Student(string sourcedId, string org, string givenName, string familyName, string grade, string email = "",
        string identifier = "", string status = "active", string enabledUser = "true") =>
        Add("users.csv", sourcedId, status, Modified, enabledUser, org, "student", email, "", givenName, familyName, "", identifier, email,
            "", "", "", grade, "");

    public OneRosterSample Staff(string sourcedId, string role, string org, string givenName, string familyName, string email) =>
        Add("users.csv", sourcedId, "active", Modified, "true", org, role, email, "", givenName, familyName, "", "", email, "", "", "", "", "");

    public OneRosterSample User(string sourcedId, string role, string org) =>
        Add("users.csv", sourcedId, "active", Modified, "true", org, role, "", "", "Pat", "Guardian", "", "", "", "", "", "", "", "");

    public OneRosterSample Class(string sourcedId, string title, string school, string subject = "Maths", string status = "active") =>
        Add("classes.csv", sourcedId, status, Modified, title, "10", "", sourcedId, "scheduled", "", school, "term-1", subject, "", "1");

    public OneRosterSample Enrol(string sourcedId, string @class, string school, string user, string role = "student", string status = "active") =>
        Add("enrollments.csv", sourcedId, status, Modified, @class, school, user, role, role == "teacher" ? "true" : "false", "", "");

    /// <summary>A raw line, for rows a well-behaved producer would not write.</summary>
    public OneRosterSample Raw(string file, string line)
    {
        rows[file].Add(line);
        return this;
    }

    public OneRosterSample Header(string file, string header)
    {
        headers[file] = header;
        return this;
    }

    public OneRosterSample Manifest(string property, string value)
    {
        rows["manifest.csv"].RemoveAll(l => l.StartsWith(property + ",", StringComparison.Ordinal));
        rows["manifest.csv"].Add($"{property},{value}");
        return this;
    }

    public OneRosterSample Without(string file)
    {
        left.Add(file);
        return this;
    }

    public byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var file in headers.Keys.Where(f => !left.Contains(f)))
            {
                using var writer = new StreamWriter(zip.CreateEntry(file).Open(), new UTF8Encoding(false));
                writer.Write(string.Join("\r\n", [headers[file], .. rows[file]]) + "\r\n");
            }
        return buffer.ToArray();
    }

    private OneRosterSample Add(string file, params string[] fields)
    {
        rows[file].Add(Line(fields));
        return this;
    }

    private static string Line(params string[] fields) =>
        string.Join(",", fields.Select(f => f.Contains(',') || f.Contains('"') ? $"\"{f.Replace("\"", "\"\"")}\"" : f));
}
