package org.forumpass.photo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.forumpass.common.error.CommonError;
import org.forumpass.common.error.DomainException;

/**
 * Reads an upload with a hard cap: a Content-Length over the cap is refused before a byte is read, and a body without
 * one (chunked) is refused as soon as the cap is crossed, so at most {@code MAX_BYTES} + one buffer is ever held.
 */
public final class PhotoBody {
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private PhotoBody() {
    }

    public static byte[] read(InputStream in, Long contentLength) {
        if (contentLength != null && contentLength > MAX_BYTES) {
            throw tooLarge();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(contentLength == null ? 64 * 1024 : contentLength.intValue());
        byte[] buf = new byte[16 * 1024];
        try {
            int n;
            while (in != null && (n = in.read(buf)) > 0) {
                if (out.size() + n > MAX_BYTES) {
                    throw tooLarge();
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new DomainException(CommonError.MALFORMED, "The upload could not be read");
        }
        if (out.size() == 0) {
            throw new DomainException(PhotoError.UNREADABLE, "The body is empty; send a JPEG or PNG photo");
        }
        return out.toByteArray();
    }

    private static DomainException tooLarge() {
        return new DomainException(PhotoError.TOO_LARGE, "A photo may be at most 5 MB (" + MAX_BYTES + " bytes)");
    }
}
