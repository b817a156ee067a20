package dev.kida.tests.escape;

import dev.kida.api.escape.EscaperProvider;
import dev.kida.engine.Escapers;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The escaper backends are built for the oldest JDK that has what they use: simd for 21 (the
 * incubating Vector API exists there), ffi for 22 (java.lang.foreign is final from 22). Read
 * from the class files of the providers found on the module path, whether or not the backend
 * can run on this machine.
 */
class BackendReleaseLevelTest {
    /** Class-file major version per backend: 65 is Java 21, 66 is Java 22. */
    private static final Map<String, Integer> EXPECTED = Map.of("simd", 65, "ffi", 66);

    @Test
    void backendsAreBuiltForTheirOldestJdk() throws IOException {
        int checked = 0;
        for (EscaperProvider p : Escapers.providers()) {
            Integer expected = EXPECTED.get(p.name());
            if (expected != null) {
                assertEquals(expected, majorVersion(p.getClass()), p.name());
                checked++;
            }
        }
        // kida-tests puts both backends on its module path
        assertEquals(2, checked);
    }

    private static int majorVersion(Class<?> type) throws IOException {
        // .class resources are never encapsulated, so another module's may be read
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            assertNotNull(in, type.getName());
            DataInputStream data = new DataInputStream(in);
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }
}
