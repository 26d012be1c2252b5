using Portal.Roster.Forms;
using static Portal.Roster.Tests.FormDeciders.FormSample;

namespace Portal.Roster.Tests.GuardianForms;

public class GuardianResponseDeciderTests
{
    static readonly Guid Mum = new("7d2e0c3a-0000-4000-8000-0000000000a1");
    static readonly FormAssignedToGuardians GuardiansOfAda = new(FormId, [Ada], Admin, Earlier);
    static readonly FormState Trip = DeciderSpec<FormState>.StateAfter(Created(), AssignedTo(Ada, Alan), GuardiansOfAda);
    static readonly Guid ResponseId = Form.GuardianResponseIdOf(FormId, Ada, Mum);

    static readonly object Complete = new { name = "Ada Lovelace", lunch = "packed", photos = true, contact = " Mum, 07700 900123 " };

    static readonly FormAnswer[] CompleteAnswers =
    [
        new("name", Text: "Ada Lovelace"), new("lunch", Choices: ["Packed"]), new("photos", Consent: true),
        new("contact", Text: "Mum, 07700 900123"),
    ];

    static DeciderSpec<FormResponseState> Submitting(object answers, Guid? student = null, FormState? form = null, params object[] given) =>
        DeciderSpec<FormResponseState>.Given(given).WhenStarting(previous =>
            Form.Decide(new SubmitGuardianFormResponse(FormId, student ?? Ada, Mum, Answers(answers), At), form ?? Trip, previous));

    [Fact]
    public void A_guardian_answers_guardian_details_with_the_other_questions() =>
        Submitting(Complete).Then(new GuardianFormResponseSubmitted(ResponseId, FormId, Ada, Mum, CompleteAnswers, 1, At));

    [Fact]
    public void A_second_submission_replaces_the_first_as_a_new_event() =>
        Submitting(Complete, given: new GuardianFormResponseSubmitted(ResponseId, FormId, Ada, Mum, [new FormAnswer("contact", Text: "Mum")], 1, Earlier))
            .Then(new GuardianFormResponseSubmitted(ResponseId, FormId, Ada, Mum, CompleteAnswers, 2, At));

    [Fact]
    public void The_response_state_records_the_guardian_who_answered()
    {
        var state = DeciderSpec<FormResponseState>.StateAfter(new GuardianFormResponseSubmitted(ResponseId, FormId, Ada, Mum, CompleteAnswers, 1, At));
        Assert.Equal((Mum, Respondent.Guardian, Ada), (state.GuardianId, state.AnsweredBy, state.StudentId));
    }

    [Fact]
    public void Each_guardian_of_a_child_has_their_own_response_stream()
    {
        Assert.NotEqual(ResponseId, Form.GuardianResponseIdOf(FormId, Ada, Guid.NewGuid()));
        Assert.NotEqual(Form.ResponseIdOf(FormId, Ada), ResponseId);
    }

    [Fact]
    public void A_form_assigned_only_to_the_student_is_not_for_their_guardians() =>
        Submitting(Complete, Alan).ThenNotFound($"Form {FormId} was not found.");

    [Fact]
    public void A_required_guardian_details_question_is_required_of_a_guardian() =>
        Submitting(new { name = "Ada", lunch = "Hot", photos = true })
            .ThenInvalid("answers.contact", "Question 'contact' (Emergency contact) is required.");

    [Fact]
    public void Guardian_details_take_text() =>
        Submitting(new { name = "Ada", lunch = "Hot", photos = true, contact = new[] { "Mum" } })
            .ThenInvalid("answers.contact", "Question 'contact' (Emergency contact) takes the parent's or guardian's details as text of at most 1000 characters.");

    [Fact]
    public void Guardian_details_longer_than_the_limit_are_refused() =>
        Submitting(new { name = "Ada", lunch = "Hot", photos = true, contact = new string('x', ResponseAnswers.MaxGuardianDetails + 1) })
            .ThenInvalid("answers.contact", "Question 'contact' (Emergency contact) takes the parent's or guardian's details as text of at most 1000 characters.");

    [Fact]
    public void Required_consent_must_be_given_by_the_guardian_too() =>
        Submitting(new { name = "Ada", lunch = "Hot", photos = false, contact = "Mum" })
            .ThenInvalid("answers.photos", "Question 'photos' (I agree to photographs being taken) needs consent to submit the form: answer true.");

    [Fact]
    public void Choices_and_dates_are_checked_as_for_a_student()
    {
        var error = Assert.Throws<Portal.ServiceDefaults.Problems.ValidationFailed>(() => Form.Decide(
            new SubmitGuardianFormResponse(FormId, Ada, Mum, Answers(new { name = "Ada", lunch = "Sushi", birthday = "02/05/2014", photos = true, contact = "Mum", shoeSize = 5 }), At),
            Trip, null));
        Assert.Equal(["answers.birthday", "answers.lunch", "answers.shoeSize"], error.Errors.Keys.Order().ToArray());
        Assert.Equal(["Question 'lunch' (Lunch) takes one of 'Packed' or 'Hot'."], error.Errors["answers.lunch"]);
    }
}
