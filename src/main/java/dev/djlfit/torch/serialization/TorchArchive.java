package dev.djlfit.torch.serialization;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A file {@code torch.save} wrote, opened: the zip with {@code <archive>/data.pkl},
 * {@code <archive>/data/<key>} and the records beside them. Every problem is a
 * {@link PthFileException} naming the file.
 */
final class TorchArchive implements Closeable {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final String file;
    private final ZipFile zip;
    private final String prefix;

    private TorchArchive(String file, ZipFile zip, String prefix) {
        this.file = file;
        this.zip = zip;
        this.prefix = prefix;
    }

    static TorchArchive open(Path path) {
        String file = path.toString();
        FileKind.check(path, file);
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new PthFileException(file + " is damaged or cut short: its zip directory cannot be read");
        } catch (IOException e) {
            throw new PthFileException("cannot read " + file + ": " + IoReasons.of(e));
        }
        try {
            return new TorchArchive(file, zip, findPrefix(zip, file));
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static String findPrefix(ZipFile zip, String file) {
        String prefix = null;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements() && prefix == null; ) {
            String name = e.nextElement().getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash + 1).equals("data.pkl")) {
                prefix = name.substring(0, slash + 1);
            }
        }
        if (prefix == null) {
            throw new PthFileException(file + " is a zip archive but not a PyTorch .pth file (it has no data.pkl)");
        }
        if (zip.getEntry(prefix + "constants.pkl") != null) {
            throw new PthFileException(file + " is a TorchScript archive (torch.jit.save), not a torch.save file;"
                    + " save the model's state_dict with torch.save instead");
        }
        return prefix;
    }

    /** The pickle of what was saved. */
    byte[] dataPkl() {
        return entry("data.pkl", "its data.pkl");
    }

    /** The bytes of storage {@code key}. */
    byte[] storage(String key) {
        return entry("data/" + key, "its tensor data data/" + key);
    }

    /** How the storages' numbers are laid out: little-endian unless a {@code byteorder} record says big. */
    ByteOrder byteOrder() {
        if (zip.getEntry(prefix + "byteorder") == null) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        String order = new String(entry("byteorder", "its byteorder record"), StandardCharsets.US_ASCII).trim();
        return switch (order) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw new PthFileException(file + " is damaged: its byteorder record says '" + order + "'");
        };
    }

    String file() {
        return file;
    }

    private byte[] entry(String name, String what) {
        ZipEntry entry = zip.getEntry(prefix + name);
        if (entry == null) {
            throw new PthFileException(file + " is damaged: " + what + " is missing");
        }
        if (entry.getSize() > Integer.MAX_VALUE - 8) {
            throw new PthFileException(file + ": " + what + " is over 2 GiB, more than one tensor here can hold");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readAllBytes();
            if (entry.getSize() >= 0 && bytes.length != entry.getSize()) {
                throw new PthFileException(file + " is damaged or cut short: " + what + " is incomplete");
            }
            return bytes;
        } catch (ZipException e) {
            throw new PthFileException(file + " is damaged: " + what + " cannot be read from the zip");
        } catch (IOException e) {
            throw new PthFileException("cannot read " + file + ": " + IoReasons.of(e));
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // read-only: nothing was lost
        }
    }

    /** What the first bytes say a file is, before it is opened as a zip. */
    private static final class FileKind {

        private FileKind() {}

        static void check(Path path, String file) {
            if (Files.isDirectory(path)) {
                throw new PthFileException("cannot load " + file + ": it is a folder, not a file");
            }
            if (!Files.exists(path)) {
                throw new PthFileException("cannot load " + file + ": no such file");
            }
            byte[] head = new byte[512];
            int n;
            try (InputStream in = Files.newInputStream(path)) {
                n = in.readNBytes(head, 0, head.length);
            } catch (IOException e) {
                throw new PthFileException("cannot read " + file + ": " + IoReasons.of(e));
            }
            if (n == 0) {
                throw new PthFileException(file + " is empty, not a PyTorch .pth file");
            }
            if (startsWith(head, n, ZIP_MAGIC)) {
                return;
            }
            if ((head[0] & 0xff) == 0x80 || isTar(head, n)) {
                throw new PthFileException(file + " is in PyTorch's legacy format (written before PyTorch 1.6, or with"
                        + " _use_new_zipfile_serialization=False); load it in PyTorch and torch.save it again");
            }
            throw new PthFileException(file + " is not a PyTorch .pth file (torch.save writes a zip archive; this is not one)");
        }

        private static boolean startsWith(byte[] head, int n, byte[] magic) {
            if (n < magic.length) {
                return false;
            }
            for (int i = 0; i < magic.length; i++) {
                if (head[i] != magic[i]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isTar(byte[] head, int n) {
            return n >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        }
    }
}
