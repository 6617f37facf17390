package org.forumpass.photo;

import static io.restassured.RestAssured.given;
import static org.forumpass.Fixtures.asOrganizer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs in the 256 MB JVM (surefire execution heap-256m): a 20,000×20,000 PNG would take 400 MB (greyscale) to 1.6 GB
 * (RGB) decoded, so it must be refused from its header; a large but legitimate 36-megapixel PNG is decoded with
 * subsampling and stored.
 */
@QuarkusTest
@Tag("heap256")
class PhotoBombTest {
    @Test
    void bombIsRefusedUndecodedAndLargePhotosAreDecodedWithinTheHeap() {
        assertTrue(Runtime.getRuntime().maxMemory() <= 300L << 20 || System.getProperty("photo.heap.free") != null,
                "this test is meant to run with the heap capped at 256 MB: " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        String slug = PhotoTest.photoEvent();
        Map<String, Object> d = PhotoTest.registered(slug);
        String id = (String) d.get("id");
        String token = (String) d.get("manageToken");
        byte[] bomb = TestImages.pngBomb(20_000);
        assertTrue(bomb.length < 1 << 20, "the bomb is small on the wire: " + bomb.length);
        for (int i = 0; i < 3; i++) {
            PhotoTest.upload(id, token, "image/png", bomb, null).then().statusCode(400)
                    .body("code", is("photo.too_many_pixels")).body("detail", containsString("not decoded"));
        }
        asOrganizer().get("/api/v1/registrations/" + id).then().statusCode(200).body("photo", nullValue());
        PhotoTest.upload(id, token, "image/png", TestImages.pngBomb(6_000), null).then().statusCode(200)
                .body("photo.width", is(600)).body("photo.height", is(800));
        given().auth().oauth2(token).get("/api/v1/registrations/" + id + "/photo.jpg").then().statusCode(200);
    }
}
