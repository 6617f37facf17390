package org.forumpass.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * The door roster's thumbnails: 60×80 JPEGs at quality 0.6, 1–2 KB for a photograph, so that a door phone holds the faces
 * of 10,000 delegates in 10–20 MB. Made from the stored 96×128 thumbnail (never from the upload), and named by
 * the base64url SHA-256 of their bytes: the signed roster carries that digest, so a thumbnail fetched apart from the
 * roster is as trustworthy as the roster itself, and a door fetches each one once.
 */
public final class DoorThumbs {
    static final int WIDTH = 60;
    static final int HEIGHT = 80;
    private static final float QUALITY = 0.6f;

    private DoorThumbs() {
    }

    /** The door thumbnail of a stored 96×128 thumbnail. */
    public static byte[] make(byte[] thumbnail) {
        try {
            BufferedImage src = ImageIO.read(new ByteArrayInputStream(thumbnail));
            if (src == null) {
                throw new IllegalStateException("a stored thumbnail is not a readable JPEG");
            }
            return PhotoImage.jpeg(PhotoImage.draw(src, WIDTH, HEIGHT), QUALITY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name of a door thumbnail: base64url (no padding) of the SHA-256 of its bytes, 43 characters. */
    public static String hash(byte[] doorThumb) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(doorThumb);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(d, 32));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
