package org.forumpass.photo;

/** The photo tests' event, for the browser tests in another package. */
public final class PhotoTestEvents {
    private PhotoTestEvents() {
    }

    public static String photoEvent() {
        return PhotoTest.photoEvent();
    }
}
