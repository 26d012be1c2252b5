using Portal.Testing;
using System.Net;
using System.Net.Http.Headers;

namespace Portal.Institution.Tests.Api;

[Collection(InstitutionApiCollection.Name)]
public sealed class LogoTests(InstitutionApi api)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    private static MultipartFormDataContent Upload(byte[] bytes, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "logo", "logo" } };
    }

    [Fact]
    public async Task A_png_logo_is_stored_and_served_to_the_parent_portal()
    {
        var org = await Given.Organisation(api);
        var school = await Given.School(api, org);

        await (await api.District(org).PutAsync($"/institutions/{school}/settings/parent-portal-logo", Upload(Png, "image/png"))).ShouldBe(HttpStatusCode.NoContent);

        var served = await api.Anonymous().GetAsync($"/institutions/{school}/settings/parent-portal-logo");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_file_whose_bytes_are_not_the_declared_image_type_is_refused()
    {
        var org = await Given.Organisation(api);
        var school = await Given.School(api, org);

        var response = await api.District(org).PutAsync($"/institutions/{school}/settings/parent-portal-logo", Upload("<script>alert(1)</script>"u8.ToArray(), "image/png"));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "declared as image/png");
    }

    [Fact]
    public async Task A_logo_over_one_mebibyte_or_of_another_type_is_refused()
    {
        var org = await Given.Organisation(api);
        var school = await Given.School(api, org);
        var district = api.District(org);
        var huge = new byte[1024 * 1024 + 1];
        Png.CopyTo(huge, 0);

        await (await district.PutAsync($"/institutions/{school}/settings/parent-portal-logo", Upload(huge, "image/png"))).ShouldBeProblem(HttpStatusCode.BadRequest, "largest allowed");
        await (await district.PutAsync($"/institutions/{school}/settings/parent-portal-logo", Upload("%PDF-1.7"u8.ToArray(), "application/pdf")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "PNG, JPEG, GIF or WebP");
    }

    [Fact]
    public async Task Only_district_administrators_upload_the_logo()
    {
        var org = await Given.Organisation(api);
        var school = await Given.School(api, org);

        var response = await api.Customer(org).PutAsync($"/institutions/{school}/settings/parent-portal-logo", Upload(Png, "image/png"));

        await response.ShouldBeProblem(HttpStatusCode.Forbidden, "parent portal logo");
    }
}
