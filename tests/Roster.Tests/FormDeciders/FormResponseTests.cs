using Portal.Roster.Forms;
using Portal.ServiceDefaults.Problems;
using static Portal.Roster.Tests.FormDeciders.FormSample;

namespace Portal.Roster.Tests.FormDeciders;

public class FormResponseTests
{
    static readonly FormState Trip = DeciderSpec<FormState>.StateAfter(Created(), AssignedTo(Ada));
    static readonly Guid ResponseId = Form.ResponseIdOf(FormId, Ada);

    static readonly object Complete = new { name = " Ada Lovelace ", lunch = "hot", photos = true };

    static DeciderSpec<FormResponseState> Submitting(object answers, Guid? student = null, params object[] given) =>
        DeciderSpec<FormResponseState>.Given(given)
            .WhenStarting(previous => Form.Decide(new SubmitFormResponse(FormId, student ?? Ada, Answers(answers), At), Trip, previous));

    static ValidationFailed Refusal(object answers) =>
        Assert.Throws<ValidationFailed>(() => Form.Decide(new SubmitFormResponse(FormId, Ada, Answers(answers), At), Trip, null));

    [Fact]
    public void A_complete_response_records_typed_answers_with_the_student_and_time() =>
        Submitting(new { name = " Ada Lovelace ", notes = "Vegetarian", lunch = "hot", activities = new[] { "Kayak", "archery" }, birthday = "2014-05-02", photos = true })
            .Then(new FormResponseSubmitted(ResponseId, FormId, Ada,
                [
                    new FormAnswer("name", Text: "Ada Lovelace"), new FormAnswer("notes", Text: "Vegetarian"),
                    new FormAnswer("lunch", Choices: ["Hot"]), new FormAnswer("activities", Choices: ["Kayak", "Archery"]),
                    new FormAnswer("birthday", Date: new DateOnly(2014, 5, 2)), new FormAnswer("photos", Consent: true),
                ], 1, At));

    [Fact]
    public void A_second_submission_replaces_the_first_as_a_new_event() =>
        Submitting(Complete, given: new FormResponseSubmitted(ResponseId, FormId, Ada, [new FormAnswer("name", Text: "Ada")], 1, Earlier))
            .Then(new FormResponseSubmitted(ResponseId, FormId, Ada,
                [new FormAnswer("name", Text: "Ada Lovelace"), new FormAnswer("lunch", Choices: ["Hot"]), new FormAnswer("photos", Consent: true)], 2, At));

    [Fact]
    public void A_student_the_form_is_not_assigned_to_cannot_answer_it() =>
        Submitting(Complete, Alan).ThenNotFound($"Form {FormId} was not found.");

    [Fact]
    public void Answering_a_guardian_details_question_is_refused_naming_the_question() =>
        Submitting(new { name = "Ada", lunch = "Hot", photos = true, contact = "Mum, 07700 900123" })
            .ThenInvalid("answers.contact", "Question 'contact' (Emergency contact) is for a parent or guardian to answer; a student cannot answer it.");

    [Fact]
    public void A_required_guardian_details_question_is_not_required_of_a_student() =>
        Submitting(Complete).Then(new FormResponseSubmitted(ResponseId, FormId, Ada,
            [new FormAnswer("name", Text: "Ada Lovelace"), new FormAnswer("lunch", Choices: ["Hot"]), new FormAnswer("photos", Consent: true)], 1, At));

    [Fact]
    public void Required_questions_must_be_answered() =>
        Submitting(new { name = "  ", lunch = "Hot", photos = true })
            .ThenInvalid("answers.name", "Question 'name' (Name on the ticket) is required.");

    [Fact]
    public void Required_consent_must_be_given() =>
        Submitting(new { name = "Ada", lunch = "Hot", photos = false })
            .ThenInvalid("answers.photos", "Question 'photos' (I agree to photographs being taken) needs consent to submit the form: answer true.");

    [Fact]
    public void A_single_choice_must_be_one_of_the_options() =>
        Submitting(new { name = "Ada", lunch = "Sushi", photos = true })
            .ThenInvalid("answers.lunch", "Question 'lunch' (Lunch) takes one of 'Packed' or 'Hot'.");

    [Fact]
    public void A_multiple_choice_takes_a_list_of_different_options() =>
        Submitting(new { name = "Ada", lunch = "Hot", photos = true, activities = new[] { "Kayak", "Kayak" } })
            .ThenInvalid("answers.activities", "Question 'activities' (Activities) takes a list of different options among 'Climbing', 'Kayak' or 'Archery'.");

    [Fact]
    public void A_date_must_be_written_as_year_month_day() =>
        Submitting(new { name = "Ada", lunch = "Hot", photos = true, birthday = "02/05/2014" })
            .ThenInvalid("answers.birthday", "Question 'birthday' (Date of birth) takes a date as yyyy-MM-dd.");

    [Fact]
    public void Consent_takes_a_boolean() =>
        Submitting(new { name = "Ada", lunch = "Hot", photos = "yes" })
            .ThenInvalid("answers.photos", "Question 'photos' (I agree to photographs being taken) takes true or false.");

    [Fact]
    public void Text_takes_a_string_not_a_number() =>
        Submitting(new { name = 42, lunch = "Hot", photos = true })
            .ThenInvalid("answers.name", "Question 'name' (Name on the ticket) takes text of at most 500 characters.");

    [Fact]
    public void An_answer_to_a_question_the_form_does_not_have_is_refused() =>
        Submitting(new { name = "Ada", lunch = "Hot", photos = true, shoeSize = "5" })
            .ThenInvalid("answers.shoeSize", "The form has no question 'shoeSize'.");

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var error = Refusal(new { lunch = "Sushi", photos = false, contact = "Mum" });
        Assert.Equal(["answers.contact", "answers.lunch", "answers.name", "answers.photos"], error.Errors.Keys.Order().ToArray());
    }
}
