package dev.kida.compiler.precompiled;

import dev.kida.engine.core.Engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Which build of the engine compiled a template. Compiled code calls into the engine's runtime
 * and the compiler's by name and signature, and its class data holds the engine's tree records,
 * so code made by another build is never used, even one with the same version number (a
 * snapshot rebuilt): the name must change whenever the code of either module changes.
 *
 * <p>Each of the two modules contributes, when its classes come from a jar that the Maven build
 * made, its source digest: a SHA-256 of its main sources and pom that the build compiled into it
 * (the class {@code SourceDigest}, parent pom execution {@code source-digest}; the jar is made
 * by the same build, so digest and classes agree). Reading it is reading a constant; the
 * checksum of the jars it replaces cost about 2.5 ms of every cold start from precompiled
 * templates (docs/performance.md, "Cold start"). A module without a digest (a build that did not
 * run the Maven execution), or whose classes come from a folder (an IDE or the tests, where
 * classes may be recompiled without the digest being made again), contributes a CRC-32 of its
 * code instead, as every build did before. Either way the name is the same on the module path
 * and the class path, for the same jars.
 */
final class EngineBuild {
    private EngineBuild() {
    }

    /** This engine's build identity. */
    static String id() {
        return Holder.ID;
    }

    private static final class Holder {
        static final String ID = compute();
    }

    private static String compute() {
        try {
            // the engine's code and the compiler's: generated code calls into both
            String engine = part(Engine.class, Engine.sourceDigest());
            if (java.util.Objects.equals(location(EngineBuild.class), location(Engine.class))) {
                // one jar or folder holds both (a shaded jar): its digests, or one checksum
                String compiler = sourceDigest();
                if (engine.startsWith("src:") && compiler != null) {
                    return engine + "+src:" + compiler.substring(0, 16);
                }
                return part(Engine.class, null);
            }
            return engine + "+" + part(EngineBuild.class, sourceDigest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot checksum the engine's code", e);
        } catch (URISyntaxException | RuntimeException e) {
            // Code that can be neither named nor read (a location no file system serves): a name
            // no file has, so nothing compiled elsewhere is run, and nothing written here is
            // taken for another build's.
            return "unknown:" + Long.toHexString(System.nanoTime()) + Integer.toHexString(System.identityHashCode(e));
        }
    }

    /**
     * One module's part of the name: its source digest when its classes come from a jar and it
     * has one, else a checksum of its code.
     */
    static String part(Class<?> anchor, String digest) throws IOException, URISyntaxException {
        // A folder of classes is a location "file:...dir/" (class path and exploded modules both
        // name folders so). Told from the URL alone: making a Path of it and asking the file
        // system cost about 0.5 ms of a cold start per module.
        Object where = location(anchor);
        boolean folder = where instanceof java.net.URL url && "file".equals(url.getProtocol()) && url.getPath().endsWith("/");
        if (digest != null && !folder) {
            return "src:" + digest.substring(0, 16);
        }
        CRC32 crc = new CRC32();
        checksum(anchor, crc);
        return "crc32:" + Long.toHexString(crc.getValue());
    }

    /** The build's digest of this module's sources, or null (see {@code Engine.sourceDigest}). */
    static String sourceDigest() {
        try {
            return Engine.digestOf(Class.forName(EngineBuild.class.getPackageName() + ".SourceDigest", true,
                    EngineBuild.class.getClassLoader()).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    private static Object location(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }

    /** Adds the code of the jar, class folder or runtime image {@code anchor} comes from. */
    private static void checksum(Class<?> anchor, CRC32 crc) throws IOException, URISyntaxException {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        Path where = source == null ? null : Path.of(source.getLocation().toURI());
        if (where != null && Files.isRegularFile(where)) {
            try (InputStream in = Files.newInputStream(where)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    crc.update(buffer, 0, n);
                }
            }
        } else if (where != null && Files.isDirectory(where)) {
            List<Path> classes;
            try (Stream<Path> files = Files.walk(where)) {
                classes = files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
            }
            for (Path p : classes) {
                crc.update(where.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                crc.update(Files.readAllBytes(p));
            }
        } else {
            // No file to read (a runtime image): the class itself.
            try (InputStream in = anchor.getResourceAsStream(anchor.getSimpleName() + ".class")) {
                crc.update(in.readAllBytes());
            }
        }
    }
}
