namespace Portal.Roster.Imports.OneRoster;

/// <summary>
/// The files of a OneRoster 1.1 CSV set that the import reads, with their headers exactly as the 1.1 specification
/// gives them (names and order). After the standard columns 1.1 allows only extension columns named metadata.*.
/// Other files of the set (courses.csv, demographics.csv…) may be in the zip and are not read.
/// </summary>
public static class OneRosterFiles
{
    public const string Manifest = "manifest.csv";
    public const string AcademicSessions = "academicSessions.csv";
    public const string Orgs = "orgs.csv";
    public const string Users = "users.csv";
    public const string Classes = "classes.csv";
    public const string Enrollments = "enrollments.csv";

    public const string ExtensionPrefix = "metadata.";

    public static IReadOnlyDictionary<string, string[]> Headers { get; } = new Dictionary<string, string[]>
    {
        [Manifest] = ["propertyName", "value"],
        [AcademicSessions] = ["sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear"],
        [Orgs] = ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"],
        [Users] =
        [
            "sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds", "role", "username", "userIds", "givenName",
            "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password",
        ],
        [Classes] =
        [
            "sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode", "classType", "location",
            "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods",
        ],
        [Enrollments] =
        [
            "sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId", "role", "primary",
            "beginDate", "endDate",
        ],
    };

    /// <summary>Every file the import needs, manifest first.</summary>
    public static IReadOnlyList<string> Required { get; } = [Manifest, Orgs, Users, Classes, Enrollments, AcademicSessions];

    /// <summary>The data files, as the manifest names them: file.users for users.csv.</summary>
    public static string ManifestProperty(string file) => $"file.{Path.GetFileNameWithoutExtension(file)}";
}
