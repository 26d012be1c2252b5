using Portal.ServiceDefaults.Persistence;
using Portal.Identity.Institutions;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Staff;

/// <summary>A row's decision before anything is saved: its result, and for a created or updated account what to write.</summary>
public sealed record ImportStep(StaffImportRow Result, object[]? Registered = null, EditStaffAccount? Edit = null)
{
    public bool Writes => Registered is not null || Edit is not null;
}

/// <summary>
/// Decides every row against the organisation's accounts as read once, through the staff decider with
/// <see cref="AddingMode.InBulk"/> (the chart: adding multiple educators; administrator accounts only individually).
/// An account's id is derived from the organisation and the row's sourcedId, so importing the file again updates the
/// accounts it created instead of failing on their emails.
/// </summary>
public sealed class StaffImportPlan(
    Guid organisation, StaffActor actor, IEnumerable<StaffAccountState> accounts, InstitutionDirectory directory, DateTimeOffset at)
{
    private static readonly Guid ImportNamespace = new("0b7c3f1e-9d2a-4c8e-b5a6-3e1f7d9c2a40");

    private readonly Dictionary<Guid, StaffAccountState> byId = accounts.ToDictionary(a => a.Id);
    private readonly Dictionary<string, Guid> emailHolders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> sourcedIdRows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> emailRows = new(StringComparer.Ordinal);

    public static Guid AccountIdFor(Guid organisation, string sourcedId) =>
        NameBasedGuid.Create(ImportNamespace, $"{organisation:N}/{sourcedId}");

    public IReadOnlyList<ImportStep> Decide(IReadOnlyList<OneRosterUser> users)
    {
        foreach (var account in byId.Values)
            emailHolders[account.Email] = account.Id;
        return users.Select(Step).ToList();
    }

    private ImportStep Step(OneRosterUser user)
    {
        var sourcedId = user.SourcedId.Length == 0 ? null : user.SourcedId;
        var email = user.Email.Length == 0 ? null : user.Email;
        ImportStep Skipped(string reason) => new(new StaffImportRow(user.Row, sourcedId, email, ImportOutcome.Skipped, Reason: reason));
        ImportStep Failed(string reason, Guid? id = null) =>
            new(new StaffImportRow(user.Row, sourcedId, email, ImportOutcome.Failed, id, reason));

        if (user.Problem is { } problem)
            return Failed(problem);
        var role = user.Role.ToLowerInvariant();
        if (role.Length == 0)
            return Failed("The row has no role.");
        if (role is not ("teacher" or "administrator"))
            return Skipped($"Role '{user.Role}' is not staff; only teacher and administrator rows are imported.");
        if (user.Status.Equals("tobedeleted", StringComparison.OrdinalIgnoreCase))
            return Skipped("The row is marked tobedeleted; deactivate the account individually.");
        if (user.EnabledUser.Equals("false", StringComparison.OrdinalIgnoreCase))
            return Skipped("enabledUser is false; disabled users are not imported.");
        if (sourcedId is null)
            return Failed("The row has no sourcedId.");
        if (sourcedIdRows.TryGetValue(sourcedId, out var sameId))
            return Failed($"The sourcedId '{sourcedId}' is also on row {sameId}.");
        sourcedIdRows[sourcedId] = user.Row;

        var id = AccountIdFor(organisation, sourcedId);
        try
        {
            // OneRoster's administrator works in the schools the row names: a Building Administrator here.
            var type = role == "teacher" ? StaffType.Teacher : StaffType.BuildingAdministrator;
            // The chart refuses administrators in bulk whatever else the row says, so say that first.
            if (type != StaffType.Teacher)
                StaffManagementRules.EnsureMayAdd(actor, type, [], AddingMode.InBulk);
            var normalised = StaffAccount.NormaliseEmail(user.Email);
            email = normalised;
            if (emailRows.TryGetValue(normalised, out var sameEmail))
                return Failed($"The email '{normalised}' is also on row {sameEmail}.");
            if (emailHolders.TryGetValue(normalised, out var holder) && holder != id)
                return Failed($"A staff account with the email '{normalised}' already exists in this organisation.");

            var step = byId.TryGetValue(id, out var existing)
                ? Update(user, existing, normalised)
                : Create(user, id, type, normalised);
            emailRows[normalised] = user.Row;
            return step;
        }
        catch (Exception e) when (e is ValidationFailed or Forbidden or RuleViolation or NotFound)
        {
            return Failed(e.Message, byId.ContainsKey(id) ? id : null);
        }
    }

    private ImportStep Create(OneRosterUser user, Guid id, StaffType type, string email)
    {
        var schools = Schools(user);
        var registered = StaffAccount.Decide(new RegisterStaffAccount(
            id, organisation, email, user.GivenName, user.FamilyName, type, schools, [], AddingMode.InBulk, actor, at), null);
        emailHolders[email] = id;
        return new ImportStep(new StaffImportRow(user.Row, user.SourcedId, email, ImportOutcome.Created, id), Registered: registered);
    }

    /// <summary>An account this import created before: its email and names follow the file; schools and type are changed individually.</summary>
    private ImportStep Update(OneRosterUser user, StaffAccountState existing, string email)
    {
        var edit = new EditStaffAccount(existing.Id, email, user.GivenName, user.FamilyName, actor, at);
        if (StaffAccount.Decide(edit, existing).Length == 0)
            return new ImportStep(new StaffImportRow(user.Row, user.SourcedId, email, ImportOutcome.Skipped, existing.Id, "Already up to date."));
        emailHolders.Remove(existing.Email);
        emailHolders[email] = existing.Id;
        return new ImportStep(new StaffImportRow(user.Row, user.SourcedId, email, ImportOutcome.Updated, existing.Id, "Email and names updated."), Edit: edit);
    }

    /// <summary>orgSourcedIds name schools by Institution's id or by school code; every one must be known here.</summary>
    private List<Guid> Schools(OneRosterUser user)
    {
        var found = user.OrgSourcedIds.Select(o => (Org: o, School: directory.FindSchool(o))).ToList();
        var unknown = found.Where(f => f.School is null).Select(f => f.Org).ToList();
        if (unknown.Count > 0)
            throw new ValidationFailed("orgSourcedIds",
                $"orgSourcedIds names {string.Join(", ", unknown.Select(u => $"'{u}'"))}, not a school of this organisation (by id or code).");
        return found.Select(f => f.School!.Id).Distinct().ToList();
    }
}
