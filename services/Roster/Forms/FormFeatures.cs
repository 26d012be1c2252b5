using JasperFx.Events.Projections;
using Marten;

namespace Portal.Roster.Forms;

/// <summary>
/// Custom forms: staff design a form for a school and assign it to students (or their guardians); students answer the
/// forms assigned to them, guardians those assigned to their children's guardians. A form is one stream; each
/// student's response to it is another, and each guardian's for a child another, so respondents answering at the
/// same time never contend for the form's stream.
/// </summary>
public static class FormFeatures
{
    public static void ConfigureFormDocuments(this StoreOptions options)
    {
        // Inline: the lists query forms per school and per assigned student, and responses per form, right after writes.
        options.Projections.Snapshot<FormState>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<FormResponseState>(SnapshotLifecycle.Inline);
        options.Schema.For<FormState>().Index(f => f.SchoolId);
        options.Schema.For<FormResponseState>().Index(r => r.FormId).Index(r => r.StudentId);
    }

    public static void MapFormEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("").WithTags("Forms");
        staff.MapFormDesignEndpoints();
        staff.MapFormAssignmentEndpoints();
        staff.MapFormResponseEndpoints();
        app.MapGroup("/me/forms").WithTags("My forms").MapMyForms();
        app.MapGroup("/me/children/{student:guid}/forms").WithTags("Guardians").MapGuardianForms();
    }
}
