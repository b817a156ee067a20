package dev.kida.api;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The API module is built for Java 21, so code written against it compiles and runs on JDK 21. */
class ReleaseLevelTest {
    private static int majorVersion(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            DataInputStream data = new DataInputStream(in);
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }

    @Test
    void classFilesAreOfRelease21() throws IOException {
        assertEquals(65, majorVersion(KidaException.class));
        assertEquals(65, majorVersion(Markup.class));
        assertEquals(65, majorVersion(dev.kida.api.escape.EscaperProvider.class));
    }
}
