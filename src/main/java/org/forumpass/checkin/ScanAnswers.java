package org.forumpass.checkin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.forumpass.checkin.CheckInRecords.Delegate;
import org.forumpass.checkin.CheckInRecords.ScanAnswer;
import org.forumpass.common.I18n;
import org.forumpass.event.AgendaSession;
import org.forumpass.event.Event;
import org.forumpass.registration.Registration;

/** What a door shows for a verdict: the same answer whichever path (lanes, single scan, manual, replay) reached it. */
final class ScanAnswers {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private ScanAnswers() {
    }

    static ScanAnswer answer(Event event, Admission.Decision d, Delegate delegate, AgendaSession session, String lang) {
        return answer(event, d.result(), d.firstScannedAt(), d.firstDeviceId(), delegate, session, lang);
    }

    /**
     * The answer a door shows: the verdict, who it is, and for a repeat when and where they first came in. A badge of
     * another event answers WRONG_EVENT without its delegate, whoever scans it.
     */
    static ScanAnswer answer(Event event, ScanResult result, Instant firstScannedAt, String firstDeviceId, Delegate d,
                             AgendaSession session, String lang) {
        if (result == ScanResult.WRONG_EVENT) {
            d = null; // another event's delegate: the door of this one learns nothing about them (API.md, "Staff scope")
        }
        ZoneId zone = event.zone();
        String message = result.message(lang);
        if (result == ScanResult.ALREADY_CHECKED_IN && firstScannedAt != null) {
            String time = HH_MM.format(firstScannedAt.atZone(zone));
            message = I18n.text(lang, "scan.first_entry", Map.of("message", message, "time", time, "device", firstDeviceId));
        }
        return new ScanAnswer(result, d, session == null ? null : session.code,
                firstScannedAt == null ? null : OffsetDateTime.ofInstant(firstScannedAt, zone), firstDeviceId, message);
    }

    /** A scan stored before answers again as it answered then. */
    static ScanAnswer replay(Event event, Scan s, String lang) {
        Registration r = s.registrationId == null ? null : Registration.findById(s.registrationId);
        AgendaSession session = s.sessionId == null ? null : AgendaSession.findById(s.sessionId);
        return answer(event, s.result, s.firstScannedAt, s.firstDeviceId, delegate(r), session, lang);
    }

    static Delegate delegate(Registration r) {
        return r == null ? null : new Delegate(r.publicId, r.givenName, r.familyName, r.nativeName, r.organization,
                r.country, r.category, r.vip, r.vipRank, r.protocolNote);
    }
}
