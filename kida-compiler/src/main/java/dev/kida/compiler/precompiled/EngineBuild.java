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
 * Which build of the engine compiled a template: a checksum of its code and the compiler's (the
 * whole jars, or every class file of exploded builds), the same whether the jars are on the module
 * path or the class path. Compiled code calls into the
 * engine's runtime by name and signature, so code made by another build is never used, even one
 * with the same version number (a snapshot rebuilt).
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
        // The checksums alone name the build: the same jars on the module path (kida compile, the
        // Maven plugin) and on an application's class path are the same engine, and must agree.
        String version = "crc32";
        CRC32 crc = new CRC32();
        try {
            // the engine's code and the compiler's: generated code calls into both
            checksum(Engine.class, crc);
            if (!java.util.Objects.equals(location(EngineBuild.class), location(Engine.class))) {
                checksum(EngineBuild.class, crc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot checksum the engine's code", e);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return version + "/unknown";
        }
        return version + "/" + Long.toHexString(crc.getValue());
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
