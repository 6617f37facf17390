package org.forumpass.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Page texts, one method per key; the texts are in src/main/resources/messages/msg_{language}.properties. */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {
    @Message
    String app_name();

    @Message
    String home_title();

    @Message
    String home_lead();

    @Message
    String home_none();

    @Message
    String home_other();

    @Message
    String registration_open();

    @Message
    String registration_closed();

    @Message
    String register();

    @Message
    String details();

    @Message
    String agenda();

    @Message
    String theme();

    @Message
    String venue();

    @Message
    String seats_left();

    @Message
    String full();

    @Message
    String open_to();

    @Message
    String everyone();

    @Message
    String requires_registration();

    @Message
    String times_local(String zone);

    @Message
    String other_language();

    @Message
    String other_language_code();

    @Message
    String staff_sign_in();

    @Message
    String all_forums();

    @Message
    String form_title();

    @Message
    String form_intro();

    @Message
    String given_name();

    @Message
    String family_name();

    @Message
    String native_name();

    @Message
    String native_name_hint();

    @Message
    String email();

    @Message
    String phone();

    @Message
    String phone_hint();

    @Message
    String country();

    @Message
    String choose();

    @Message
    String organization();

    @Message
    String job_title();

    @Message
    String category();

    @Message
    String mail_language();

    @Message
    String sessions();

    @Message
    String sessions_hint();

    @Message
    String not_for_category();

    @Message
    String invitation_code();

    @Message
    String invitation_hint(String categories);

    @Message
    String consent_label(String version);

    @Message
    String submit();

    @Message
    String errors_title();

    @Message
    String registration_failed();

    @Message
    String manage_title();

    @Message
    String thanks();

    @Message
    String status();

    @Message
    String manage_link_note();

    @Message
    String your_sessions();

    @Message
    String no_sessions();

    @Message
    String change_title();

    @Message
    String save();

    @Message
    String saved();

    @Message
    String cancel_title();

    @Message
    String cancel_confirm();

    @Message
    String cancel_button();

    @Message
    String cancel_needs_confirm();

    @Message
    String cancelled_note();

    @Message
    String link_invalid_title();

    @Message
    String link_invalid_text();

    @Message
    String badge_title();

    @Message
    String badge_note();

    @Message
    String badge_pdf();

    @Message
    String badge_later();

    @Message
    String registration_closed_text();

    @Message
    String details_title();

    @Message
    String no_such_forum();

    @Message
    String no_such_forum_text();

    @Message
    String page_not_found();

    @Message
    String page_not_found_text();

    @Message
    String form_foreign_title();

    @Message
    String form_foreign_text(String url);

    @Message
    String consent_field();

    @Message
    String identity_title();

    @Message
    String identity_note();

    @Message
    String identity_required_for(String categories);

    @Message
    String identity_document_type();

    @Message
    String identity_passport();

    @Message
    String identity_national_id();

    @Message
    String identity_travel_permit();

    @Message
    String identity_number();

    @Message
    String identity_issuing_country();

    @Message
    String identity_nationality();

    @Message
    String identity_expires_on();

    @Message
    String identity_date_of_birth();

    @Message
    String identity_none();

    @Message
    String identity_replace_note();
    @Message
    String photo_title();

    @Message
    String photo_status();

    @Message
    String photo_pending();

    @Message
    String photo_accepted();

    @Message
    String photo_rejected();

    @Message
    String photo_reason();

    @Message
    String photo_required();

    @Message
    String photo_none();

    @Message
    String photo_hint();

    @Message
    String photo_take();

    @Message
    String photo_choose();

    @Message
    String photo_capture();

    @Message
    String photo_preview();

    @Message
    String photo_upload();

    @Message
    String photo_uploading();

    @Message
    String photo_failed();

    @Message
    String photo_no_camera();

    // issue 14: form
    @Message
    String form_required_for(String categories);

    @Message
    String form_yes();

    @Message
    String form_no();

    @Message
    String photo_keep();

    @Message
    String photo_kept();

    @Message
    String photo_later();

    @Message
    String photo_required_for(String categories);

    @Message
    String photo_sending();

    // issue 15: visa invitation letter
    @Message
    String visa_title();

    @Message
    String visa_intro();

    @Message
    String visa_state();

    @Message
    String visa_none();

    @Message
    String visa_requested();

    @Message
    String visa_issued();

    @Message
    String visa_rejected();

    @Message
    String visa_revoked();

    @Message
    String visa_reference();

    @Message
    String visa_issued_on();

    @Message
    String visa_download();

    @Message
    String visa_download_note();

    @Message
    String visa_reason();

    @Message
    String visa_request();

    @Message
    String visa_request_again();

    @Message
    String visa_requested_now();

    @Message
    String visa_needs_passport();

    @Message
    String visa_needs_confirmation();
    // issue 15: the focal point's page (/d/{id})
    @Message
    String delegation_kicker();

    @Message
    String delegation_focal_point(String name);

    @Message
    String delegation_quotas_title();

    @Message
    String delegation_col_category();

    @Message
    String delegation_col_places();

    @Message
    String delegation_quota_line(int used, int quota, int left);

    @Message
    String delegation_members_title();

    @Message
    String delegation_members_none();

    @Message
    String delegation_col_name();

    @Message
    String delegation_col_status();

    @Message
    String delegation_col_photo();

    @Message
    String delegation_col_badge();

    @Message
    String delegation_col_visa();

    @Message
    String delegation_col_actions();

    @Message
    String delegation_photo_missing();

    @Message
    String delegation_photo_none();

    @Message
    String delegation_photo_of(String name);

    @Message
    String delegation_badge_issued();

    @Message
    String delegation_badge_none();

    @Message
    String delegation_visa_requested();

    @Message
    String delegation_visa_issued();

    @Message
    String delegation_visa_rejected();

    @Message
    String delegation_visa_revoked();

    @Message
    String delegation_visa_download();

    @Message
    String delegation_withdraw();

    @Message
    String delegation_replace();

    @Message
    String delegation_withdrawn_title();

    @Message
    String delegation_withdrawn_note();

    @Message
    String delegation_add_title();

    @Message
    String delegation_add_intro();

    @Message
    String delegation_add_none_left();

    @Message
    String delegation_closed();

    @Message
    String delegation_native_name_hint();

    @Message
    String delegation_category_hint();

    @Message
    String delegation_sessions();

    @Message
    String delegation_sessions_hint();

    @Message
    String delegation_not_for_category();

    @Message
    String delegation_photo_hint(String categories);

    @Message
    String delegation_mail_language();

    @Message
    String delegation_consent_label(String version);

    @Message
    String delegation_add_submit();

    @Message
    String delegation_added(String name, String status);

    @Message
    String delegation_withdrawn_notice(String name);

    @Message
    String delegation_replaced_notice(String name, String status);

    @Message
    String delegation_photo_sent(String name);

    @Message
    String delegation_duplicate_email();

    @Message
    String delegation_quota_used_up(int quota, String category);

    @Message
    String delegation_withdraw_title(String name);

    @Message
    String delegation_withdraw_what();

    @Message
    String delegation_withdraw_text(String category);

    @Message
    String delegation_withdraw_confirm(String name);

    @Message
    String delegation_keep();

    @Message
    String delegation_replace_title(String name);

    @Message
    String delegation_replace_intro(String name, String category);

    @Message
    String delegation_new_member();

    @Message
    String delegation_replace_category(String category);

    @Message
    String delegation_replace_submit(String name);

    @Message
    String delegation_not_member_title();

    @Message
    String delegation_not_member_text();

    @Message
    String delegation_visa_request();

    @Message
    String delegation_visa_needs_passport();

    @Message
    String delegation_visa_needs_confirmation();

    @Message
    String delegation_visa_all();

    @Message
    String delegation_visa_requested_notice(String name);

    // registration form and manage page (issue 17)

    @Message
    String full_name();

    @Message
    String manage_link_title();

    @Message
    String privacy_link();

    @Message
    String suggestion_offer(String latin);

    @Message
    String suggestion_use(String latin);

    @Message
    String native_offer();

    @Message
    String native_offer_use();

    @Message
    String offer_family();

    @Message
    String offer_given();

    @Message
    String resend_prompt();

    @Message
    String resend_title();

    @Message
    String resend_intro(String event);

    @Message
    String resend_email();

    @Message
    String resend_submit();

    @Message
    String resend_sent_title();

    @Message
    String resend_sent_text(String email);

    @Message
    String resend_limited_title();

    @Message
    String resend_limited_text();

    @Message
    String resend_back();

    @Message
    String privacy_title();

    @Message
    String privacy_version(String version);

    @Message
    String privacy_who_title();

    @Message
    String privacy_who(String event);

    @Message
    String privacy_what_title();

    @Message
    String privacy_what_details();

    @Message
    String privacy_what_photo();

    @Message
    String privacy_what_identity();

    @Message
    String privacy_what_checkins();

    @Message
    String privacy_why_title();

    @Message
    String privacy_why();

    @Message
    String privacy_sees_title();

    @Message
    String privacy_sees();

    @Message
    String privacy_kept_title();

    @Message
    String privacy_until(String days, String date);

    @Message
    String privacy_no_date();

    @Message
    String privacy_rights_title();

    @Message
    String privacy_rights();
}
