using System.Text.Json;
using Portal.Roster.Forms;

namespace Portal.Roster.Tests.FormDeciders;

/// <summary>A school trip form with one question of each type, for the form decider tests.</summary>
public static class FormSample
{
    public static readonly Guid FormId = new("7d2e0c3a-0000-4000-8000-00000000f0a1");
    public static readonly Guid SchoolId = new("7d2e0c3a-0000-4000-8000-0000000005c1");
    public static readonly Guid Admin = new("7d2e0c3a-0000-4000-8000-0000000000ad");
    public static readonly Guid Ada = new("7d2e0c3a-0000-4000-8000-00000000ada0");
    public static readonly Guid Alan = new("7d2e0c3a-0000-4000-8000-00000000a1a0");
    public static readonly DateTimeOffset Earlier = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset At = new(2026, 9, 14, 9, 30, 0, TimeSpan.Zero);

    public static readonly FormQuestion Name = new("name", QuestionType.ShortText, "Name on the ticket", true, []);
    public static readonly FormQuestion Notes = new("notes", QuestionType.LongText, "Anything we should know", false, []);
    public static readonly FormQuestion Lunch = new("lunch", QuestionType.SingleChoice, "Lunch", true, ["Packed", "Hot"]);
    public static readonly FormQuestion Activities = new("activities", QuestionType.MultipleChoice, "Activities", false, ["Climbing", "Kayak", "Archery"]);
    public static readonly FormQuestion Birthday = new("birthday", QuestionType.Date, "Date of birth", false, []);
    public static readonly FormQuestion Photos = new("photos", QuestionType.Consent, "I agree to photographs being taken", true, []);
    public static readonly FormQuestion Contact = new("contact", QuestionType.GuardianDetails, "Emergency contact", true, []);

    public static FormQuestion[] Questions => [Name, Notes, Lunch, Activities, Birthday, Photos, Contact];

    public static FormCreated Created(params FormQuestion[] questions) =>
        new(FormId, SchoolId, "Trip to the lakes", questions.Length == 0 ? Questions : questions, Admin, Earlier);

    public static FormAssignedToStudents AssignedTo(params Guid[] students) =>
        new(FormId, FormAssignee.Class, Guid.Empty, null, students, Admin, Earlier);

    public static QuestionInput Input(string id, string type, string prompt = "Prompt", bool required = false, params string[] options) =>
        new(id, type, prompt, required, options);

    /// <summary>Answers as a client would send them in JSON.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Answers(object answers) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(answers))!;
}
