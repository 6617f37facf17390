package org.forumpass.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.Category;
import org.forumpass.event.Event;

/**
 * The photo rule of issue 14: where the event's {@code photoRequiredFor} names the delegate's category, the registration
 * stays PENDING and has no badge until its photo is ACCEPTED. Accepting the photo of a PENDING registration that needs
 * no other approval confirms it; one that also waits for an organizer's approval stays PENDING until approved, and
 * approving a registration whose required photo is not accepted answers 409 {@code badge.photo_missing}.
 */
@ApplicationScoped
public class PhotoRequirement {
    @Inject
    Instance<PhotoGate> photos;
    @Inject
    jakarta.enterprise.event.Event<RegistrationEvents.Confirmed> confirmed;
    @Inject
    RegistrationMail mail;

    public static boolean required(Event event, Category category) {
        return category != null && event.photoRequiredFor != null && event.photoRequiredFor.contains(category);
    }

    /** Whether the registration still waits for an accepted photo. */
    public boolean missing(Registration r) {
        return required(r.event, r.category) && !(photos.isResolvable() && r.id != null && photos.get().accepted(r));
    }

    /** 409 badge.photo_missing while the registration waits for an accepted photo. */
    public void requireAccepted(Registration r) {
        if (missing(r)) {
            throw new DomainException(RegistrationError.PHOTO_MISSING,
                    "The event requires an accepted photo for the category " + r.category + "; there is none yet");
        }
    }

    /** Called in the photo's transaction once it is accepted: confirms a PENDING registration that waited only for it. */
    public void photoAccepted(Registration r, String username, Instant now) {
        if (r.status != RegistrationStatus.PENDING
                || RegistrationService.needsApproval(r.event, r.category, RegistrationService.Origin.valueOf(r.source))) {
            return;
        }
        r.status = RegistrationStatus.CONFIRMED;
        r.decidedAt = now;
        r.decidedBy = username;
        r.updatedAt = now;
        r.flush();
        confirmed.fire(new RegistrationEvents.Confirmed(r));
        List<RegistrationSession> seats = RegistrationSession.listByRegistration(r);
        mail.queue(r, MailKind.APPROVED, seats);
    }

    /**
     * The accepted photo to print, read when the badge is drawn (so a bulk print holds one photo at a time); the
     * supplier gives null when the registration has no accepted photo.
     */
    public java.util.function.Supplier<byte[]> printable(Registration r) {
        if (!photos.isResolvable()) {
            return null;
        }
        PhotoGate gate = photos.get(); // the image read answers null without an accepted photo: no query beforehand
        Long id = r.id;
        return () -> gate.acceptedImage(id);
    }

    /**
     * Issue 18: the accepted photos of a print run, read {@code batch} registrations to a query as the pages ask for them
     * (in order): one supplier per registration id, the photo or null. Only the batches around the page being drawn are
     * held in memory.
     */
    public List<java.util.function.Supplier<byte[]>> printable(List<Long> registrationIds, int batch) {
        if (!photos.isResolvable()) {
            return java.util.Collections.nCopies(registrationIds.size(), null);
        }
        PhotoGate gate = photos.get();
        java.util.Map<Integer, java.util.Map<Long, byte[]>> loaded = new java.util.LinkedHashMap<>(4, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<Integer, java.util.Map<Long, byte[]>> eldest) {
                return size() > 2;
            }
        };
        List<java.util.function.Supplier<byte[]>> suppliers = new java.util.ArrayList<>(registrationIds.size());
        for (int i = 0; i < registrationIds.size(); i++) {
            int block = i / batch;
            Long id = registrationIds.get(i);
            suppliers.add(() -> {
                synchronized (loaded) {
                    return loaded.computeIfAbsent(block, b -> gate.acceptedImages(registrationIds.subList(b * batch,
                            Math.min(registrationIds.size(), (b + 1) * batch)))).get(id);
                }
            });
        }
        return suppliers;
    }

    /** The photo part of the registration's view, or null. */
    Object viewOf(Registration r) {
        return photos.isResolvable() ? photos.get().photoOf(r).orElse(null) : null;
    }
}
