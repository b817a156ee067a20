package dev.kida.tests.jpms;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which Java each runtime module needs, read from its class files as the JVM would: the engine
 * (module descriptor included) runs on Java 21, the compiler needs 24 (java.lang.classfile) but
 * its module descriptor is release 21, so that a JVM 21-23 can read it without failing to start.
 */
class ReleaseLevelsTest {

    @Test
    void theEngineIsRelease21AndTheCompilerRelease24() throws IOException {
        assertEquals(Map.of(65, true), majors("kida.engine", false));
        assertEquals(Map.of(68, true), majors("kida.compiler", false));
        assertEquals(Map.of(65, true), majors("kida.compiler", true));
    }

    /** The class-file major versions of every class of a module on this JVM's module path. */
    private static Map<Integer, Boolean> majors(String module, boolean descriptor) throws IOException {
        URI location = ModuleLayer.boot().configuration().findModule(module).orElseThrow()
                .reference().location().orElseThrow();
        Path where = Path.of(location);
        Map<Integer, Boolean> majors = new TreeMap<>();
        if (Files.isDirectory(where)) {
            collect(where, descriptor, majors);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(where)) {
                collect(jar.getPath("/"), descriptor, majors);
            }
        }
        assertTrue(!majors.isEmpty(), "no classes under " + where);
        return majors;
    }

    /** The class files of the module, or its descriptor alone. */
    private static void collect(Path root, boolean descriptor, Map<Integer, Boolean> majors) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> f.getFileName().toString().equals("module-info.class") == descriptor).toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    DataInputStream data = new DataInputStream(in);
                    assertEquals(0xCAFEBABE, data.readInt(), p.toString());
                    data.readUnsignedShort();
                    majors.put(data.readUnsignedShort(), true);
                }
            }
        }
    }
}
