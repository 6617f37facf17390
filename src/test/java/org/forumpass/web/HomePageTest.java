package org.forumpass.web;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.session;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HomePageTest {

    @Test
    void listsOpenEventsInEnglishOrChinese() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("name", "Digital Silk Road Forum " + slug);
        e.put("nameZh", "数字丝路论坛 " + slug);
        Map<String, Object> s = session("SUB-1", OffsetDateTime.parse((String) e.get("startsAt")));
        s.put("title", "Silk Road E-commerce International Cooperation");
        s.put("titleZh", "丝路电商国际合作");
        s.put("type", "SUB_FORUM");
        s.put("restrictedTo", List.of("DIPLOMATIC"));
        e.put("sessions", List.of(s));
        createEvent(e);

        given().get("/").then().statusCode(200).contentType("text/html")
                .body(containsString("Digital Silk Road Forum " + slug))
                .body(containsString("href=\"/events/" + slug + "\""));
        given().header("Accept-Language", "zh-CN,zh;q=0.9").get("/").then().statusCode(200)
                .header("Content-Language", "zh")
                .body(containsString("数字丝路论坛 " + slug))
                .body(containsString("正在接受报名的论坛"));
        given().get("/?lang=zh").then().cookie("fp_lang", "zh");
        given().cookie("fp_lang", "zh").get("/events/" + slug).then().statusCode(200)
                .body(containsString("丝路电商国际合作"))
                .body(containsString("分论坛"))
                .body(containsString("外交使节"));
    }

    @Test
    void escapesWhatOrganizersAndDelegatesType() {
        String slug = slug();
        Map<String, Object> e = event(slug);
        e.put("name", "<script>alert('x')</script> Forum");
        createEvent(e);
        given().get("/").then().body(not(containsString("<script>alert('x')</script>")))
                .body(containsString("&lt;script&gt;"));
    }

    @Test
    void unknownEventPageIs404() {
        given().get("/events/no-such-forum").then().statusCode(404);
    }
}
