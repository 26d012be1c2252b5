using Portal.Institution.Schools;

namespace Portal.Institution.Tests.Deciders;

public class ParentPortalLogoTests
{
    const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    const string OtherHash = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    static DeciderSpec<SchoolState> Given(params object[] events) =>
        DeciderSpec<SchoolState>.Given([Sample.SchoolRegistered(), .. events]);

    static Func<SchoolState, IEnumerable<object>> Upload(string contentType, long size, string sha256 = Hash) => state =>
        School.Decide(new UploadParentPortalLogo(Sample.SchoolId, contentType, size, sha256, Sample.Admin, Sample.At), state);

    static ParentPortalLogoUploaded Uploaded(string contentType, long size, string sha256 = Hash) =>
        new(Sample.SchoolId, contentType, size, sha256, Sample.Admin, Sample.At);

    [Fact]
    public void Uploading_a_logo_records_its_type_size_and_hash_in_lowercase() =>
        Given().When(Upload(" Image/PNG ", 20_480, Hash.ToUpperInvariant())).Then(Uploaded("image/png", 20_480));

    [Theory]
    [InlineData("image/png")]
    [InlineData("image/jpeg")]
    [InlineData("image/gif")]
    [InlineData("image/webp")]
    public void Each_supported_image_type_is_accepted(string contentType) =>
        Given().When(Upload(contentType, 1000)).Then(Uploaded(contentType, 1000));

    [Theory]
    [InlineData("image/svg+xml")]
    [InlineData("text/html")]
    [InlineData("image/jpg")]
    [InlineData("")]
    public void Other_content_types_are_invalid(string contentType) =>
        Given().When(Upload(contentType, 1000))
            .ThenInvalid("contentType", $"The logo must be a PNG, JPEG, GIF or WebP image (image/png, image/jpeg, image/gif, image/webp), not '{contentType}'.");

    [Fact]
    public void An_empty_file_is_invalid() =>
        Given().When(Upload("image/png", 0)).ThenInvalid("sizeBytes", "The logo file is empty.");

    [Fact]
    public void A_logo_of_exactly_1_MiB_is_accepted() =>
        Given().When(Upload("image/png", 1_048_576)).Then(Uploaded("image/png", 1_048_576));

    [Fact]
    public void A_logo_over_1_MiB_is_invalid_saying_the_limit() =>
        Given().When(Upload("image/png", 1_048_577))
            .ThenInvalid("sizeBytes", "The logo is 1,048,577 bytes; the largest allowed is 1,048,576 bytes (1 MiB).");

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("zz86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    public void A_malformed_hash_is_invalid(string sha256) =>
        Given().When(Upload("image/png", 1000, sha256)).ThenInvalid("sha256", "The logo's SHA-256 must be 64 hexadecimal characters.");

    [Fact]
    public void Uploading_the_current_logo_again_records_nothing() =>
        Given(Uploaded("image/png", 1000)).When(Upload("image/png", 1000)).ThenNothing();

    [Fact]
    public void Uploading_a_different_logo_replaces_the_current_one() =>
        Given(Uploaded("image/png", 1000)).When(Upload("image/webp", 800, OtherHash)).Then(Uploaded("image/webp", 800, OtherHash));

    [Fact]
    public void The_uploaded_logo_is_what_the_school_shows() =>
        Assert.Equal(new ParentPortalLogo("image/gif", 500, Hash, Sample.At), Sample.SchoolWith(Uploaded("image/gif", 500)).ParentPortalLogo);

    [Fact]
    public void Removing_the_logo_records_it() =>
        Given(Uploaded("image/png", 1000))
            .When(state => School.Decide(new RemoveParentPortalLogo(Sample.SchoolId, Sample.Admin, Sample.At), state))
            .Then(new ParentPortalLogoRemoved(Sample.SchoolId, Sample.Admin, Sample.At));

    [Fact]
    public void Removing_a_logo_the_school_does_not_have_records_nothing() =>
        Given()
            .When(state => School.Decide(new RemoveParentPortalLogo(Sample.SchoolId, Sample.Admin, Sample.At), state))
            .ThenNothing();
}
