package dev.kida.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --sandbox} and {@code --follow-links} (issue 11), in both modes. */
class SecurityOptionsTest {
    @TempDir
    Path dir;

    @Test
    void theSandboxRefusesChangingCollectionsAndLimitsOutput() throws Exception {
        Path root = Files.createDirectories(dir.resolve("t"));
        Files.writeString(root.resolve("page.html"), "{% set l = [1] %}{{ l.append(2) }}{{ l|length }}");
        Files.writeString(root.resolve("big.html"), "{{ 'x' * 2000000 }}");
        for (String mode : new String[]{"interpreted", "compiled"}) {
            Cli plain = Cli.run("render", "page.html", "--templates", root.toString(), "--mode", mode);
            assertEquals(0, plain.status(), plain.stderr());
            assertEquals("None2", plain.stdout());
            Cli sandboxed = Cli.run("render", "page.html", "--templates", root.toString(), "--mode", mode, "--sandbox");
            assertEquals(1, sandboxed.status());
            assertTrue(sandboxed.firstErrorLine().startsWith("TemplateSecurityException: page.html:1:"),
                    sandboxed.firstErrorLine());
            Cli big = Cli.run("render", "big.html", "--templates", root.toString(), "--mode", mode, "--sandbox");
            assertEquals(1, big.status());
            assertTrue(big.stderr().contains("Limits.maxStringLength"), big.stderr());
        }
    }

    @Test
    void linksOutOfTheTemplatesAreFollowedOnlyOnRequest() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Path root = Files.createDirectories(dir.resolve("t"));
        Files.createSymbolicLink(root.resolve("link"), outside);
        Files.writeString(root.resolve("page.html"), "[{% include 'link/secret.txt' %}]");
        for (String mode : new String[]{"interpreted", "compiled"}) {
            Cli refused = Cli.run("render", "page.html", "--templates", root.toString(), "--mode", mode);
            assertEquals(1, refused.status());
            assertTrue(refused.firstErrorLine().startsWith("TemplateSecurityException: page.html:1:"), refused.stderr());
            Cli followed = Cli.run("render", "page.html", "--templates", root.toString(), "--mode", mode, "--follow-links");
            assertEquals(0, followed.status(), followed.stderr());
            assertEquals("[secret]", followed.stdout());
        }
    }
}
