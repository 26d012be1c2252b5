using MassTransit;
using Portal.Roster.Contracts;

namespace Portal.Roster.MisSync;

/// <summary>
/// Everything an MIS producer publishes arrives on one receive endpoint, so one school's messages are applied one at
/// a time and in order, whatever their kind (a class record and an enrolment in it cannot race). Each kind is applied
/// by its own idempotent handler.
/// </summary>
public sealed class MisSyncConsumer(
    StudentSyncedHandler student, StudentsBatchSyncedHandler students, ClassSyncedHandler @class, EnrolmentSyncedHandler enrolment,
    TimetableSyncedHandler timetable, HomeworkSetHandler homework)
    : IConsumer<MisStudentSynced>, IConsumer<MisStudentsBatchSynced>, IConsumer<MisClassSynced>, IConsumer<MisEnrolmentSynced>,
        IConsumer<MisTimetableSynced>, IConsumer<MisHomeworkSet>
{
    public Task Consume(ConsumeContext<MisStudentSynced> context) => student.Consume(context);

    public Task Consume(ConsumeContext<MisStudentsBatchSynced> context) => students.Consume(context);

    public Task Consume(ConsumeContext<MisClassSynced> context) => @class.Consume(context);

    public Task Consume(ConsumeContext<MisEnrolmentSynced> context) => enrolment.Consume(context);

    public Task Consume(ConsumeContext<MisTimetableSynced> context) => timetable.Consume(context);

    public Task Consume(ConsumeContext<MisHomeworkSet> context) => homework.Consume(context);
}

public sealed class MisSyncConsumerDefinition : ConsumerDefinition<MisSyncConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<MisSyncConsumer> consumer,
        IRegistrationContext context)
    {
        // The service-wide retry surrounds this one. This one takes a rejection without retrying, which leaves the
        // retry context saying the retries are spent, so the outer retry passes it straight to the error queue.
        consumer.UseMessageRetry(retry =>
        {
            retry.None();
            retry.Handle<MisRecordRejected>();
        });

        var school = endpoint.CreatePartitioner(8);
        consumer.Message<MisStudentSynced>(m => m.UsePartitioner(school, c => c.Message.SchoolId));
        consumer.Message<MisStudentsBatchSynced>(m => m.UsePartitioner(school, c => c.Message.SchoolId));
        consumer.Message<MisClassSynced>(m => m.UsePartitioner(school, c => c.Message.SchoolId));
        consumer.Message<MisEnrolmentSynced>(m => m.UsePartitioner(school, c => c.Message.SchoolId));
        consumer.Message<MisTimetableSynced>(m => m.UsePartitioner(school, c => c.Message.SchoolId));
        consumer.Message<MisHomeworkSet>(m => m.UsePartitioner(school, c => c.Message.SchoolId));
    }
}
