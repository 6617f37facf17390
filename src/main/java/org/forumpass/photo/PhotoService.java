package org.forumpass.photo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.Text;
import org.forumpass.common.error.DomainException;
import org.forumpass.registration.PhotoGate;
import org.forumpass.registration.PhotoRequirement;
import org.forumpass.registration.Registration;
import org.forumpass.registration.RegistrationError;
import org.forumpass.registration.RegistrationService;

/**
 * Delegates' photos (issue 14): the image is checked and re-encoded before any write (see {@link PhotoImage}), then
 * stored in one transaction as the registration's only photo, waiting for review. Accepting it may confirm the
 * registration (see {@link PhotoRequirement}); rejecting it keeps the reason for the delegate, who answers with a new
 * upload.
 */
@ApplicationScoped
public class PhotoService implements PhotoGate {
    static final int MAX_REASON = 500;

    @Inject
    RegistrationService registrations;
    @Inject
    PhotoRequirement requirement;
    @Inject
    Clock clock;

    /** Decodes, checks and re-encodes outside any transaction, then stores. Nothing is written when the image is refused. */
    public PhotoView upload(String publicId, byte[] body, PhotoImage.Crop crop, boolean organizer) {
        checkCanUpload(publicId, organizer);
        PhotoImage.Processed p = PhotoImage.process(body, crop);
        return store(publicId, p, organizer);
    }

    @Transactional
    void checkCanUpload(String publicId, boolean organizer) {
        Registration r = active(publicId);
        if (!organizer) {
            RegistrationPhoto.findByRegistration(r.id).filter(ph -> ph.status == PhotoStatus.ACCEPTED).ifPresent(ph -> {
                throw new DomainException(PhotoError.LOCKED, "Your photo has been accepted; ask the organizers to change it");
            });
        }
    }

    @Transactional
    PhotoView store(String publicId, PhotoImage.Processed p, boolean organizer) {
        Registration r = active(publicId);
        RegistrationPhoto photo = RegistrationPhoto.findByRegistration(r.id).orElseGet(RegistrationPhoto::new);
        if (!organizer && photo.status == PhotoStatus.ACCEPTED) {
            throw new DomainException(PhotoError.LOCKED, "Your photo has been accepted; ask the organizers to change it");
        }
        photo.registrationId = r.id;
        photo.status = PhotoStatus.PENDING_REVIEW;
        photo.image = p.jpeg();
        photo.thumbnail = p.thumbnail();
        photo.doorThumb = DoorThumbs.make(p.thumbnail());
        photo.doorThumbHash = DoorThumbs.hash(photo.doorThumb);
        photo.width = p.width();
        photo.height = p.height();
        photo.rejectionReason = null;
        photo.reviewedAt = null;
        photo.reviewedBy = null;
        photo.uploadedAt = clock.instant();
        photo.persistAndFlush();
        return view(photo, r);
    }

    @Transactional
    public PhotoView accept(String publicId, String username) {
        Registration r = registrations.require(publicId);
        RegistrationPhoto photo = pending(r);
        Instant now = clock.instant();
        photo.status = PhotoStatus.ACCEPTED;
        photo.reviewedAt = now;
        photo.reviewedBy = username;
        photo.flush();
        requirement.photoAccepted(r, username, now);
        return view(photo, r);
    }

    @Transactional
    public PhotoView reject(String publicId, String reason, String username) {
        String clean = Text.clean(reason);
        Violations v = new Violations();
        if (clean == null || clean.isBlank()) {
            v.add("reason", "must be given: the delegate sees it and uploads a new photo");
        } else if (clean.length() > MAX_REASON) {
            v.add("reason", "must be at most " + MAX_REASON + " characters");
        }
        v.throwIfAny();
        Registration r = registrations.require(publicId);
        RegistrationPhoto photo = pending(r);
        photo.status = PhotoStatus.REJECTED;
        photo.rejectionReason = clean;
        photo.reviewedAt = clock.instant();
        photo.reviewedBy = username;
        photo.flush();
        return view(photo, r);
    }

