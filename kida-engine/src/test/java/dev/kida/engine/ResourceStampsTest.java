package dev.kida.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which file's time and size stand for a resource, by where the resource lives. */
class ResourceStampsTest {
    @Test
    void aFileResourceIsItsOwnFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("a.html"), "x");
        ResourceStamps.Where where = ResourceStamps.of(file.toUri().toURL());
        assertEquals(file, where.file());
        ResourceStamps.Stamp before = where.stamp();
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochMilli(5_000)));
        assertNotEquals(before, where.stamp());
        Files.delete(file);
        assertNull(where.stamp(), "a deleted file has no stamp: the resource changed");
    }

    @Test
    void aJarEntryIsTheJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("app.jar");
        URL entry = URI.create("jar:" + jar.toUri() + "!/templates/a.html").toURL();
        assertEquals(jar, ResourceStamps.of(entry).file());
    }

    @Test
    void theRuntimeImageNeverChangesAndOtherSchemesAreUnknown() throws IOException {
        URL jrt = Object.class.getResource("Object.class");
        assertEquals(ResourceStamps.Where.FIXED, ResourceStamps.of(jrt));
        assertEquals(ResourceStamps.Stamp.FIXED, ResourceStamps.Where.FIXED.stamp());
        assertNull(ResourceStamps.of(URI.create("http://example.invalid/a.html").toURL()));
        assertNull(ResourceStamps.of((URL) null));
    }

    @Test
    void aNamedModuleResourceIsFoundFromTheModulesLocation() {
        // java.base lives in the runtime image
        assertEquals(ResourceStamps.Where.FIXED, ResourceStamps.of(Object.class.getModule(), "java/lang/Object.class"));
    }
}
