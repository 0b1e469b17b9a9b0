package dev.djlfit.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * What a replaced file keeps: its owner, its group and its permissions, copied onto the new file
 * before it takes the old one's name, as far as this process may set them (root may set any owner;
 * others their own groups). Where it may not, the new file is this process's, as any new file is.
 */
public final class Ownership {

    private Ownership() {}

    /** Gives {@code replacement} the owner, group and permissions of {@code original}, where it exists. */
    public static void keep(Path original, Path replacement) throws IOException {
        // the file system's views, not Files.getFileStore: that looks the mount up in /proc/mounts,
        // and fails ("Mount point not found") in a chroot or container whose table does not list it
        if (!Files.isRegularFile(original)
                || !replacement.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        PosixFileAttributes was = Files.readAttributes(original, PosixFileAttributes.class);
        PosixFileAttributeView view = Files.getFileAttributeView(replacement, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        try {
            view.setGroup(was.group());
        } catch (IOException | SecurityException e) {
            // not a group of this process's: the new file keeps the process's group
        }
        try {
            view.setOwner(was.owner());
        } catch (IOException | SecurityException e) {
            // only root gives a file away: the new file is this process's
        }
        // last: changing the owner clears the set-user-ID and set-group-ID bits
        view.setPermissions(was.permissions());
    }
}
