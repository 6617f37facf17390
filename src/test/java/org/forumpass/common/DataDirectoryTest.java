package org.forumpass.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory is made private to its owner, whether it is new or left open by an older version. */
class DataDirectoryTest {
    @TempDir
    Path tmp;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewDataDirectoryIsCreatedOwnerOnly() throws Exception {
        Path data = tmp.resolve("deep").resolve("data");
        DataDirectory.secure(data);
        assertEquals("rwx------", mode(data));
    }

    @Test
    void anExistingOpenDirectoryAndItsFilesLoseGroupAndOtherPermissions() throws Exception {
        Path data = Files.createDirectory(tmp.resolve("data"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Path db = Files.createFile(data.resolve("forumpass.mv.db"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        Path password = Files.createFile(data.resolve("initial-admin-password"));
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-rw-rw-"));
        DataDirectory.secure(data);
        assertEquals("rwx------", mode(data));
        assertEquals("rw-------", mode(db));
        assertEquals("rw-------", mode(password));
    }
}
