package org.forumpass.common;

import static org.forumpass.Fixtures.asDoor;
import static org.forumpass.Fixtures.asOrganizer;
import static org.forumpass.Fixtures.createEvent;
import static org.forumpass.Fixtures.event;
import static org.forumpass.Fixtures.slug;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A page, size or date that is not one answers 400 with a violation naming the parameter, on every list. */
@QuarkusTest
class QueryParametersTest {
    private static final List<String> BAD_PAGING = List.of("page=abc", "page=-1", "size=abc", "size=-1", "size=0", "size=99999",
            "page=1.5", "size=2147483648");

    private static void refused(Supplier<RequestSpecification> as, String path, String query, String parameter) {
        as.get().get(path + (path.contains("?") ? "&" : "?") + query).then().statusCode(400)
                .contentType("application/problem+json").body("code", is("request.invalid"))
                .body("violations.field", hasItem(parameter));
    }

    @Test
    void everyPagedListRefusesABadPageOrSize() {
        String slug = createEvent(event(slug()));
        for (String list : List.of("/api/v1/events/" + slug + "/registrations", "/api/v1/audit", "/api/v1/staff")) {
            for (String q : BAD_PAGING) {
                refused(org.forumpass.Fixtures::asOrganizer, list, q, q.substring(0, q.indexOf('=')));
            }
            asOrganizer().get(list + "?page=0&size=500").then().statusCode(200).body("size", is(500));
            asOrganizer().get(list).then().statusCode(200).body("page", is(0)).body("size", is(50));
        }
    }

    @Test
    void bothBadParametersAreNamedInOneAnswer() {
        asOrganizer().get("/api/v1/audit?page=x&size=y&from=yesterday").then().statusCode(400)
                .body("violations.field", hasItems("from", "page", "size"));
    }

    @Test
    void theAuditLogRefusesABadDateAndTakesAGoodOne() {
        for (String path : List.of("/api/v1/audit", "/api/v1/audit/export.csv")) {
            refused(org.forumpass.Fixtures::asOrganizer, path, "from=not-a-date", "from");
            refused(org.forumpass.Fixtures::asOrganizer, path, "to=2026-13-45", "to");
            refused(org.forumpass.Fixtures::asOrganizer, path, "from=2026-11-20T25:00:00Z", "from");
            asOrganizer().queryParam("from", "2026-11-20").queryParam("to", "2026-11-21T09:00:00+08:00").get(path).then().statusCode(200);
        }
    }

    @Test
    void theDoorSearchAndTheQrImageRefuseABadSize() {
        String slug = createEvent(event(slug()));
        refused(org.forumpass.Fixtures::asDoor, "/api/v1/events/" + slug + "/checkin/search?q=ann", "size=abc", "size");
        refused(org.forumpass.Fixtures::asDoor, "/api/v1/events/" + slug + "/checkin/search?q=ann", "size=101", "size");
        asDoor().get("/api/v1/events/" + slug + "/checkin/search?q=ann&size=5").then().statusCode(200);
        refused(org.forumpass.Fixtures::asOrganizer, "/api/v1/registrations/nobody/badge.png", "size=big", "size");
    }
}
