using System.Text;
using Portal.Institution.Schools;

namespace Portal.Institution.Tests.Deciders;

public class ImageSignatureTests
{
    static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
    static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00];
    static readonly byte[] Gif87a = [.. "GIF87a"u8, 0x01, 0x00, 0x01, 0x00];
    static readonly byte[] Gif89a = [.. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00];
    static readonly byte[] WebP = [.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WEBP"u8, .. "VP8 "u8];

    public static TheoryData<string, byte[], string> Images => new()
    {
        { "png", Png, "image/png" },
        { "jpeg", Jpeg, "image/jpeg" },
        { "gif87a", Gif87a, "image/gif" },
        { "gif89a", Gif89a, "image/gif" },
        { "webp", WebP, "image/webp" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Each_supported_image_is_recognised_by_its_first_bytes(string _, byte[] bytes, string contentType) =>
        Assert.Equal(contentType, ImageSignature.Detect(bytes));

    [Fact]
    public void Markup_pretending_to_be_an_image_is_not_recognised()
    {
        Assert.Null(ImageSignature.Detect(Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")));
        Assert.Null(ImageSignature.Detect(Encoding.UTF8.GetBytes("<!DOCTYPE html><html></html>")));
    }

    [Fact]
    public void A_riff_file_that_is_not_webp_is_not_recognised() =>
        Assert.Null(ImageSignature.Detect([.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WAVE"u8, .. "fmt "u8]));

    [Fact]
    public void Too_few_bytes_are_not_recognised()
    {
        Assert.Null(ImageSignature.Detect([]));
        Assert.Null(ImageSignature.Detect(Png.AsSpan(0, 7)));
        Assert.Null(ImageSignature.Detect(WebP.AsSpan(0, 11)));
    }

    [Fact]
    public void Bytes_that_are_not_the_declared_type_do_not_match() =>
        Assert.False(ImageSignature.Matches("image/jpeg", Png));

    [Fact]
    public void Bytes_of_the_declared_type_match_whatever_its_case() =>
        Assert.True(ImageSignature.Matches("Image/PNG", Png));

    [Fact]
    public void Unrecognised_bytes_match_no_declared_type() =>
        Assert.False(ImageSignature.Matches("image/png", Encoding.UTF8.GetBytes("hello")));
}
