package dev.kida.engine.api;

import dev.kida.api.TemplateLoader;
import dev.kida.api.TemplateNotFoundException;
import dev.kida.engine.Environment;
import dev.kida.engine.Loaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadersTest {
    @TempDir
    Path dir;

    @Test
    void fileSystemLoadsNestedNamesAndSeesEdits() throws IOException {
        Files.createDirectories(dir.resolve("parts"));
        Path file = dir.resolve("parts/a.html");
        Files.writeString(file, "v1");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Environment env = Environment.builder().loader(Loaders.fileSystem(dir)).build();
        assertEquals("v1", env.getTemplate("parts/a.html").render());

        Files.writeString(file, "v2");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2021-01-01T00:00:00Z")));
        assertEquals("v2", env.getTemplate("parts/a.html").render());
    }

    @Test
    void fileSystemNamesCannotLeaveTheRoot() throws IOException {
        Path inside = Files.createDirectories(dir.resolve("root"));
        Files.writeString(dir.resolve("secret.html"), "secret");
        TemplateLoader loader = Loaders.fileSystem(inside);
        assertTrue(loader.load("../secret.html").isEmpty());
        assertTrue(loader.load(dir.resolve("secret.html").toString()).isEmpty());
        Environment env = Environment.builder().loader(loader).build();
        assertThrows(TemplateNotFoundException.class, () -> env.getTemplate("../secret.html"));
    }

    @Test
    void choiceAsksEachLoaderInTurn() {
        TemplateLoader loader = Loaders.choice(Loaders.map(Map.of("a.html", "first")),
                Loaders.map(Map.of("a.html", "second", "b.html", "only in second")));
        Environment env = Environment.builder().loader(loader).build();
        assertEquals("first", env.getTemplate("a.html").render());
        assertEquals("only in second", env.getTemplate("b.html").render());
        assertThrows(TemplateNotFoundException.class, () -> env.getTemplate("c.html"));
    }

    @Test
    void classpathLoaderReadsResources() {
        TemplateLoader loader = Loaders.classpath(LoadersTest.class.getClassLoader(), "dev/kida/engine/api");
        assertTrue(loader.load("LoadersTest.class").isPresent());
        assertFalse(loader.load("../api/LoadersTest.class").isPresent());
        assertTrue(loader.load("nope.html").isEmpty());
    }

    @Test
    void getTemplateIsCachedUntilTheSourceChanges() {
        Environment env = Environment.builder().loader(Loaders.map(Map.of("t.html", "x"))).build();
        assertEquals(env.getTemplate("t.html").render(), env.getTemplate("t.html").render());
    }
}
