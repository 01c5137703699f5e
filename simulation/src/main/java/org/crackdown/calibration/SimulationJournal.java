package org.crackdown.calibration;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * What lets an ABC calibration resume after Ctrl-C or {@code kill -9}: every finished simulation
 * (its parameter values, model seed and each replicate's value of each target column) is appended
 * to a journal and forced to disk before the sampler goes on. The sampler is deterministic given
 * its simulations' results, so on {@code --resume} it runs again from the start and takes each
 * simulation it has already done from the journal instead of the model: it retraces the same
 * path, loses only the simulations that were running, and ends with the posterior an
 * uninterrupted run gives.
 *
 * <p>Format: a first line {@code crackdown-abc-journal 1 TAB fingerprint TAB columns}, then one
 * line per simulation: {@code crc32 TAB seed TAB values TAB replicates}, numbers as the hex of
 * their IEEE bits (exact). A line counts only if it is complete and its checksum matches, so a line
 * torn by a kill is simply redone.
 */
public final class SimulationJournal implements AutoCloseable {

    static final String MAGIC = "crackdown-abc-journal 1";

    /** The journal belongs to another calibration (other targets, scenario, settings or code). */
    public static final class Mismatch extends Exception {
        Mismatch(String message) {
            super(message);
        }
    }

    private final Path file;
    private String header;
    private final List<String> columns;
    private final Map<String, List<Map<String, Double>>> done = new HashMap<>();
    private final FileChannel channel;
    private int replayed;

    private SimulationJournal(Path file, List<String> columns, FileChannel channel) {
        this.file = file;
        this.columns = List.copyOf(columns);
        this.channel = channel;
    }

    /**
     * Opens {@code file}: with {@code resume}, reads what it holds (if it exists) and appends;
     * otherwise starts it afresh.
     *
     * @param fingerprint what the simulations depend on; a journal with another one is refused
     * @param columns     the target columns kept from each replicate's summary
     * @throws Mismatch if resuming a journal of another calibration
     */
    public static SimulationJournal open(Path file, String fingerprint, List<String> columns, boolean resume)
            throws IOException, Mismatch {
        SimulationJournal j;
        String header = MAGIC + "\t" + fingerprint + "\t" + String.join(",", columns);
        if (resume && Files.isRegularFile(file)) {
            List<String> lines = readLines(file);
            if (lines.isEmpty() || !lines.get(0).equals(header)) {
                throw new Mismatch(file + " was written by a calibration with other targets, scenario, settings or "
                        + "code; run without --resume to start again");
            }
            // Drop a torn last line before appending, so new lines start on a line of their own.
            long keep = 0;
            List<String> good = new ArrayList<>();
            byte[] all = Files.readAllBytes(file);
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == '\n') {
                    String line = new String(all, start, i - start, StandardCharsets.UTF_8);
                    if (start == 0 || valid(line)) {
                        good.add(line);
                        keep = i + 1;
                    } else {
                        break;
                    }
                    start = i + 1;
                }
            }
            FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
            ch.truncate(keep);
            ch.position(keep);
            j = new SimulationJournal(file, columns, ch);
            j.header = header;
            for (String line : good.subList(1, good.size())) {
                j.load(line);
            }
        } else {
            Files.deleteIfExists(file);
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            j = new SimulationJournal(file, columns, ch);
            j.header = header;
            j.append(header);
        }
        return j;
    }

    private static List<String> readLines(Path file) throws IOException {
        String s = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    private static boolean valid(String line) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            return false;
        }
        try {
            return Long.parseLong(line.substring(0, tab), 16) == crc(line.substring(tab + 1));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void load(String line) {
        String[] f = line.split("\t", -1);
        long seed = Long.parseUnsignedLong(f[1], 16);
        double[] values = doubles(f[2]);
        List<Map<String, Double>> reps = new ArrayList<>();
        for (String rep : f[3].split("\\|", -1)) {
            double[] v = doubles(rep);
            Map<String, Double> m = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                m.put(columns.get(c), v[c]);
            }
            reps.add(m);
        }
        done.put(key(seed, values), reps);
    }

    /**
     * Takes in the simulations another process has recorded in {@code other} (a shard of the same
     * work writing its own journal): its complete lines with a good checksum, if its header is this
     * journal's. A file that is missing, of other work, or still being written is read as far as it
     * goes; results are deterministic, so a simulation recorded by two shards is the same.
     */
    public synchronized void absorb(Path other) throws IOException {
        if (!Files.isRegularFile(other)) {
            return;
        }
        byte[] all = Files.readAllBytes(other);
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                String line = new String(all, start, i - start, StandardCharsets.UTF_8);
                if (start == 0 && !line.equals(header)) {
                    return;
                }
                if (start > 0 && valid(line)) {
                    String[] f = line.split("\t", -1);
                    String key = key(Long.parseUnsignedLong(f[1], 16), doubles(f[2]));
                    if (!done.containsKey(key)) {
                        load(line);
                    }
                }
                start = i + 1;
            }
        }
    }

    /** The replicates' target values of a simulation already done, or null. */
    public synchronized List<Map<String, Double>> lookup(long seed, double[] values) {
        List<Map<String, Double>> r = done.get(key(seed, values));
        if (r != null) {
            replayed++;
        }
        return r;
    }

    /** Records a finished simulation, on disk before it returns. */
    public synchronized void record(long seed, double[] values, List<Map<String, Double>> summaries)
            throws IOException {
        StringBuilder reps = new StringBuilder();
        List<Map<String, Double>> kept = new ArrayList<>();
        for (int r = 0; r < summaries.size(); r++) {
            double[] v = new double[columns.size()];
            Map<String, Double> m = new LinkedHashMap<>();
            for (int c = 0; c < v.length; c++) {
                Double x = summaries.get(r).get(columns.get(c));
                v[c] = x == null ? Double.NaN : x;
                m.put(columns.get(c), v[c]);
            }
            kept.add(m);
            reps.append(r == 0 ? "" : "|").append(hex(v));
        }
        String body = Long.toHexString(seed) + "\t" + hex(values) + "\t" + reps;
        append(Long.toHexString(crc(body)) + "\t" + body);
        done.put(key(seed, values), kept);
    }

    /** Simulations taken from the journal so far. */
    public synchronized int replayed() {
        return replayed;
    }

    /** Simulations the journal holds. */
    public synchronized int size() {
        return done.size();
    }

    public Path file() {
        return file;
    }

    /** Once the calibration folder is complete the journal has served: remove it. */
    public void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            channel.close();
        }
    }

    private void append(String line) throws IOException {
        ByteBuffer b = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            channel.write(b);
        }
        channel.force(false);
    }

    private static String key(long seed, double[] values) {
        return Long.toHexString(seed) + "/" + hex(values);
    }

    private static String hex(double[] v) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ",").append(Long.toHexString(Double.doubleToRawLongBits(v[i])));
        }
        return s.toString();
    }

    private static double[] doubles(String s) {
        if (s.isEmpty()) {
            return new double[0];
        }
        String[] p = s.split(",");
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i] = Double.longBitsToDouble(Long.parseUnsignedLong(p[i], 16));
        }
        return v;
    }

    private static long crc(String s) {
        CRC32 c = new CRC32();
        c.update(s.getBytes(StandardCharsets.UTF_8));
        return c.getValue();
    }
}
