package org.forumpass.common;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The data directory (forumpass.data-dir: the embedded database, the first admin password) is readable by
 * the owner only: the directory 0700, the files in it 0600. {@link ForumPassMain} creates it so before
 * Quarkus opens the database; H2 then creates its files with the process umask, so they are set to 0600
 * here at startup (the 0700 directory already keeps everyone else out of them).
 */
@ApplicationScoped
public class DataDirectory {
    private static final Logger LOG = Logger.getLogger(DataDirectory.class);
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    @Inject
    ForumPassConfig config;

    void onStart(@Observes @Priority(1) StartupEvent ev) {
        Path dir = Path.of(config.dataDir());
        if ("h2".equals(config.db()) || Files.isDirectory(dir)) {
            secure(dir);
        }
    }

    /** Creates the directory (0700) if it is missing, and takes group and other permissions off it and its files. */
    public static void secure(Path dir) {
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir, ownerOnly(dir));
            }
            if (!posix(dir)) {
                return;
            }
            Files.setPosixFilePermissions(dir, DIRECTORY);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path f : files) {
                    if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                        Files.setPosixFilePermissions(f, FILE);
                    } else if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
                        Files.setPosixFilePermissions(f, DIRECTORY);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the data directory " + dir + " private to its owner", e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        Path existing = dir.toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && posix(existing)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)} : new FileAttribute<?>[0];
    }

    private static boolean posix(Path p) {
        boolean posix = p.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!posix) {
            LOG.warnf("The file system of %s has no POSIX permissions; protect the data directory by other means", p);
        }
        return posix;
    }
}
