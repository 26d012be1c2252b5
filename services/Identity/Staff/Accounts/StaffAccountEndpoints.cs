using Marten;
using Portal.Identity.Access;
using Portal.ServiceDefaults.Http;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Staff;

public sealed record RegisterStaffAccountRequest(
    string Email, string GivenName, string FamilyName, StaffType StaffType,
    IReadOnlyList<Guid>? Institutions = null, IReadOnlyList<BusinessRole>? Roles = null, Guid? Id = null);

public sealed record EditStaffAccountRequest(string Email, string GivenName, string FamilyName);

/// <summary>
/// Staff accounts over HTTP. Sessions belong to the caller's organisation, so another organisation's account is
/// simply not there (404). Who may do what is the decider's business (<see cref="StaffManagementRules"/>).
/// </summary>
public static class StaffAccountEndpoints
{
    public static void MapStaffAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/staff").WithTags("Staff accounts");

        group.MapPost("/", async (RegisterStaffAccountRequest body, IDocumentSession session, HttpContext http) =>
        {
            var (actor, organisation, mode) = StaffCaller.Registrar(http, session, body.StaffType);
            var id = body.Id ?? Guid.NewGuid();
            var events = StaffAccount.Decide(new RegisterStaffAccount(
                id, organisation, body.Email, body.GivenName, body.FamilyName, body.StaffType,
                body.Institutions ?? [], body.Roles ?? [], mode, actor, DateTimeOffset.UtcNow),
                await session.LoadAsync<StaffAccountState>(id));
            // Checked after the decider, so a caller who may not add staff learns nothing about who exists.
            var email = events.OfType<StaffAccountRegistered>().Single().Email;
            await EnsureEmailIsFree(session, email, except: null);
            await EmailHeldUnique(email, () => session.Start(id, http, events));
            return Results.Created(http.LinkTo($"/staff/{id}"), await Load(session, id));
        }).WithSummary("Register a staff account individually in the caller's organisation. A platform operator (naming the "
                       + "organisation in the Portal-Organisation header) sets up an organisation's District Administrators this way.");

        group.MapGet("/", async (IQuerySession session, HttpContext http) =>
        {
            var actor = StaffCaller.Actor(http);
            var query = session.Query<StaffAccountState>();
            var accounts = actor.Type is StaffType.Teacher
                ? await query.Where(a => a.Id == actor.Id).ToListAsync()
                : await query.OrderBy(a => a.FamilyName).ThenBy(a => a.GivenName).ToListAsync();
            return Results.Ok(accounts.Where(a => StaffCaller.MaySee(actor, a)).ToList());
        }).WithSummary("Staff accounts the caller may see: the organisation's for District and Customer Administrators, "
                       + "their school's for Building Administrators, their own for teachers.");

        group.MapGet("/{id:guid}", async (Guid id, IQuerySession session, HttpContext http) =>
        {
            var account = await LoadVisible(session, id, StaffCaller.Actor(http));
            await session.SetETagOf(id, http);
            return Results.Ok(account);
        }).WithSummary("A staff account.");

        group.MapPut("/{id:guid}", async (Guid id, EditStaffAccountRequest body, IDocumentSession session, HttpContext http) =>
        {
            var actor = StaffCaller.Actor(http);
            var command = new EditStaffAccount(id, body.Email, body.GivenName, body.FamilyName, actor, DateTimeOffset.UtcNow);
            // A dry run on the snapshot: the rules refuse first, and only a changed email needs the uniqueness check.
            var edited = StaffAccount.Decide(command, await LoadVisible(session, id, actor)).OfType<StaffAccountEdited>().SingleOrDefault();
            if (edited is not null)
                await EnsureEmailIsFree(session, edited.Email, except: id);
            await EmailHeldUnique(body.Email, () =>
                session.Decide<StaffAccountState>(id, http, state => StaffAccount.Decide(command, state), NotFoundMessage(id)));
            return Results.Ok(await Load(session, id));
        }).WithSummary("Edit a staff account's email and names.");

        group.MapPost("/{id:guid}/deactivate", async (Guid id, IDocumentSession session, HttpContext http) =>
        {
            var actor = StaffCaller.Actor(http);
            await LoadVisible(session, id, actor);
            var command = new DeactivateStaffAccount(id, actor, DateTimeOffset.UtcNow);
            await session.Decide<StaffAccountState>(id, http, state => StaffAccount.Decide(command, state), NotFoundMessage(id));
            return Results.Ok(await Load(session, id));
        }).WithSummary("Deactivate a staff account; nobody may deactivate their own.");

        group.MapPost("/{id:guid}/activate", async (Guid id, IDocumentSession session, HttpContext http) =>
        {
            var actor = StaffCaller.Actor(http);
            await LoadVisible(session, id, actor);
            var command = new ActivateStaffAccount(id, actor, DateTimeOffset.UtcNow);
            await session.Decide<StaffAccountState>(id, http, state => StaffAccount.Decide(command, state), NotFoundMessage(id));
            return Results.Ok(await Load(session, id));
        }).WithSummary("Activate a deactivated staff account.");
    }

    public static async Task<StaffAccountState> Load(IQuerySession session, Guid id) =>
        await session.LoadAsync<StaffAccountState>(id) ?? throw new NotFound(NotFoundMessage(id));

    public const string EmailIndex = "staff_account_email";

    public static string NotFoundMessage(Guid id) => $"Staff account {id} was not found.";

    /// <summary>
    /// The account when the actor may see it (<see cref="StaffCaller.MaySee"/>); an account outside their view answers
    /// 404 exactly as one that does not exist, before any rule of what they may do to it is asked.
    /// </summary>
    public static async Task<StaffAccountState> LoadVisible(IQuerySession session, Guid id, StaffActor actor)
    {
        var account = await Load(session, id);
        return StaffCaller.MaySee(actor, account) ? account : throw new NotFound(NotFoundMessage(id));
    }

    /// <summary>Emails are unique within an organisation; the session is the organisation's, so the query is too.</summary>
    private static async Task EnsureEmailIsFree(IQuerySession session, string email, Guid? except)
    {
        var holder = await session.Query<StaffAccountState>().FirstOrDefaultAsync(a => a.Email == email);
        if (holder is not null && holder.Id != except)
            throw EmailTaken(email);
    }

    private static RuleViolation EmailTaken(string email) =>
        new($"A staff account with the email '{email}' already exists in this organisation.");

    /// <summary>Another request took the email between the check and the save: the unique index refused it.</summary>
    private static async Task EmailHeldUnique(string email, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception e) when (IsEmailIndexViolation(e))
        {
            throw EmailTaken(StaffAccount.NormaliseEmail(email));
        }
        catch (Exception e) when (Accounts.SignInNamesProjection.IsTakenViolation(e))
        {
            throw Accounts.SignInNamesProjection.Taken(StaffAccount.NormaliseEmail(email));
        }
    }

    private static bool IsEmailIndexViolation(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } p
                && p.ConstraintName?.Contains(EmailIndex, StringComparison.Ordinal) == true)
                return true;
        return false;
    }
}
