package dev.djlfit.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Every path one run reads or writes, by what it really is (links, {@code ./} and {@code ..}
 * resolved, hard links and mounts by their file key), so that two of them at one place are
 * refused before the run: an output over an input, two outputs at one file, a file where a folder
 * of the run goes. Two folders may be one: each file in them is claimed by its own name.
 */
final class PathClaims {

    enum Kind { INPUT, FILE, FOLDER }

    private record Claim(String shown, Kind kind, Path real, Object fileKey) {
        boolean samePlace(Claim other) {
            return real.equals(other.real) || (fileKey != null && fileKey.equals(other.fileKey));
        }
    }

    private final List<Claim> claims = new ArrayList<>();

    /**
     * @param shown how to name it, e.g. {@code --json run.json}
     * @throws CannotWriteException where it is at the place of an earlier claim
     */
    synchronized void claim(String shown, Kind kind, Path path) {
        Claim claim = new Claim(shown, kind, real(path), fileKey(path));
        for (Claim other : claims) {
            if (!claim.samePlace(other)) {
                continue;
            }
            if (other.shown.equals(shown) && other.kind == kind) {
                return; // the same output named again (a plot checked, then written)
            }
            if (kind == Kind.FOLDER && other.kind == Kind.FOLDER) {
                continue; // --save and --out may share a folder: their files' names are claimed one by one
            }
            Claim output = kind == Kind.INPUT ? other : claim;
            Claim earlier = output == claim ? other : claim;
            throw new CannotWriteException(output.shown + ": " + conflict(earlier, output) + " (" + claim.real
                    + "); give another path");
        }
        claims.add(claim);
    }

    private static String conflict(Claim with, Claim output) {
        if (with.kind == Kind.INPUT) {
            return "is " + with.shown + ", which this run reads; an output never replaces an input";
        }
        return (with.kind == Kind.FILE && output.kind == Kind.FILE ? "is the same file as " : "is the same place as ")
                + with.shown;
    }

    /** The path with every link on the way resolved, as far as it exists; the rest as written. */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        Path real;
        try {
            real = existing == null ? absolute : existing.toRealPath();
        } catch (IOException e) {
            return absolute;
        }
        while (!missing.isEmpty()) {
            real = real.resolve(missing.pop());
        }
        return real;
    }

    private static Object fileKey(Path path) {
        try {
            return Objects.requireNonNullElse(Files.readAttributes(path, BasicFileAttributes.class).fileKey(), null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
