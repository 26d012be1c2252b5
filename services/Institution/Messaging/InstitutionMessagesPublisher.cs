using JasperFx.Events;
using Marten;
using MassTransit;
using Portal.Institution.Clusters;
using Portal.Institution.Organisations;
using Portal.Institution.Schools;
using Portal.ServiceDefaults.Messaging;
using Contracts = Portal.Institution.Contracts;

namespace Portal.Institution.Messaging;

/// <summary>Turns committed Institution events into the messages other services consume (DESIGN §2).</summary>
public sealed class InstitutionMessagesPublisher(IBus bus) : IntegrationEventPublisher(bus)
{
    protected override async ValueTask<object?> ToMessage(IEvent e, IDocumentOperations operations, CancellationToken cancellation)
    {
        var organisation = Guid.TryParse(e.TenantId, out var org) ? org : Guid.Empty;
        switch (e.Data)
        {
            case SchoolRegistered or SchoolDetailsEdited or YearGroupAdded or YearGroupRemoved:
                var school = await AsOf<SchoolState>(operations, e, cancellation);
                return new Contracts.InstitutionRegistered(organisation, school.Id, school.Name, school.Code, school.Phase.ToString(),
                    school.YearGroups.Select(y => new Contracts.YearGroupInfo(y.Id, y.Name)).ToList(), e.Timestamp);
            case StudentLoginsConfigured logins:
                return new Contracts.StudentLoginsConfigured(organisation, logins.SchoolId, logins.Enabled, logins.YearGroups, e.Version, logins.At);
            case TeacherStudentCreationSet or StudentInformationNumberRulesSet:
                var rules = await AsOf<SchoolState>(operations, e, cancellation);
                return new Contracts.StudentRosterRulesChanged(organisation, rules.Id, rules.TeacherStudentCreationAllowed,
                    rules.StudentInformationNumberRules.Required, rules.StudentInformationNumberRules.MinimumLength,
                    rules.StudentInformationNumberRules.NumericOnly, e.Version, e.Timestamp);
            case StudentPortalVisibilityChanged pages:
                return new Contracts.StudentPortalVisibilityChanged(organisation, pages.SchoolId, pages.VisiblePages, e.Version, pages.At);
            case ClusterCreated or ClusterRenamed or SchoolAddedToCluster or SchoolRemovedFromCluster:
                var cluster = await AsOf<ClusterState>(operations, e, cancellation);
                return new Contracts.ClusterMembershipChanged(organisation, cluster.Id, cluster.Name, cluster.SchoolIds, e.Version, e.Timestamp);
            case TermSet or TermRemoved:
                var calendar = await AsOf<OrganisationState>(operations, e, cancellation);
                return new Contracts.TermCalendarSet(organisation,
                    calendar.Terms.Select(t => new Contracts.TermInfo(t.Id, t.Name, t.Start, t.End)).ToList(), e.Version, e.Timestamp);
            default:
                return null;
        }
    }
}
