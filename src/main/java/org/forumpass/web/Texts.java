package org.forumpass.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.LinkedHashMap;
import java.util.Map;
import org.forumpass.common.error.DomainException;

/** Page texts needed in Java: field names, and the server's errors as a delegate should read them. */
final class Texts {
    /** The API's violation messages (English) that a form shows in Chinese; others are shown as they are. */
    private static final Map<String, String> ZH = new LinkedHashMap<>();

    static {
        ZH.put("is required", "此项必填");
        ZH.put("must not be blank", "此项必填");
        ZH.put("must not be null", "此项必填");
        ZH.put("is not a valid e-mail address", "电子邮箱地址无效");
        ZH.put("is not a valid phone number", "手机号码无效，请填写含国家代码的号码，例如 +86 138 0013 8000");
        ZH.put("is not an ISO 3166-1 alpha-2 country code", "请选择国家或地区");
        ZH.put("must be given to register", "请勾选同意后再提交");
        ZH.put("is required for the category", "您的类别需要填写邀请码");
        ZH.put("is not valid for", "邀请码无效");
        ZH.put("has been used up", "邀请码已用完");
        ZH.put("has expired", "邀请码已过期");
        ZH.put("is not offered for online registration", "此类别不能在线报名，由主办方邀请");
        ZH.put("is not open to the category", "您的类别不能参加所选会议");
        ZH.put("is not a session of this event", "所选会议不属于本论坛");
        ZH.put("size must be between", "长度超出限制");
        ZH.put("must not contain control characters", "不能包含控制字符");
        // issue 14: form
        ZH.put("is not one of the options offered", "请从所给选项中选择");
        ZH.put("must be a date written yyyy-MM-dd", "日期格式应为 yyyy-MM-dd，例如 2026-05-14");
        ZH.put("must be true or false", "请选择“是”或“否”");
        ZH.put("must be text", "请填写文字");
        ZH.put("must be one option value", "请从所给选项中选择");
        ZH.put("must be a list of option values", "请从所给选项中选择");
        ZH.put("is not a field of this event's form", "本论坛的报名表没有此项");
    }

    private Texts() {
    }

    static Msg bundle(String lang) {
        return MessageBundles.get(Msg.class, Localized.Literal.of("zh".equals(lang) ? "zh" : "en"));
    }

    static String violation(String lang, String message) {
        if (!"zh".equals(lang) || message == null) {
            return message;
        }
        for (Map.Entry<String, String> e : ZH.entrySet()) {
            if (message.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return message;
    }

    static String field(String lang, String field) {
        Msg m = bundle(lang);
        String label = switch (field) {
            case "givenName" -> m.given_name();
            case "familyName" -> m.family_name();
            case "nativeName" -> m.native_name();
            case "email" -> m.email();
            case "phone" -> m.phone();
            case "country" -> m.country();
            case "organization" -> m.organization();
            case "jobTitle" -> m.job_title();
            case "category" -> m.category();
            case "language" -> m.mail_language();
            case "sessions" -> m.sessions();
            case "invitationCode" -> m.invitation_code();
            case "consent" -> "zh".equals(lang) ? "同意" : "Consent";
            default -> field;
        };
        return label.replace(" *", "").replace("*", "");
    }

    /** An error that concerns the whole form (duplicate e-mail, registration closed, ...). */
    static String failure(String lang, DomainException e) {
        boolean zh = "zh".equals(lang);
        return switch (e.error().code()) {
            case "registration.duplicate_email" -> zh
                    ? "此电子邮箱已报名本论坛。请使用确认邮件中的链接查看或修改报名。"
                    : "This e-mail address is already registered for this forum. Use the link in your confirmation e-mail to view or change your registration.";
            case "registration.closed" -> zh ? "本论坛目前不接受报名。" : "This forum does not take registrations now.";
            case "registration.not_active" -> zh ? "此报名已取消，不能再修改。" : "This registration is cancelled and can no longer be changed.";
            default -> e.getMessage();
        };
    }
}
