package org.forumpass.photo;

import org.forumpass.common.error.ErrorCode;

public enum PhotoError implements ErrorCode {
    UNREADABLE("photo.unreadable", 400, "The photo is not a readable JPEG or PNG image"),
    TOO_SMALL("photo.too_small", 400, "The photo is smaller than 300×400 pixels"),
    TOO_MANY_PIXELS("photo.too_many_pixels", 400, "The photo has too many pixels"),
    TOO_LARGE("photo.too_large", 413, "The photo is larger than 5 MB"),
    NOT_FOUND("photo.not_found", 404, "The registration has no photo"),
    NOT_PENDING("photo.not_pending", 409, "Only a photo waiting for review can be accepted or rejected"),
    LOCKED("photo.locked", 409, "The photo has been accepted; ask the organizers to change it");

    private final String code;
    private final int status;
    private final String title;

    PhotoError(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public int status() { return status; }
    @Override public String title() { return title; }
}
