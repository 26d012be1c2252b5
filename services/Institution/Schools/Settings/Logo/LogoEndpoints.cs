using System.Security.Cryptography;
using Marten;
using Portal.Institution.Access;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Schools;

/// <summary>Logo bytes, stored once per content (keyed by SHA-256); the school's stream records which one is current.</summary>
public sealed class StoredLogo
{
    public required string Id { get; init; }
    public required string ContentType { get; init; }
    public required byte[] Bytes { get; init; }
}

public static class LogoEndpoints
{
    public static void MapLogoEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/institutions/{school:guid}/settings/parent-portal-logo").WithTags("School settings");

        group.MapPut("/", async (Guid school, IFormFile logo, IDocumentSession session, HttpContext http) =>
        {
            await SchoolEndpoints.Load(session, school);
            Caller.EnsureSchoolInScope(http, school);
            var bytes = await ReadAtMost(logo, ParentPortalLogoRules.MaxSizeBytes + 1, http.RequestAborted);
            var declared = logo.ContentType?.Trim().ToLowerInvariant() ?? "";
            if (ParentPortalLogoRules.ContentTypes.Contains(declared) && !ImageSignature.Matches(declared, bytes))
                throw new ValidationFailed("logo",
                    $"The file is declared as {declared} but its content is {ImageSignature.Detect(bytes) ?? "not an image we accept"}.");
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));

            session.Store(new StoredLogo { Id = sha256, ContentType = declared, Bytes = bytes });
            await session.Decide<SchoolState>(school, http, state => School.Decide(
                new UploadParentPortalLogo(school, declared, bytes.Length, sha256, Caller.Of(http).AccountId, DateTimeOffset.UtcNow), state),
                SchoolEndpoints.NotFoundMessage(school));
            return Results.NoContent();
        }).RequirePermission(PermissionMatrix.UploadParentPortalLogo).DisableAntiforgery()
          .WithSummary("Upload the parent portal logo (multipart field 'logo'; PNG, JPEG, GIF or WebP; at most 1 MiB).");

        group.MapDelete("/", async (Guid school, IDocumentSession session, HttpContext http) =>
        {
            await SchoolEndpoints.Load(session, school);
            Caller.EnsureSchoolInScope(http, school);
            await session.Decide<SchoolState>(school, http, state => School.Decide(
                new RemoveParentPortalLogo(school, Caller.Of(http).AccountId, DateTimeOffset.UtcNow), state),
                SchoolEndpoints.NotFoundMessage(school));
            return Results.NoContent();
        }).RequirePermission(PermissionMatrix.UploadParentPortalLogo).WithSummary("Remove the parent portal logo.");

        // The parent portal shows the logo on its sign-in page, before anyone has a token.
        group.MapGet("/", async (Guid school, IDocumentStore store) =>
        {
            await using var session = store.QuerySession();
            var state = await session.Query<SchoolState>().Where(s => s.AnyTenant() && s.Id == school).FirstOrDefaultAsync()
                ?? throw new NotFound(SchoolEndpoints.NotFoundMessage(school));
            if (state.ParentPortalLogo is not { } logo) throw new NotFound("The school has no parent portal logo.");
            var stored = await session.LoadAsync<StoredLogo>(logo.Sha256) ?? throw new NotFound("The school has no parent portal logo.");
            return Results.File(stored.Bytes, stored.ContentType);
        }).AllowAnonymous().WithSummary("The parent portal logo image.");
    }

    private static async Task<byte[]> ReadAtMost(IFormFile file, long limit, CancellationToken cancellation)
    {
        if (file.Length > limit - 1)
            throw new ValidationFailed("logo", $"The logo is {file.Length:N0} bytes; the largest allowed is {limit - 1:N0} bytes (1 MiB).");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellation);
        return buffer.ToArray();
    }
}
