package org.forumpass.web;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.email;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.forumpass.common.PublicUrl;
import org.junit.jupiter.api.Test;

/**
 * With the access log and the application's log written to files (the test profile), a delegate's whole journey (the form, the manage
 * link, the badge image by link, the e-mail) leaves neither the manage token nor the e-mail's text in the log.
 */
@QuarkusTest
class SecretsOutOfLogsTest {
    /** Where the test profile writes the access log and the application's log (application.properties). */
    static final Path ACCESS_LOG = Path.of("target", "test-access.log");
    static final Path APP_LOG = Path.of("target", "test-app.log");
    static final String PUBLIC_URL = "https://register.forum.example";

    /** FORUMPASS_PUBLIC_URL=https://register.forum.example for this test only (no restart with a profile). */
    static final class HttpsPublicUrl extends PublicUrl {
        @Override
        public String base() {
            return PUBLIC_URL;
        }
    }

    private static String logs() throws java.io.IOException {
        return (Files.exists(ACCESS_LOG) ? Files.readString(ACCESS_LOG) : "") + "\n"
                + (Files.exists(APP_LOG) ? Files.readString(APP_LOG) : "");
    }

    @Inject
    MockMailbox mailbox;

    @Test
    void noManageTokenNorMailTextReachesAnyLogLine() throws Exception {
        QuarkusMock.installMockForType(new HttpsPublicUrl(), PublicUrl.class);
        String slug = createEvent(event(slug()));
        String email = email();
        String name = "Zephyrine" + slug.substring(2, 8);
        Response submitted = given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("givenName", name).formParam("familyName", "Okafor").formParam("email", email)
                .formParam("country", "NG").formParam("organization", "Lagos Business School").formParam("category", "ACADEMIC")
                .formParam("language", "en").formParam("consent", "true").post("/events/" + slug + "/register");
        submitted.then().statusCode(303);
        String link = submitted.header("Location");
        String id = link.replaceAll(".*/r/([^?]+).*", "$1");
        String token = URLDecoder.decode(link.replaceAll(".*[?&]t=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        assertTrue(token.length() >= 20, link);

        Response opened = given().redirects().follow(false).get("/r/" + id + "?new=1&t=" + token);
        opened.then().statusCode(303);
        assertTrue(opened.header("Set-Cookie").contains("Secure"), "https public URL: " + opened.header("Set-Cookie"));
        given().get("/api/v1/registrations/" + id + "/badge.png?t=" + token).then().statusCode(200);
        given().cookie("fp_m_" + id, opened.cookie("fp_m_" + id)).get("/r/" + id).then().statusCode(200)
                .body(containsString(PUBLIC_URL + "/r/" + id + "?t="));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !mailbox.getMailsSentTo(email).isEmpty());
        List<Mail> mails = mailbox.getMailsSentTo(email);
        String text = mails.get(0).getText();
        assertTrue(text.contains(PUBLIC_URL + "/r/" + id + "?t=" + token) && text.contains(name), text);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> logs().contains("GET /r/" + id + " ")
                && logs().contains("GET /api/v1/registrations/" + id + "/badge.png ")
                && logs().contains("mail for registration " + id));
        String log = logs();
        assertFalse(log.contains(token), "the manage token is in the log");
        assertFalse(log.contains(name), "the e-mail's text (the delegate's name) is in the log");
        assertFalse(log.contains(email), "the delegate's e-mail address is in the log");
    }
}
