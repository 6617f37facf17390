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
}
