package org.forumpass;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders and signed-in callers for tests. Each test makes its own event, so tests share no state. */
public final class Fixtures {
    public static final String ADMIN_PASSWORD = "test-admin-password";
    private static volatile String organizerToken;
    private static volatile String doorToken;

    private Fixtures() {
    }

    public static String organizerToken() {
        if (organizerToken == null) {
            organizerToken = login("admin", ADMIN_PASSWORD);
        }
        return organizerToken;
    }

    public static synchronized String doorToken() {
        if (doorToken == null) {
            String username = "door-" + unique();
            given().contentType(ContentType.JSON).auth().oauth2(organizerToken())
                    .body(Map.of("username", username, "password", "door-password-1", "role", "door"))
                    .post("/api/v1/staff").then().statusCode(201);
            doorToken = login(username, "door-password-1");
        }
        return doorToken;
    }

    /** Creates a staff account (events null: every event) and answers its username; the password is {@code username + "-password"}. */
    public static String staff(String role, List<String> events) {
        String username = role + "-" + unique();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", username + "-password");
        body.put("role", role);
        body.put("events", events);
        given().contentType(ContentType.JSON).auth().oauth2(organizerToken()).body(body)
                .post("/api/v1/staff").then().statusCode(201);
        return username;
    }

    /** A token of a new staff account of {@code role} for {@code events} (null: every event). */
    public static String staffToken(String role, List<String> events) {
        String username = staff(role, events);
        return login(username, username + "-password");
    }

    public static String login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("token");
    }

    public static RequestSpecification asOrganizer() {
        return given().contentType(ContentType.JSON).auth().oauth2(organizerToken());
    }

    public static RequestSpecification asDoor() {
        return given().contentType(ContentType.JSON).auth().oauth2(doorToken());
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    /**
     * Waits until the current fixed window of {@code window} (aligned to the epoch, as the limits count) has
     * at least {@code room} left, so that a test of a limit does not straddle a window's end and see the count restart.
     */
    public static void awaitRoomInWindow(java.time.Duration window, java.time.Duration room) {
        long len = window.toMillis();
        org.awaitility.Awaitility.await("a fixed window with " + room + " left").atMost(window.plus(room))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> len - java.time.Instant.now().toEpochMilli() % len >= room.toMillis());
    }

    /**
     * The mails sent to {@code to}, once there are at least {@code n} (within 10 s): mails leave through the outbox's
     * sender thread, a moment after the request that wrote them has answered.
     */
    public static java.util.List<io.quarkus.mailer.Mail> mailsSentTo(io.quarkus.mailer.MockMailbox mailbox, String to, int n) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> mailbox.getMailsSentTo(to).size() >= n);
        return mailbox.getMailsSentTo(to);
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static String slug() {
        return "t-" + unique();
    }

    /** A valid event body, one day in Shanghai a month from now; change fields with put(). */
    public static Map<String, Object> event(String slug) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30).truncatedTo(ChronoUnit.DAYS).withHour(9);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("slug", slug);
        e.put("name", "Test Forum " + slug);
        e.put("nameZh", "测试论坛");
        e.put("city", "Shanghai");
        e.put("venue", "Grand Ballroom");
        e.put("startsAt", start.toString());
        e.put("endsAt", start.plusHours(9).toString());
        e.put("timeZone", "Asia/Shanghai");
        e.put("capacity", 100);
        e.put("approvalRequiredFor", List.of());
        e.put("sessions", new ArrayList<>());
        return e;
    }

    public static Map<String, Object> session(String code, OffsetDateTime start) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("code", code);
        s.put("title", "Session " + code);
        s.put("type", "PANEL");
        s.put("room", "Room A");
        s.put("startsAt", start.toString());
        s.put("endsAt", start.plusHours(1).toString());
        s.put("capacity", 10);
        s.put("restrictedTo", null);
        s.put("requiresRegistration", false);
        return s;
    }

    /** A valid registration body for the event. */
    public static Map<String, Object> delegate(String email, String... sessions) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("givenName", "Anna");
        d.put("familyName", "Novák");
        d.put("nativeName", "Anna Nováková");
        d.put("jobTitle", "Director");
        d.put("organization", "Czech Telecom Union");
        d.put("country", "CZ");
        d.put("email", email);
        d.put("phone", "+420 601 234 567");
        d.put("category", "INDUSTRY");
        d.put("sessions", List.of(sessions));
        d.put("language", "en");
        d.put("consent", true);
        d.put("invitationCode", null);
        return d;
    }

    public static String email() {
        return "d-" + UUID.randomUUID() + "@example.org"; // 122 random bits: a race of 500 registrations never repeats one
    }

    /** Registers and answers the 201 body as a map (id, status, manageToken, sessions). */
    public static Map<String, Object> register(String slug, Map<String, Object> body) {
        return anonymous().body(body).post("/api/v1/events/" + slug + "/registrations").then().statusCode(201)
                .extract().jsonPath().getMap("");
    }

    /** Creates an event with the given sessions and answers its slug. */
    public static String createEvent(Map<String, Object> event) {
        asOrganizer().body(event).post("/api/v1/events").then().statusCode(201);
        return (String) event.get("slug");
    }

    /** An event happening now, with doors for every check-in rule. Sessions: PLENARY (open), TALK (sign-up required), DIPLO (diplomats only), ROOM (1 person at a time), LATER (next year). */
    public static String doorRulesEvent(boolean windows) {
        String slug = slug();
        Map<String, Object> e = event(slug);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        e.put("startsAt", now.minusHours(1).toString());
        e.put("endsAt", now.plusDays(400).toString());
        e.put("checkinWindowEnabled", windows);
        Map<String, Object> plenary = session("PLENARY", now.minusMinutes(10));
        plenary.put("capacity", null);
        Map<String, Object> talk = session("TALK", now.minusMinutes(10));
        talk.put("requiresRegistration", true);
        Map<String, Object> diplo = session("DIPLO", now.minusMinutes(10));
        diplo.put("restrictedTo", List.of("DIPLOMATIC"));
        Map<String, Object> room = session("ROOM", now.minusMinutes(10));
        room.put("capacity", 1);
        Map<String, Object> later = session("LATER", now.plusDays(300));
        e.put("sessions", List.of(plenary, talk, diplo, room, later));
        return createEvent(e);
    }

}
