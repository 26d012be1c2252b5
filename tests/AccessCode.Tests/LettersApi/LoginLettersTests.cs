using Portal.Testing;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Letters;

namespace Portal.AccessCode.Tests.LettersApi;

/// <summary>The renderer alone: no HTTP, no store.</summary>
public sealed class LoginLettersTests
{
    const string SignUp = "https://portal.example/identity/guardians/register";
    static readonly DateOnly Date = new(2026, 11, 23);

    [Fact]
    public void Three_letters_make_three_A4_pages_in_order()
    {
        var letters = new[] { ("Ada Lovelace", "K7QM-2XPD-9HTR"), ("Alan Turing", "ABCD-EFGH-JKMN"), ("Grace Hopper", "PQRS-TVWX-YZ23") }
            .Select(s => LoginInstructions.For("Northfield Academy", s.Item1, s.Item2, SignUp)).ToList();

        var pdf = PdfPages.Read(LoginLetters.ToBytes(letters, Date));

        Assert.Equal(3, pdf.Pages.Count);
        for (var i = 0; i < 3; i++)
        {
            pdf.Pages[i].ShouldBeA4();
            pdf.Pages[i].ShouldKeepWithinMargins(56);
            pdf.Pages[i].ShouldShow("Northfield Academy", "23 November 2026", $"Parent/guardian login for {letters[i].StudentName}",
                letters[i].Code, SignUp, "Keep this code private");
        }
        Assert.False(pdf.Pages[0].Shows("Alan Turing"));
    }

    [Fact]
    public void Long_names_and_addresses_wrap_and_still_show_whole()
    {
        var student = "Maximiliana Konstantinopoulou-Vanderbilt-Featherstonehaugh de la Cruz y Montgomery-Smythe " + new string('W', 70);
        var school = "The Very Long Named Community Academy of Saint Bartholomew-the-Great and All Angels (Upper School Campus)";
        var url = "https://portal.example/identity/guardians/register?campaign=autumn-term-letters&school=northfield-academy-upper-" +
                  new string('x', 80);

        var pdf = PdfPages.Read(LoginLetters.ToBytes([LoginInstructions.For(school, student, "K7QM-2XPD-9HTR", url)], Date));

        var page = Assert.Single(pdf.Pages);
        page.ShouldShow(school, student, url, "K7QM-2XPD-9HTR");
        page.ShouldKeepWithinMargins(56);
    }

    [Fact]
    public void Names_in_any_script_the_font_has_are_printed_and_extractable()
    {
        const string student = "Łucja Şahin Ελένη Юлия Nguyễn";
        const string school = "Szkoła Podstawowa nr 7 w Łodzi — İstanbul Lisesi";

        var page = Assert.Single(PdfPages.Read(LoginLetters.ToBytes([LoginInstructions.For(school, student, "K7QM-2XPD-9HTR", SignUp)], Date)).Pages);

        page.ShouldShow(school, $"Parent/guardian login for {student}", "K7QM-2XPD-9HTR");
        page.ShouldKeepWithinMargins(56);
    }

    [Fact]
    public void A_letter_embeds_only_the_glyphs_it_uses()
    {
        var pdf = LoginLetters.ToBytes([LoginInstructions.For("Northfield Academy", "Ada Lovelace", "K7QM-2XPD-9HTR", SignUp)], Date);

        // The three DejaVu files alone are 1.7 MB (over 900 KB compressed).
        Assert.InRange(pdf.Length, 1, 100_000);
        Assert.Single(PdfPages.Read(pdf).Pages).ShouldKeepWithinMargins(56);
    }

    [Fact]
    public void Characters_the_font_lacks_do_not_stop_the_letter()
    {
        var letter = LoginInstructions.For("Northfield Academy", "Ada 🦄 Lovelace 𝔘 \u0378", "K7QM-2XPD-9HTR", SignUp);

        var page = Assert.Single(PdfPages.Read(LoginLetters.ToBytes([letter], Date)).Pages);

        page.ShouldShow("Northfield Academy", "Ada", "Lovelace", "K7QM-2XPD-9HTR");
    }

    [Fact]
    public void Rendering_nothing_is_refused() =>
        Assert.Throws<ArgumentException>(() => LoginLetters.ToBytes([], Date));

    [Theory]
    [InlineData("Lovelace", "Ada", "login-instructions-lovelace-ada.pdf")]
    [InlineData("Müller-Lüdenscheidt", "Zoë", "login-instructions-muller-ludenscheidt-zoe.pdf")]
    [InlineData("O'Brien / ../etc", "Seán \"x\"", "login-instructions-o-brien-etc-sean-x.pdf")]
    [InlineData("李", "小龙", "login-instructions-student-student.pdf")]
    public void File_names_are_safe(string family, string given, string expected) =>
        Assert.Equal(expected, LetterFileName.ForStudent(family, given));
}
