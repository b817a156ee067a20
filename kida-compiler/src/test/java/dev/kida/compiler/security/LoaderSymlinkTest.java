package dev.kida.compiler.security;

import dev.kida.api.TemplateSecurityException;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Loaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11, finding 6: symbolic links out of the template folder are not followed unless asked. */
class LoaderSymlinkTest {

    @Test
    void linksLeavingTheRootAreRefusedInBothModes(@TempDir Path dir) throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("passwd"), "root:x:0:0");
        Path root = Files.createDirectories(dir.resolve("templates"));
        Files.createSymbolicLink(root.resolve("etclink"), outside);
        Files.createSymbolicLink(root.resolve("direct.txt"), outside.resolve("passwd"));
        Files.writeString(root.resolve("page.html"), "[{% include 'etclink/passwd' %}]");
        Files.writeString(root.resolve("page2.html"), "[{% include 'direct.txt' %}]");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/inner.html"), "inner");
        Files.createSymbolicLink(root.resolve("inside.html"), root.resolve("sub/inner.html"));
        for (ExecutionMode mode : new ExecutionMode[]{ExecutionMode.INTERPRETED, ExecutionMode.COMPILED}) {
            Environment env = Environment.builder().mode(mode).loader(Loaders.fileSystem(root)).build();
            for (String page : new String[]{"page.html", "page2.html"}) {
                var e = assertThrows(TemplateSecurityException.class, () -> env.getTemplate(page).render(Map.of()));
                assertTrue(e.getMessage().contains("outside the template folder"), e.getMessage());
                assertTrue(e.getMessage().contains(page + ":1:"), e.getMessage());
            }
            assertThrows(TemplateSecurityException.class, () -> env.getTemplate("etclink/passwd"));
            // a link that stays inside is fine
            assertEquals("inner", env.getTemplate("inside.html").render(Map.of()));
            Environment following = Environment.builder().mode(mode).loader(Loaders.fileSystem(root, true)).build();
            assertEquals("[root:x:0:0]", following.getTemplate("page.html").render(Map.of()));
        }
    }
}
