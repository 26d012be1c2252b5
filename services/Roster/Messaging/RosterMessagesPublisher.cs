using JasperFx.Events;
using Marten;
using MassTransit;
using Portal.Roster.Classes;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Messaging;
using Contracts = Portal.Roster.Contracts;

namespace Portal.Roster.Messaging;

/// <summary>Turns committed Roster events into the messages other services consume (DESIGN §2).</summary>
public sealed class RosterMessagesPublisher(IBus bus) : IntegrationEventPublisher(bus)
{
    protected override async ValueTask<object?> ToMessage(IEvent e, IDocumentOperations operations, CancellationToken cancellation)
    {
        var organisation = Guid.TryParse(e.TenantId, out var org) ? org : Guid.Empty;
        switch (e.Data)
        {
            case StudentMovedToSchool moved:
                return new Contracts.StudentMoved(organisation, moved.StudentId, moved.FromSchoolId, moved.ToSchoolId, e.Version, moved.At);
            // A stream's first event is the whole student: no need to read the stream back (a roll brings thousands).
            case StudentEnrolled enrolled when e.Version == 1:
                return StudentChanged(organisation, StudentState.Create(enrolled), e);
            case StudentEnrolled or StudentDetailsChanged or StudentEmailChanged or StudentYearGroupChanged or StudentLeft
                or StudentReturned or StudentDeleted:
                var student = await AsOf<StudentState>(operations, e, cancellation);
                return StudentChanged(organisation, student, e);
            case ClassCreated or ClassRenamed or ClassActivated or ClassDeactivated or TeacherAssignedToClass
                or TeacherUnassignedFromClass or StudentAddedToClass or StudentRemovedFromClass:
                var @class = await AsOf<ClassState>(operations, e, cancellation);
                return new Contracts.ClassChanged(organisation, @class.Id, @class.SchoolId, @class.Name, @class.Active,
                    @class.TeacherIds, @class.StudentIds, e.Version, e.Timestamp);
            default:
                return null;
        }
    }

    /// <summary>A move changes the student's school too, so it is also told as a change of the student.</summary>
    protected override async ValueTask<IReadOnlyList<object>> ToFollowingMessages(
        IEvent e, IDocumentOperations operations, CancellationToken cancellation)
    {
        if (e.Data is not StudentMovedToSchool) return [];
        var organisation = Guid.TryParse(e.TenantId, out var org) ? org : Guid.Empty;
        return [StudentChanged(organisation, await AsOf<StudentState>(operations, e, cancellation), e)];
    }

    private static Contracts.RosterStudentChanged StudentChanged(Guid organisation, StudentState student, IEvent e) =>
        new(organisation, student.Id, student.SchoolId, student.MisId, student.GivenName, student.FamilyName, student.YearGroup,
            student.Email, student.DateLeft is not null, student.Deleted, e.Version, e.Timestamp);
}
