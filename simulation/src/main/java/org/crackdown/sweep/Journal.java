package org.crackdown.sweep;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * The append-only record of finished runs that makes a sweep resumable. One line per run,
 * {@code index TAB crc32 TAB runs.csv-row}, appended and forced to disk as each run finishes.
 * A line counts only if it is complete and its checksum matches: after {@code kill -9} the torn
 * last line is cut off and that run is simply done again. The first line names the sweep (its
 * fingerprint) and the shard, so a folder cannot be resumed with another sweep file.
 *
 * <p>Runs finish in any order (threads); runs.csv is assembled from the journal in canonical
 * order at the end, which is why it is the same whatever the number of threads.
 */
final class Journal implements Closeable {

    static final String MAGIC = "crackdown-sweep-journal v1";

    /** Thrown when the journal belongs to another sweep or shard; the message says what to do. */
    static final class MismatchException extends Exception {
        private static final long serialVersionUID = 1L;

        MismatchException(String message) {
            super(message);
        }
    }

    /** Another process (or another sweep in this one) holds the journal's lock: a sweep is running there. */
    static final class BusyException extends Exception {
        private static final long serialVersionUID = 1L;

        BusyException(String message) {
            super(message);
        }
    }

    /**
     * Whether a running sweep holds the lock of the journal {@code file} (false if there is no
     * such file). Used before deleting anything a sweep may be writing.
     */
    static boolean inUse(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                return true;
            }
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        }
    }

    /** A valid entry: run index, where its row text lies in the file, and the row. */
    interface Visitor {
        void entry(int index, long offset, int length, String row);
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private Journal(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static String header(String fingerprint, Shard shard, int runs) {
        return MAGIC + " fingerprint=" + fingerprint + " shard=" + shard + " runs=" + runs;
    }

    /**
     * Opens (creating if needed) the journal for appending, after reading its valid entries into
     * {@code visitor} and cutting off a torn last line. Holds an exclusive lock until closed, so
     * two processes cannot write the same sweep folder.
     */
    static Journal open(Path file, String header, Visitor visitor) throws IOException, MismatchException,
            BusyException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new BusyException("another crackdown sweep is writing to " + file.getParent().getParent()
                    + "; wait for it to finish, or stop it first");
        }
        try {
            long valid = scan(file, header, visitor, ch.size());
            if (valid < 0) {
                ch.truncate(0);
                ch.position(0);
                writeFully(ch, (header + "\n").getBytes(StandardCharsets.UTF_8));
                ch.force(true);
            } else {
                ch.truncate(valid);
                ch.position(valid);
            }
            return new Journal(file, ch, lock);
        } catch (IOException | MismatchException | RuntimeException e) {
            lock.release();
            ch.close();
            throw e;
        }
    }

    /**
     * Reads entries; returns the length of the valid prefix, or -1 if the file is new (empty, or
     * only a torn header).
     */
    private static long scan(Path file, String header, Visitor visitor, long size) throws IOException,
            MismatchException {
        if (size == 0) {
            return -1;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            LineReader r = new LineReader(in);
            byte[] first = r.next();
            if (first == null) {
                return -1; // torn header: nothing was journaled yet
            }
            String got = new String(first, StandardCharsets.UTF_8);
            if (!got.equals(header)) {
                throw new MismatchException(mismatch(got, header));
            }
            long valid = r.consumed();
            byte[] line;
            while ((line = r.next()) != null) {
                long start = valid;
                valid = r.consumed();
                parse(line, start, visitor);
            }
            return valid;
        }
    }

    /** Why a journal's header differs from the expected one, in the user's terms. */
    private static String mismatch(String got, String expected) {
        if (!got.startsWith(MAGIC)) {
            return "not a crackdown sweep journal (or one written by another version)";
        }
        String gotFp = field(got, "fingerprint");
        if (!gotFp.equals(field(expected, "fingerprint"))) {
            return "it was started from a different sweep: the sweep file or its base scenario has changed since";
        }
        if (!field(got, "shard").equals(field(expected, "shard"))) {
            return "it holds shard " + field(got, "shard") + ", not " + field(expected, "shard");
        }
        return "its journal describes a different sweep (" + got + ")";
    }

    private static String field(String header, String name) {
        for (String part : header.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return "";
    }

    private static void parse(byte[] line, long lineStart, Visitor visitor) {
        int t1 = indexOf(line, (byte) '\t', 0);
        int t2 = t1 < 0 ? -1 : indexOf(line, (byte) '\t', t1 + 1);
        if (t2 < 0) {
            return; // damaged: the run is redone
        }
        try {
            int index = Integer.parseInt(new String(line, 0, t1, StandardCharsets.US_ASCII));
            long crc = Long.parseLong(new String(line, t1 + 1, t2 - t1 - 1, StandardCharsets.US_ASCII), 16);
            CRC32 c = new CRC32();
            c.update(line, t2 + 1, line.length - t2 - 1);
            if (c.getValue() == crc && index >= 0) {
                visitor.entry(index, lineStart + t2 + 1, line.length - t2 - 1,
                        new String(line, t2 + 1, line.length - t2 - 1, StandardCharsets.UTF_8));
            }
        } catch (NumberFormatException e) {
            // damaged: the run is redone
        }
    }

    private static int indexOf(byte[] b, byte x, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Appends one finished run and forces it to disk before returning.
     *
     * @return where the row's text starts in the file (for {@link #readRow})
     */
    synchronized long append(int index, String row) throws IOException {
        byte[] text = row.getBytes(StandardCharsets.UTF_8);
        if (row.indexOf('\n') >= 0 || row.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("journal rows are single lines");
        }
        CRC32 c = new CRC32();
        c.update(text);
        byte[] prefix = (index + "\t" + Long.toHexString(c.getValue()) + "\t").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buf = ByteBuffer.allocate(prefix.length + text.length + 1);
        buf.put(prefix).put(text).put((byte) '\n').flip();
        long start = channel.position();
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(false);
        return start + prefix.length;
    }

    /** Reads a row at a position returned to a {@link Visitor}. */
    static String readRow(FileChannel ch, long offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (ch.read(b, offset + b.position()) < 0) {
                throw new IOException("journal ended early");
            }
        }
        return new String(b.array(), StandardCharsets.UTF_8);
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static void writeFully(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** Complete lines only: a last line without its newline is torn and not returned. */
    private static final class LineReader {
        private final InputStream in;
        private long consumed;

        LineReader(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    consumed += line.size() + 1;
                    return line.toByteArray();
                }
                line.write(b);
            }
            return null;
        }

        long consumed() {
            return consumed;
        }
    }
}
