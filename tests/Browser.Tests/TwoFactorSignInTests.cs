using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

/// <summary>
/// Signing in with the TOTP step in Chromium, as a person would: fields found by their labels, buttons and links by
/// their names. The pages are plain forms, so one sign-in runs with JavaScript switched off and submits with Enter.
/// </summary>
public sealed class TwoFactorSignInTests(BrowserSignInFixture fixture) : IClassFixture<BrowserSignInFixture>, IAsyncLifetime
{
    private static readonly PageGetByLabelOptions Exactly = new() { Exact = true };
    private readonly List<IBrowserContext> _contexts = [];

    [Fact]
    public async Task Staff_set_up_required_two_factor_on_first_sign_in_without_javascript_or_a_mouse()
    {
        var email = await fixture.NewStaffMemberAsync();
        var page = await NewPageAsync(javaScript: false);
        var signIn = new BrowserSignIn(page, fixture.Gateway);

        await signIn.StartAsync();
        await page.GetByLabel("Email", Exactly).FillAsync(email);
        await page.GetByLabel("Password", Exactly).FillAsync(BrowserSignInFixture.Password);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up two-factor authentication" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();
        var key = await page.Locator("p", new() { HasText = "Key:" }).Locator("code").InnerTextAsync();
        await page.GetByLabel("Code from the app", Exactly).FillAsync(Code(key, DateTime.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Save your recovery codes" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
        var tokens = await signIn.FinishAsync(fixture.HttpSignIn());

        Assert.Equal(["pwd", "otp"], BrowserSignIn.Amr(tokens.AccessToken));
    }

    [Fact]
    public async Task The_code_step_accepts_a_fresh_code_once_and_refuses_it_replayed()
    {
        var email = await fixture.NewStaffMemberAsync();
        var key = "";
        await fixture.HttpSignIn().SignInAsync(email, BrowserSignInFixture.Password, enrol: shown =>
        {
            key = shown;
            return Task.FromResult(Code(shown, DateTime.UtcNow));
        });
        // Enrolment used this time step's code, and each step's code is accepted once: the app shows the next one.
        var code = Code(key, DateTime.UtcNow.AddSeconds(30));

        var (first, firstSignIn) = await SignInUpToTheCodeAsync(email);
        await first.GetByLabel("Code", Exactly).FillAsync(code);
        await first.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        var tokens = await firstSignIn.FinishAsync(fixture.HttpSignIn());
        Assert.Equal(["pwd", "otp"], BrowserSignIn.Amr(tokens.AccessToken));

        var (replay, _) = await SignInUpToTheCodeAsync(email);
        await replay.GetByLabel("Code", Exactly).FillAsync(code);
        await replay.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        await Expect(replay.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The code is not valid.");
        await Expect(replay.GetByLabel("Code", Exactly)).ToBeVisibleAsync();
        Assert.DoesNotContain("/signin-callback", replay.Url);
    }

    /// <summary>A fresh browser (no cookies) through the password step to the "Two-factor authentication" page.</summary>
    async Task<(IPage, BrowserSignIn)> SignInUpToTheCodeAsync(string email)
    {
        var page = await NewPageAsync(javaScript: true);
        var signIn = new BrowserSignIn(page, fixture.Gateway);
        await signIn.StartAsync();
        await page.GetByLabel("Email", Exactly).FillAsync(email);
        await page.GetByLabel("Password", Exactly).FillAsync(BrowserSignInFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor authentication" })).ToBeVisibleAsync();
        return (page, signIn);
    }

    async Task<IPage> NewPageAsync(bool javaScript)
    {
        // Each sign-in in its own context: no cookies from the one before.
        var context = await fixture.Browser.NewContextAsync(new() { JavaScriptEnabled = javaScript });
        _contexts.Add(context);
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.DisposeAsync();
    }

    static string Code(string key, DateTime at) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(at);
}
