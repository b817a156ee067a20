package dev.kida.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kida compile} and {@code render --compiled}: the README's commands on the example site. */
class CompileCommandTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void compilesTheExampleAndRendersFromIt(@TempDir Path out) throws IOException {
        Cli compile = Cli.run("compile", "--templates", EXAMPLES.resolve("templates").toString(),
                "--output", out.toString());
        assertEquals(Main.OK, compile.status(), compile.stderr());
        assertEquals("base.html\nmacros.html\npage.html\n", compile.stdout());
        assertTrue(Files.isRegularFile(out.resolve("page.html.kidac")));
        assertTrue(Files.isRegularFile(out.resolve("kida-manifest.tsv")));
        Cli render = Cli.run("render", "page.html", "--templates", EXAMPLES.resolve("templates").toString(),
                "--data", EXAMPLES.resolve("data.json").toString(), "--compiled", out.toString());
        assertEquals(Main.OK, render.status(), render.stderr());
        assertArrayEquals(Files.readAllBytes(EXAMPLES.resolve("expected/page.html")), render.stdoutBytes());
    }

    @Test
    void reportsEveryBrokenTemplate(@TempDir Path templates, @TempDir Path out) throws IOException {
        Files.writeString(templates.resolve("good.html"), "{{ x }}");
        Files.writeString(templates.resolve("bad.html"), "{% for %}");
        Cli compile = Cli.run("compile", "--templates", templates.toString(), "--output", out.toString());
        assertEquals(Main.TEMPLATE_ERROR, compile.status());
        assertEquals("good.html\n", compile.stdout());
        assertTrue(compile.stderr().startsWith("bad.html:1:"), compile.stderr());
    }

    @Test
    void compilesTemplateFilesOnly(@TempDir Path templates, @TempDir Path out) throws IOException {
        Files.writeString(templates.resolve("page.html"), "{{ x }}");
        Files.writeString(templates.resolve("mail.j2"), "{{ x }}");
        Files.write(templates.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff});
        Files.writeString(templates.resolve(".page.html.swp"), "{% for %}");
        Cli compile = Cli.run("compile", "--templates", templates.toString(), "--output", out.toString());
        assertEquals(Main.OK, compile.status(), compile.stderr());
        assertEquals("mail.j2\npage.html\n", compile.stdout());
        Cli onlyHtml = Cli.run("compile", "--templates", templates.toString(), "--output", out.resolve("h").toString(),
                "--extensions", "html");
        assertEquals(Main.OK, onlyHtml.status(), onlyHtml.stderr());
        assertEquals("page.html\n", onlyHtml.stdout());
    }

    @Test
    void needsBothFolders() {
        Cli compile = Cli.run("compile", "--templates", EXAMPLES.toString());
        assertEquals(Main.USAGE_ERROR, compile.status());
        assertTrue(compile.stderr().contains("--output"), compile.stderr());
    }
}
