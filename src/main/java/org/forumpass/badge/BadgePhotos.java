package org.forumpass.badge;

import org.forumpass.common.PdfCanvas;

/** Issue 14: the delegate's accepted photo on the badge, beside the QR code, at the QR's height (3:4). */
final class BadgePhotos {
    private BadgePhotos() {
    }

    /**
     * Draws the photo with its bottom-left corner at (x, y), {@code height} high; false when there is none (or it is not
     * a JPEG a PDF can show). The stored JPEG is embedded as it is (DCT), never decoded here.
     */
    static boolean draw(PdfCanvas cs, byte[] jpeg, float x, float y, float height) {
        PdfCanvas.Jpeg image = jpeg == null ? null : PdfCanvas.Jpeg.of(jpeg);
        if (image == null) {
            return false;
        }
        cs.image(image, x, y, height * 3 / 4, height);
        return true;
    }
}
