package dev.kida.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the compile goal may skip forking the engine: same arguments and jars, nothing newer, output there. */
class CompileUpToDateTest {
    @Test
    void onlyAnUnchangedBuildIsUpToDate(@TempDir Path dir) throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Path page = Files.writeString(templates.resolve("page.html"), "{{ x }}");
        Path output = Files.createDirectories(dir.resolve("out"));
        Path stamp = dir.resolve("compile.stamp");
        assertFalse(CompileMojo.upToDate(stamp, "args", output, templates), "never compiled");

        Files.writeString(output.resolve("kida-manifest.tsv"), "manifest");
        Files.writeString(stamp, "args");
        Files.setLastModifiedTime(templates, FileTime.fromMillis(1_000));
        Files.setLastModifiedTime(page, FileTime.fromMillis(1_000));
        Files.setLastModifiedTime(stamp, FileTime.fromMillis(5_000));
        assertTrue(CompileMojo.upToDate(stamp, "args", output, templates));

        assertFalse(CompileMojo.upToDate(stamp, "other args", output, templates), "another option or jar");
        Files.setLastModifiedTime(page, FileTime.fromMillis(9_000));
        assertFalse(CompileMojo.upToDate(stamp, "args", output, templates), "an edited template");
        Files.setLastModifiedTime(page, FileTime.fromMillis(1_000));
        Files.delete(output.resolve("kida-manifest.tsv"));
        assertFalse(CompileMojo.upToDate(stamp, "args", output, templates), "output cleaned");
    }
}
