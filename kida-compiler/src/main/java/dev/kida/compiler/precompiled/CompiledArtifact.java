package dev.kida.compiler.precompiled;

import dev.kida.api.TemplateSource;
import dev.kida.engine.ast.TemplateNode;
import dev.kida.compiler.TemplateCompiler;
import dev.kida.engine.core.Compiled;
import dev.kida.engine.core.Engine;
import dev.kida.engine.core.PreparedTemplate;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The file a compiled template is kept in ({@code .kidac}): a header that says exactly what it was
 * made from (engine build, the options that shaped the code, template name, SHA-256 of the
 * source for manifests, the source itself), the class file, the object graph of {@link GraphCodec}
 * (template tree and class data), and a CRC-32 of all of it. Reading checks every one of these
 * against the template at hand and refuses on any difference, so stale, damaged or foreign code
 * is never run.
 *
 * <p>Reading compares the stored source with the template's own, not their digests: exact, and
 * in a fresh JVM the first SHA-256 costs about 20 ms of CPU (the security providers start), more
 * than reading the whole file; a start from precompiled templates or the on-disk cache paid it
 * for every run (issue 9's cold start).
 */
public final class CompiledArtifact {
    /** The file name suffix: template {@code a/b.html} is kept in {@code a/b.html.kidac}. */
    public static final String SUFFIX = ".kidac";
    private static final int MAGIC = 0x4B494443; // "KIDC"
    /**
     * 3: strings in UTF-8, and the tree, the class data and the block table as three graphs.
     * 4: the class reads its texts and position table from instance data (shape classes); the
     * class data's entry 2 holds the texts.
     * 5: the header's strings as the graphs write theirs (an int length and UTF-8), so that the
     * whole file is read by one {@link GraphCodec.Reader}: DataInputStream's first readInt sets up
     * six VarHandles, ~0.4 ms of a cold start from precompiled templates (docs/performance.md,
     * "Cold start", session 20).
     */
    private static final int FORMAT = 5;

    private CompiledArtifact() {
    }

    /** A template compiled here: the file's bytes and the generated class, ready to define. */
    record Made(byte[] file, TemplateCompiler.Generated generated) {
    }

    /** What a file says it was made from (for manifests and diagnostics). */
    record Header(String engineBuild, String options, String name, String sourceHash) {
    }

    /** Compiles a parsed template and writes its file. */
    static Made make(PreparedTemplate unit, TemplateSource source, Engine engine) throws IOException {
        TemplateCompiler.Generated generated = TemplateCompiler.generate(unit, engine);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        writeString(out, EngineBuild.id());
        writeString(out, engine.codeOptions(unit.name()));
        writeString(out, unit.name());
        out.write(sha256(source.source()));
        byte[] text = source.source().getBytes(StandardCharsets.UTF_8);
        out.writeInt(text.length);
        out.write(text);
        out.writeInt(generated.bytes().length);
        out.write(generated.bytes());
        List<Object> blocks = new ArrayList<>();
        generated.blocks().forEach((name, id) -> {
            blocks.add(name);
            blocks.add(id);
        });
        // The tree first, on its own: a tiered engine reads only it at load (read). Entry 0 of
        // the class data is the holder, written as a marker and made anew on reading.
        GraphCodec.Writer graphs = new GraphCodec.Writer(out, engine);
        graphs.write(unit.node());
        graphs.write(generated.classData());
        graphs.write(blocks);
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(buffer.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        return new Made(buffer.toByteArray(), generated);
    }

    /**
     * Reads a file back into a unit ready to run, checking it against the template source at hand.
     * The whole file is checked at once (checksum, engine build, options, name, source) and the
     * template's tree is decoded; the class file and its class data are decoded and defined as
     * the engine wants them ({@link Engine#installStored}): at once in compiled mode, when the
     * template is hot in tiered mode, never in interpreted mode. Until then the unit keeps the
     * file's bytes.
     *
     * @throws IOException with the reason when the file is damaged, foreign, or made from
     *                     another source, engine build or options
     */
    static PreparedTemplate read(byte[] file, TemplateSource source, Engine engine) throws IOException {
        if (file.length < 16) {
            throw new IOException("file too short");
        }
        // CRC32: its update runs natively even in a cold JVM's interpreter, where a checksum
        // written in Java would loop over every byte of the file
        CRC32 crc = new CRC32();
        crc.update(file, 0, file.length - 8);
        GraphCodec.Reader in = new GraphCodec.Reader(file, 0, file.length - 8, engine);
        if (in.s4() != MAGIC || in.s4() != FORMAT) {
            throw new IOException("not a compiled Kida template of format " + FORMAT);
        }
        long stored = new GraphCodec.Reader(file, file.length - 8, file.length, engine).s8();
        if (stored != crc.getValue()) {
            throw new IOException("damaged (checksum mismatch)");
        }
        String build = in.readString();
        if (!build.equals(EngineBuild.id())) {
            throw new IOException("made by another engine build (" + build + ", this is " + EngineBuild.id() + ")");
        }
        String options = in.readString();
        if (!options.equals(engine.codeOptions(source.name()))) {
            throw new IOException("made with other options (" + options + ")");
        }
        String name = in.readString();
        if (!name.equals(source.name())) {
            throw new IOException("made for template '" + name + "'");
        }
        in.skip(32);
        byte[] text = in.readBytes();
        if (!Arrays.equals(text, source.source().getBytes(StandardCharsets.UTF_8))) {
            throw new IOException("the source changed since it was compiled");
        }
        int classLength = in.s4();
        int classStart = in.position();
        if (classLength <= 0 || classLength > file.length - 8 - classStart) {
            throw new IOException("bad class length");
        }
        GraphCodec.Reader graphs = new GraphCodec.Reader(file, classStart + classLength, file.length - 8, engine);
        if (!(graphs.read() instanceof TemplateNode node)) {
            throw new IOException("unexpected content (no template tree)");
        }
        PreparedTemplate unit = engine.unitOf(node, source.name(), source.version());
        engine.installStored(unit, () -> define(file, classStart, classLength, graphs, source.name()));
        return unit;
    }

    /**
     * Decodes the class data and block table after the tree (whose objects they refer to) and
     * defines the class. Called once, from the thread that installs the code.
     */
    private static Compiled define(byte[] file, int classStart, int classLength, GraphCodec.Reader graphs, String name) {
        List<?> classData;
        List<?> blockList;
        try {
            if (!(graphs.read() instanceof List<?> data) || !(graphs.read() instanceof List<?> table)) {
                throw new IOException("unexpected content (no class data)");
            }
            classData = data;
            blockList = table;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the compiled file of template '" + name + "' is damaged: " + e.getMessage(), e);
        }
        Map<String, Integer> blocks = new LinkedHashMap<>();
        for (int i = 0; i + 1 < blockList.size(); i += 2) {
            if (!(blockList.get(i) instanceof String block) || !(blockList.get(i + 1) instanceof Integer id)) {
                throw new IllegalStateException("the compiled file of template '" + name + "' is damaged: bad block table");
            }
            blocks.put(block, id);
        }
        byte[] classBytes = Arrays.copyOfRange(file, classStart, classStart + classLength);
        return TemplateCompiler.define(name, new TemplateCompiler.Generated(classBytes, new ArrayList<>(classData), blocks));
    }

    /** The header of a file, without checking it against a source. */
    static Header header(byte[] file) throws IOException {
        GraphCodec.Reader in = new GraphCodec.Reader(file, 0, file.length, null);
        if (in.s4() != MAGIC || in.s4() != FORMAT) {
            throw new IOException("not a compiled Kida template of format " + FORMAT);
        }
        String build = in.readString();
        String options = in.readString();
        String name = in.readString();
        int at = in.position();
        in.skip(32);
        return new Header(build, options, name, hex(Arrays.copyOfRange(file, at, at + 32)));
    }

    /** A header string as {@link GraphCodec.Reader#readString} reads it: an int length and UTF-8. */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A 128-bit digest of {@code text} (two independent 64-bit hashes, 32 hex digits) for naming
     * files, without the security providers {@link #sha256} starts. Not for integrity: what a file
     * found by this name holds is checked against the source by {@link #read}.
     */
    static String fingerprint(String text) {
        long h1 = 0xcbf29ce484222325L;
        long h2 = 0x9E3779B97F4A7C15L ^ text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            h1 = (h1 ^ c) * 0x100000001b3L;
            h2 = Long.rotateLeft(h2 + c * 0xC2B2AE3D27D4EB4FL, 31) * 0x9E3779B97F4A7C15L;
        }
        StringBuilder sb = new StringBuilder(32);
        for (long h : new long[] {mix(h1), mix(h2)}) {
            String digits = Long.toHexString(h);
            sb.append("0".repeat(16 - digits.length())).append(digits);
        }
        return sb.toString();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
        }
        return sb.toString();
    }
}
