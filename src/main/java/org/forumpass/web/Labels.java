package org.forumpass.web;

import java.util.Map;
import org.forumpass.registration.RegistrationStatus;
import org.forumpass.registration.SeatStatus;
import org.forumpass.event.Category;
import org.forumpass.event.SessionType;

/** Names of categories and session types in the page's language. */
public final class Labels {
    private static final Map<Category, String[]> CATEGORIES = Map.of(
            Category.GOVERNMENT, new String[] {"Government", "政府"},
            Category.DIPLOMATIC, new String[] {"Diplomatic corps", "外交使节"},
            Category.ACADEMIC, new String[] {"Academia", "学术界"},
            Category.INDUSTRY, new String[] {"Industry", "企业界"},
            Category.MEDIA, new String[] {"Media", "媒体"},
            Category.SPEAKER, new String[] {"Speaker", "演讲嘉宾"},
            Category.STAFF, new String[] {"Staff", "工作人员"});
    private static final Map<SessionType, String[]> TYPES = Map.ofEntries(
            Map.entry(SessionType.PLENARY, new String[] {"Plenary", "全体大会"}),
            Map.entry(SessionType.KEYNOTE, new String[] {"Keynote", "主旨演讲"}),
            Map.entry(SessionType.PANEL, new String[] {"Panel", "专题讨论"}),
            Map.entry(SessionType.ROUND_TABLE, new String[] {"Round table", "圆桌对话"}),
            Map.entry(SessionType.SUB_FORUM, new String[] {"Sub-forum", "分论坛"}),
            Map.entry(SessionType.SYMPOSIUM, new String[] {"Symposium", "座谈会"}),
            Map.entry(SessionType.SEMINAR, new String[] {"Seminar", "研讨会"}),
            Map.entry(SessionType.CEREMONY, new String[] {"Ceremony", "仪式"}),
            Map.entry(SessionType.EXHIBITION, new String[] {"Exhibition", "展览"}),
            Map.entry(SessionType.NEGOTIATION, new String[] {"B2B negotiation", "洽谈会"}),
            Map.entry(SessionType.OTHER, new String[] {"Other", "其他"}));

    private static final Map<RegistrationStatus, String[]> STATUSES = Map.of(
            RegistrationStatus.CONFIRMED, new String[] {"Confirmed", "已确认"},
            RegistrationStatus.PENDING, new String[] {"Awaiting approval", "待审核"},
            RegistrationStatus.WAITLISTED, new String[] {"On the waiting list", "候补中"},
            RegistrationStatus.CANCELLED, new String[] {"Cancelled", "已取消"},
            RegistrationStatus.REJECTED, new String[] {"Not accepted", "未获批准"});
    private static final Map<SeatStatus, String[]> SEATS = Map.of(
            SeatStatus.CONFIRMED, new String[] {"seat confirmed", "席位已确认"},
            SeatStatus.WAITLISTED, new String[] {"on the waiting list", "候补中"});

    private Labels() {
    }

    public static String status(RegistrationStatus s, String lang) {
        return STATUSES.get(s)["zh".equals(lang) ? 1 : 0];
    }

    public static String seat(SeatStatus s, String lang) {
        return SEATS.get(s)["zh".equals(lang) ? 1 : 0];
    }

    public static String category(Category c, String lang) {
        return CATEGORIES.get(c)["zh".equals(lang) ? 1 : 0];
    }

    public static String sessionType(SessionType t, String lang) {
        return TYPES.get(t)["zh".equals(lang) ? 1 : 0];
    }
}
