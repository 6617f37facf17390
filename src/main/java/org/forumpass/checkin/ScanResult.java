package org.forumpass.checkin;

/** The verdict at the door, with its message in English and Chinese. */
public enum ScanResult {
    ACCEPTED("Welcome", "欢迎入场"),
    ALREADY_CHECKED_IN("Already checked in", "已签到"),
    NOT_REGISTERED_FOR_SESSION("Not registered for this session", "未报名此场次"),
    CATEGORY_NOT_ALLOWED("This session is not open to the delegate's category", "此场次不对该类别开放"),
    NOT_CONFIRMED("Registration not confirmed", "报名未确认"),
    REVOKED("Badge revoked", "证件已作废"),
    WRONG_EVENT("Badge of another event", "非本活动证件"),
    INVALID_CODE("Invalid code", "无效代码"),
    SESSION_FULL("The room is full", "会场已满"),
    OUTSIDE_SESSION_WINDOW("Outside the session's time", "不在场次入场时间内");

    final String en;
    final String zh;

    ScanResult(String en, String zh) {
        this.en = en;
        this.zh = zh;
    }

    public String message(String lang) {
        return "zh".equals(lang) ? zh : en;
    }
}
