namespace Portal.AppHost.Clients;

/// <summary>Follows an invitation link and sets the password on Identity's set-up page, as the invited person does.</summary>
public static class AccountSetup
{
    /// <param name="browser">Keeps cookies, does not follow redirects.</param>
    /// <param name="link">The link from the invitation; its host may be the public one, so only its path and query are used.</param>
    public static async Task SetPasswordAsync(HttpClient browser, Uri gateway, Uri link, string password)
    {
        var page = new Uri(gateway, link.PathAndQuery);
        var html = await (await browser.GetAsync(page)).Content.ReadAsStringAsync();
        var form = HtmlForm.Read(html);
        if (!form.Fields.ContainsKey("token"))
            throw new SignInFailed($"The set-up page has no form: {html[..Math.Min(html.Length, 300)]}");
        var response = await browser.PostAsync(new Uri(page, form.Action ?? page.PathAndQuery),
            form.With(new() { ["password"] = password, ["confirmPassword"] = password }));
        if ((int)response.StatusCode >= 400)
            throw new SignInFailed($"Setting the password failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
