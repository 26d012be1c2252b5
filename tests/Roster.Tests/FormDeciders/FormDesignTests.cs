using Portal.Roster.Forms;
using static Portal.Roster.Tests.FormDeciders.FormSample;

namespace Portal.Roster.Tests.FormDeciders;

public class FormDesignTests
{
    static DeciderSpec<FormState> Creating(string? title, params QuestionInput?[]? questions) =>
        DeciderSpec<FormState>.Given().WhenStarting(state => Form.Decide(new CreateForm(FormId, SchoolId, title, questions, Admin, At), state));

    [Fact]
    public void Creating_a_form_records_its_questions_trimmed_and_typed() =>
        Creating(" Trip to the lakes ",
                Input(" lunch ", "singleChoice", " Lunch ", true, " Packed", "Hot "),
                Input("contact", "GuardianDetails", "Emergency contact", true))
            .Then(new FormCreated(FormId, SchoolId, "Trip to the lakes",
                [new FormQuestion("lunch", QuestionType.SingleChoice, "Lunch", true, ["Packed", "Hot"]),
                 new FormQuestion("contact", QuestionType.GuardianDetails, "Emergency contact", true, [])], Admin, At));

    [Fact]
    public void A_form_without_questions_is_refused() =>
        Creating("Trip").ThenInvalid("questions", "A form needs at least one question.");

    [Fact]
    public void A_form_needs_a_title() =>
        Creating(" ", Input("q1", "ShortText")).ThenInvalid("title", "Form title is required.");

    [Fact]
    public void A_choice_question_without_options_is_refused() =>
        Creating("Trip", Input("lunch", "SingleChoice"))
            .ThenInvalid("questions[0].options", "Question 'lunch' is SingleChoice: it needs at least two options to choose from.");

    [Fact]
    public void A_choice_question_listing_an_option_twice_is_refused() =>
        Creating("Trip", Input("q1", "ShortText"), Input("activities", "MultipleChoice", "Activities", false, "Kayak", "Climbing", " kayak"))
            .ThenInvalid("questions[1].options", "Question 'activities' lists the option 'kayak' more than once.");

    [Fact]
    public void Options_on_a_question_that_is_not_a_choice_are_refused() =>
        Creating("Trip", Input("birthday", "Date", "Date of birth", false, "Today"))
            .ThenInvalid("questions[0].options", "Question 'birthday' is Date: only single and multiple choice questions have options.");

    [Fact]
    public void Two_questions_with_the_same_id_are_refused() =>
        Creating("Trip", Input("q1", "ShortText"), Input("q1", "LongText"))
            .ThenInvalid("questions[1].id", "Question id 'q1' is used by more than one question.");

    [Fact]
    public void A_repeated_id_is_refused_even_when_the_first_question_has_other_problems() =>
        Creating("Trip", Input("lunch", "SingleChoice", "Lunch"), Input("lunch", "ShortText"))
            .ThenInvalid("questions[1].id", "Question id 'lunch' is used by more than one question.");

    [Fact]
    public void An_unknown_question_type_names_the_types_there_are() =>
        Creating("Trip", Input("q1", "Essay"))
            .ThenInvalid("questions[0].type",
                "Question 'q1' has type 'Essay'; a question's type is one of ShortText, LongText, SingleChoice, MultipleChoice, Date, Consent or GuardianDetails.");

    [Fact]
    public void A_question_needs_an_id_and_a_prompt()
    {
        var error = Assert.Throws<Portal.ServiceDefaults.Problems.ValidationFailed>(() =>
            Form.Decide(new CreateForm(FormId, SchoolId, "Trip", [new QuestionInput(" ", "ShortText", "", null, null)], Admin, At), null));
        Assert.Equal(["Each question needs an id."], error.Errors["questions[0].id"]);
        Assert.Equal(["The question's prompt is required."], error.Errors["questions[0].prompt"]);
    }

    [Fact]
    public void Editing_a_form_without_responses_replaces_its_questions() =>
        DeciderSpec<FormState>.Given(Created())
            .When(state => Form.Decide(new EditForm(FormId, "Trip to the coast", [Input("name", "ShortText", "Name", true)], false, Admin, At), state))
            .Then(new FormEdited(FormId, "Trip to the coast", [new FormQuestion("name", QuestionType.ShortText, "Name", true, [])], Admin, At));

    [Fact]
    public void Editing_a_form_that_has_responses_is_refused() =>
        DeciderSpec<FormState>.Given(Created())
            .When(state => Form.Decide(new EditForm(FormId, "Trip", [Input("name", "ShortText")], true, Admin, At), state))
            .ThenRefused($"Form {FormId} already has responses, so its questions can no longer change; create a new form instead.");

    [Fact]
    public void Editing_a_form_to_what_it_already_is_changes_nothing() =>
        DeciderSpec<FormState>.Given(Created(Lunch))
            .When(state => Form.Decide(new EditForm(FormId, "Trip to the lakes", [Input("lunch", "SingleChoice", "Lunch", true, "Packed", "Hot")], false, Admin, At), state))
            .ThenNothing();
}
