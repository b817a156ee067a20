package dev.kida.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderCommandTest {
    /** {@code <ExceptionSimpleName>: <template>:<line>:<col>: <message>}. */
    private static final Pattern FIRST_LINE = Pattern.compile("([A-Za-z]+Exception): (\\S+):(\\d+):(\\d+): (.+)");

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void writesTheOutputAsUtf8WithNothingAdded() throws IOException {
        write("main.html", "Hello {{ name }}! {{ 'naïve 日本 😀' }}");
        Path data = dir.resolve("data.json");
        Files.writeString(data, "{\"name\": \"Wörld <&>\"}");
        Cli result = Cli.run("render", "main.html", "--templates", dir.toString(), "--data", data.toString());
        assertEquals(Main.OK, result.status(), result.stderr());
        assertArrayEquals("Hello Wörld &lt;&amp;&gt;! naïve 日本 😀".getBytes(StandardCharsets.UTF_8), result.stdoutBytes());
        assertEquals("", result.stderr());
    }

    @Test
    void readsTheContextFromStdin() throws IOException {
        write("main.html", "{{ n + 1 }} {{ f }} {{ xs }}");
        Cli result = Cli.runWithInput("{\"n\": 41, \"f\": 2.0, \"xs\": [1, \"a\", null, true]}".getBytes(StandardCharsets.UTF_8),
                "render", "main.html", "--templates", dir.toString(), "--data", "-");
        assertEquals(Main.OK, result.status(), result.stderr());
        assertEquals("42 2.0 [1, &#39;a&#39;, None, True]", result.stdout());
    }

    @Test
    void optionsReachTheEngine() throws IOException {
        write("main.html", "{% if true %}\n    <b>{{ x }}</b>\n{% endif %}\n");
        Path data = dir.resolve("d.json");
        Files.writeString(data, "{\"x\": \"<i>\"}");
        Cli plain = Cli.run("render", "main.html", "--templates", dir.toString(), "--data", data.toString());
        assertEquals("\n    <b>&lt;i&gt;</b>\n", plain.stdout());
        Cli tuned = Cli.run("render", "main.html", "--templates", dir.toString(), "--data", data.toString(),
                "--no-autoescape", "--trim-blocks", "--lstrip-blocks", "--keep-trailing-newline");
        assertEquals(Main.OK, tuned.status(), tuned.stderr());
        assertEquals("    <b><i></b>\n", tuned.stdout());
    }

    @Test
    void templatesInSubdirectoriesAreNamedWithSlashes() throws IOException {
        write("layouts/base.html", "[{% block body %}{% endblock %}]");
        write("pages/home.html", "{% extends 'layouts/base.html' %}{% block body %}home{% endblock %}");
        Cli result = Cli.run("render", "pages/home.html", "--templates", dir.toString());
        assertEquals(Main.OK, result.status(), result.stderr());
        assertEquals("[home]", result.stdout());
    }

    @Test
    void anUndefinedNameIsATemplateErrorWithLocationSourceAndCaret() throws IOException {
        write("main.html", "line one\n<p>{{ missing }}</p>\n");
        Cli result = Cli.run("render", "main.html", "--templates", dir.toString());
        assertTemplateError(result, "UndefinedException", "main.html", 2, "<p>{{ missing }}</p>");
    }

    @Test
    void aSyntaxErrorIsReportedTheSameWay() throws IOException {
        write("main.html", "ok\nok\n{% for x in %}{% endfor %}");
        Cli result = Cli.run("render", "main.html", "--templates", dir.toString());
        assertTemplateError(result, "TemplateSyntaxException", "main.html", 3, "{% for x in %}{% endfor %}");
    }

    @Test
    void anErrorInAnIncludedTemplateNamesThatTemplate() throws IOException {
        write("main.html", "a{% include 'part.html' %}b");
        write("part.html", "\n\n{{ 1 // 0 }}");
        Cli result = Cli.run("render", "main.html", "--templates", dir.toString());
        assertTemplateError(result, "TemplateRuntimeException", "part.html", 3, "{{ 1 // 0 }}");
    }

    @Test
    void aTypeErrorIsATemplateTypeException() throws IOException {
        write("main.html", "{{ 1 + 'a' }}");
        Cli result = Cli.run("render", "main.html", "--templates", dir.toString());
        assertTemplateError(result, "TemplateTypeException", "main.html", 1, "{{ 1 + 'a' }}");
    }

    @Test
    void aMissingEntryTemplateIsTemplateNotFound() {
        Cli result = Cli.run("render", "nope.html", "--templates", dir.toString());
        assertEquals(Main.TEMPLATE_ERROR, result.status(), result.stderr());
        assertTrue(result.firstErrorLine().startsWith("TemplateNotFoundException: "), result.stderr());
        assertTrue(result.firstErrorLine().contains("nope.html"), result.stderr());
        assertEquals(0, result.stdoutBytes().length);
    }

    @Test
    void aFailedRenderWritesNothingToStdout() throws IOException {
        write("main.html", "a lot of output before the error {{ missing }}");
        Cli result = Cli.run("render", "main.html", "--templates", dir.toString());
        assertEquals(Main.TEMPLATE_ERROR, result.status());
        assertEquals(0, result.stdoutBytes().length);
    }

    /**
     * Checks the promised format: first line {@code Kind: name:line:col: message}, then the source
     * line indented by four spaces, then a caret under the reported column.
     */
    static void assertTemplateError(Cli result, String kind, String template, int line, String sourceLine) {
        assertEquals(Main.TEMPLATE_ERROR, result.status(), result.stderr());
        assertEquals(0, result.stdoutBytes().length, "nothing on stdout");
        List<String> lines = result.stderrLines();
        Matcher m = FIRST_LINE.matcher(lines.getFirst());
        assertTrue(m.matches(), "first stderr line: " + lines.getFirst());
        assertEquals(kind, m.group(1), result.stderr());
        assertEquals(template, m.group(2), result.stderr());
        assertEquals(line, Integer.parseInt(m.group(3)), result.stderr());
        int column = Integer.parseInt(m.group(4));
        assertTrue(column >= 1 && column <= sourceLine.length(), result.stderr());
        assertTrue(lines.size() >= 3, result.stderr());
        assertEquals("    " + sourceLine, lines.get(1), result.stderr());
        assertEquals("    " + " ".repeat(column - 1) + "^", lines.get(2), result.stderr());
    }
}