    /** The stored JPEG, full or the 96×128 thumbnail (404 photo.not_found without a photo). */
    @Transactional
    public byte[] image(String publicId, boolean thumbnail) {
        Registration r = registrations.require(publicId);
        List<byte[]> found = RegistrationPhoto.getEntityManager().createQuery(
                        "select " + (thumbnail ? "p.thumbnail" : "p.image") + " from RegistrationPhoto p where p.registrationId = ?1",
                        byte[].class)
                .setParameter(1, r.id).getResultList();
        if (found.isEmpty()) {
            throw new DomainException(PhotoError.NOT_FOUND, "The registration has no photo");
        }
        return found.get(0);
    }

    @Override
    public Optional<Object> photoOf(Registration r) {
        if (r.id == null) {
            return Optional.empty();
        }
        List<Object[]> rows = RegistrationPhoto.getEntityManager().createQuery(
                        "select p.status, p.width, p.height, p.uploadedAt, p.rejectionReason from RegistrationPhoto p"
                                + " where p.registrationId = ?1", Object[].class)
                .setParameter(1, r.id).getResultList();
        return rows.stream().findFirst().map(row -> new PhotoView((PhotoStatus) row[0], (Integer) row[1], (Integer) row[2],
                OffsetDateTime.ofInstant((Instant) row[3], r.event.zone()), (String) row[4]));
    }

    @Override
    public boolean accepted(Registration r) {
        return RegistrationPhoto.count("registrationId = ?1 and status = ?2", r.id, PhotoStatus.ACCEPTED) > 0;
    }

    @Override
    @Transactional
    public byte[] acceptedImage(Long registrationId) {
        List<byte[]> found = RegistrationPhoto.getEntityManager().createQuery(
                        "select p.image from RegistrationPhoto p where p.registrationId = ?1 and p.status = ?2", byte[].class)
                .setParameter(1, registrationId).setParameter(2, PhotoStatus.ACCEPTED).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    @Transactional
    public java.util.Map<Long, byte[]> acceptedImages(java.util.Collection<Long> registrationIds) {
        java.util.Map<Long, byte[]> images = new java.util.HashMap<>();
        if (registrationIds.isEmpty()) {
            return images;
        }
        for (Object[] row : RegistrationPhoto.getEntityManager().createQuery(
                        "select p.registrationId, p.image from RegistrationPhoto p where p.registrationId in ?1 and p.status = ?2",
                        Object[].class)
                .setParameter(1, registrationIds).setParameter(2, PhotoStatus.ACCEPTED).getResultList()) {
            images.put((Long) row[0], (byte[]) row[1]);
        }
        return images;
    }

    private Registration active(String publicId) {
        Registration r = registrations.require(publicId);
        if (!r.status.isActive() || r.erasedAt != null) {
            throw new DomainException(RegistrationError.NOT_ACTIVE, "The registration is " + r.status.name().toLowerCase()
                    + (r.erasedAt != null ? " and erased" : "") + "; it takes no photo");
        }
        return r;
    }

    private static RegistrationPhoto pending(Registration r) {
        RegistrationPhoto photo = RegistrationPhoto.findByRegistration(r.id)
                .orElseThrow(() -> new DomainException(PhotoError.NOT_FOUND, "The registration has no photo"));
        if (photo.status != PhotoStatus.PENDING_REVIEW) {
            throw new DomainException(PhotoError.NOT_PENDING, "The photo is " + photo.status.name().toLowerCase());
        }
        return photo;
    }

    private static PhotoView view(RegistrationPhoto p, Registration r) {
        return new PhotoView(p.status, p.width, p.height, OffsetDateTime.ofInstant(p.uploadedAt, r.event.zone()), p.rejectionReason);
    }
}
