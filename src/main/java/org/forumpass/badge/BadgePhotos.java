package org.forumpass.badge;

import java.io.IOException;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Issue 14: the delegate's accepted photo on the badge, beside the QR code, at the QR's height (3:4). */
final class BadgePhotos {
    private BadgePhotos() {
    }

    /** Draws the photo with its bottom-left corner at (x, y), {@code height} high; false when there is none. */
    static boolean draw(PDDocument doc, PDPageContentStream cs, Supplier<byte[]> photo, float x, float y, float height)
            throws IOException {
        byte[] jpeg = photo == null ? null : photo.get();
        if (jpeg == null) {
            return false;
        }
        // the stored JPEG is embedded as it is (DCT), never decoded here
        PDImageXObject image = JPEGFactory.createFromByteArray(doc, jpeg);
        cs.drawImage(image, x, y, height * 3 / 4, height);
        return true;
    }
}
