package org.forumpass.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Page texts in English; Chinese in src/main/resources/messages/msg_zh.properties. */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {
    @Message("ForumPass")
    String app_name();

    @Message("Forums open for registration")
    String home_title();

    @Message("Register for international forums, get your badge, and check in at the door.")
    String home_lead();

    @Message("No forum takes registrations at the moment.")
    String home_none();

    @Message("Other forums")
    String home_other();

    @Message("Registration open")
    String registration_open();

    @Message("Registration closed")
    String registration_closed();

    @Message("Register")
    String register();

    @Message("Details and agenda")
    String details();

    @Message("Agenda")
    String agenda();

    @Message("Theme")
    String theme();

    @Message("Venue")
    String venue();

    @Message("Seats left")
    String seats_left();

    @Message("Full")
    String full();

    @Message("Open to")
    String open_to();

    @Message("Everyone")
    String everyone();

    @Message("Sign-up required")
    String requires_registration();

    @Message("Times are local ({zone}).")
    String times_local(String zone);

    @Message("中文")
    String other_language();

    @Message("zh")
    String other_language_code();

    @Message("Staff sign-in")
    String staff_sign_in();

    @Message("All forums")
    String all_forums();

    @Message("Register for this forum")
    String form_title();

    @Message("Fields marked * are required. Names may be written in any script.")
    String form_intro();

    @Message("Given name (Latin letters) *")
    String given_name();

    @Message("Family name (Latin letters) *")
    String family_name();

    @Message("Name in your own script")
    String native_name();

    @Message("As it should be printed on your badge, e.g. 李肇星, Иван Петров, محمد علي.")
    String native_name_hint();

    @Message("E-mail *")
    String email();

    @Message("Mobile phone")
    String phone();

    @Message("International format with country code, e.g. +86 138 0013 8000.")
    String phone_hint();

    @Message("Country or region *")
    String country();

    @Message("Choose…")
    String choose();

    @Message("Organization *")
    String organization();

    @Message("Job title")
    String job_title();

    @Message("Delegate category *")
    String category();

    @Message("Language of e-mails")
    String mail_language();

    @Message("Sessions you will attend")
    String sessions();

    @Message("Sessions marked \"sign-up required\" admit only delegates who chose them; a full session puts you on its waiting list.")
    String sessions_hint();

    @Message("not open to your category")
    String not_for_category();

    @Message("Invitation code")
    String invitation_code();

    @Message("Required for: {categories}.")
    String invitation_hint(String categories);

    @Message("I agree that the organizers store and use these details to run the forum (privacy notice version {version}). *")
    String consent_label(String version);

    @Message("Register")
    String submit();

    @Message("Please correct the fields below")
    String errors_title();

    @Message("Your registration could not be completed")
    String registration_failed();

    @Message("Your registration")
    String manage_title();

    @Message("Thank you — your registration has been received.")
    String thanks();

    @Message("Status")
    String status();

    @Message("This private link lets you view, change or cancel your registration. Keep it safe; it was also sent to you by e-mail:")
    String manage_link_note();

    @Message("Your sessions")
    String your_sessions();

    @Message("No session chosen.")
    String no_sessions();

    @Message("Change your details")
    String change_title();

    @Message("Save changes")
    String save();

    @Message("Your changes are saved.")
    String saved();

    @Message("Cancel your registration")
    String cancel_title();

    @Message("Yes, cancel my registration. My seats go to the next delegates on the waiting list.")
    String cancel_confirm();

    @Message("Cancel my registration")
    String cancel_button();

    @Message("Tick the box to confirm the cancellation.")
    String cancel_needs_confirm();

    @Message("This registration is cancelled.")
    String cancelled_note();

    @Message("This link is not valid")
    String link_invalid_title();

    @Message("The link is incomplete, has been replaced, or the registration does not exist. Open the link from your latest e-mail.")
    String link_invalid_text();

    @Message("Your badge")
    String badge_title();

    @Message("Show this code at the door. If it cannot be scanned, staff can type the code printed under it.")
    String badge_note();

    @Message("Download the printable badge (PDF)")
    String badge_pdf();

    @Message("Your badge appears here once your registration is confirmed.")
    String badge_later();

    @Message("This forum does not take registrations now.")
    String registration_closed_text();

    @Message("Your details")
    String details_title();

    @Message("No such forum")
    String no_such_forum();

    @Message("The link does not lead to a forum. The forums open for registration are on the home page.")
    String no_such_forum_text();

    @Message("This form was sent from another site")
    String form_foreign_title();

    @Message("For your safety it was not accepted: forms are taken only from this service's own pages. Open {url} and send the form again.")
    String form_foreign_text(String url);

    // issue 14: form
    @Message("Required for: {categories}")
    String form_required_for(String categories);

    @Message("Yes")
    String form_yes();

    @Message("No")
    String form_no();
}
