package org.forumpass.registration;

/** The e-mails a delegate receives, each in the delegate's language. */
public enum MailKind {
    CONFIRMED("Your registration for {event} is confirmed", "您已成功报名{event}",
            "Your place is confirmed. Your badge with its QR code is on your registration page.",
            "您的报名已确认。您的参会证件（含二维码）可在报名页面查看。"),
    PENDING("We received your registration for {event}", "我们已收到您对{event}的报名",
            "Your registration awaits the organizers' approval. We will write again when they decide.",
            "您的报名正在等待主办方审核，审核结果将另行通知。"),
    WAITLISTED("You are on the waiting list for {event}", "您已进入{event}的候补名单",
            "The forum is full. You are on the waiting list and will move up, in order, as places free.",
            "论坛名额已满。您已进入候补名单，有名额空出时将按顺序递补。"),
    APPROVED("Your registration for {event} is approved", "您对{event}的报名已获批准",
            "The organizers approved your registration. Your badge is on your registration page.",
            "主办方已批准您的报名。您的参会证件可在报名页面查看。"),
    REJECTED("Your registration for {event}", "关于您对{event}的报名",
            "We are sorry: the organizers could not accept your registration.",
            "很抱歉，主办方未能接受您的报名。"),
    MOVED_UP("A place is yours at {event}", "您已从候补转为{event}正式参会",
            "A place became free and you have moved up from the waiting list.",
            "有名额空出，您已从候补名单递补。"),
    CANCELLED("Your registration for {event} is cancelled", "您对{event}的报名已取消",
            "Your registration is cancelled and your badge no longer admits you. If this was a mistake, register again or write to the organizers.",
            "您的报名已取消，参会证件随之失效。如有误，请重新报名或联系主办方。");

    final String subjectEn;
    final String subjectZh;
    final String leadEn;
    final String leadZh;

    MailKind(String subjectEn, String subjectZh, String leadEn, String leadZh) {
        this.subjectEn = subjectEn;
        this.subjectZh = subjectZh;
        this.leadEn = leadEn;
        this.leadZh = leadZh;
    }

    static MailKind forStatus(RegistrationStatus status) {
        return switch (status) {
            case CONFIRMED -> CONFIRMED;
            case PENDING -> PENDING;
            case WAITLISTED -> WAITLISTED;
            case REJECTED -> REJECTED;
            case CANCELLED -> CANCELLED;
        };
    }
}
