package dev.kida.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {
    private static final Pattern ERROR = Pattern.compile("TemplateSyntaxException: (\\S+):(\\d+):(\\d+): .+");

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void findsEveryBrokenTemplateWithItsLine() throws IOException {
        write("good.html", "{% for x in xs %}{{ x|upper }}{% endfor %}");
        write("layouts/base.html", "{% block body %}{% endblock %}");
        write("unclosed-if.html", "a\n{% if x %}\nb\n");
        write("bad-expression.html", "{{ 1 + }}");
        write("pages/stray-end.html", "one\ntwo\n{% endfor %}");
        write("pages/deep/unknown-filter.html", "\n{{ x|no_such_filter }}");
        write("unknown-tag.html", "{% frobnicate %}");
        write("unclosed-comment.html", "x {# never closed");
        write(".hidden.html", "{% if %}");

        Cli result = Cli.run("check", dir.toString());

        assertEquals(Main.TEMPLATE_ERROR, result.status(), result.stderr());
        Map<String, Integer> reported = new TreeMap<>();
        for (String line : result.stderrLines()) {
            Matcher m = ERROR.matcher(line);
            if (m.matches()) {
                reported.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        assertEquals(Set.of("unclosed-if.html", "bad-expression.html", "pages/stray-end.html",
                "pages/deep/unknown-filter.html", "unknown-tag.html", "unclosed-comment.html"),
                reported.keySet(), result.stderr());
        assertEquals(1, reported.get("bad-expression.html"));
        assertEquals(3, reported.get("pages/stray-end.html"));
        assertEquals(2, reported.get("pages/deep/unknown-filter.html"));
        assertEquals(1, reported.get("unknown-tag.html"));
        assertTrue(result.stderrLines().getLast().equals("checked 8 templates: 6 have errors"), result.stderr());
        assertEquals("", result.stdout());
    }

    @Test
    void everyErrorComesWithItsSourceLineAndCaret() throws IOException {
        write("a.html", "{{ 1 + }}");
        write("b.html", "x\n{% endif %}");
        Cli result = Cli.run("check", dir.toString());
        var lines = result.stderrLines();
        // a.html sorts first: its three lines, then b.html's three, then the summary.
        assertEquals(7, lines.size(), result.stderr());
        assertTrue(lines.get(0).startsWith("TemplateSyntaxException: a.html:1:"), result.stderr());
        assertEquals("    {{ 1 + }}", lines.get(1));
        assertTrue(lines.get(2).matches(" {4} *\\^"), lines.get(2));
        assertTrue(lines.get(3).startsWith("TemplateSyntaxException: b.html:2:"), result.stderr());
        assertEquals("    {% endif %}", lines.get(4));
        assertTrue(lines.get(5).matches(" {4} *\\^"), lines.get(5));
        assertEquals("checked 2 templates: 2 have errors", lines.get(6));
    }

    @Test
    void aCleanFolderPassesWithASummary() throws IOException {
        write("a.html", "{{ x }}");
        write("sub/b.html", "{% extends 'a.html' %}");
        Cli result = Cli.run("check", dir.toString());
        assertEquals(Main.OK, result.status(), result.stderr());
        assertEquals("checked 2 templates: no errors\n", result.stdout());
        assertEquals("", result.stderr());
    }

    @Test
    void theExampleSiteChecksClean() {
        Cli result = Cli.run("check", "../examples/templates");
        assertEquals(Main.OK, result.status(), result.stderr());
        assertEquals("checked 3 templates: no errors\n", result.stdout());
    }

    @Test
    void aMissingDirectoryIsAnInputError() {
        Cli result = Cli.run("check", dir.resolve("nope").toString());
        assertEquals(Main.USAGE_ERROR, result.status());
        assertEquals("kida: template directory not found: " + dir.resolve("nope"), result.firstErrorLine());
    }

    /** The first bytes of a real PNG file: its signature and the start of the IHDR chunk. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, '\r',
            'I', 'H', 'D', 'R', 0, 0, 0, 16, 0, 0, 0, 16, 8, 6, 0, 0, 0, (byte) 0xf3, (byte) 0xff, 0x61};

    @Test
    void filesThatAreNotTemplatesAreSkipped() throws IOException {
        write("page.html", "{{ 1 + }}");
        write("notes.txt", "{% if %}");
        write("mail.j2", "ok {{ x }}");
        write("feed.xml", "<x>{{ y }}</x>");
        write("base.jinja", "{% block b %}{% endblock %}");
        write("card.kida", "{{ z }}");
        write("old.htm", "{{ w }}");
        write("script.js", "{{ not a template }");
        Files.write(dir.resolve("logo.png"), PNG);

        Cli result = Cli.run("check", dir.toString());

        assertEquals(Main.TEMPLATE_ERROR, result.status(), result.stderr());
        assertTrue(result.stderr().contains("page.html:1:"), result.stderr());
        assertTrue(result.stderr().contains("notes.txt:1:"), result.stderr());
        assertFalse(result.stderr().contains("logo.png"), result.stderr());
        assertFalse(result.stderr().contains("script.js"), result.stderr());
        assertEquals("checked 7 templates: 2 have errors", result.stderrLines().getLast(), result.stderr());
    }

    @Test
    void anUndecodableTemplateIsThatFilesErrorAndTheOthersAreStillChecked() throws IOException {
        Files.write(dir.resolve("logo.html"), PNG);
        write("z-broken.html", "{{ 1 + }}");
        write("fine.html", "{{ x }}");

        Cli result = Cli.run("check", dir.toString());

        assertEquals(Main.TEMPLATE_ERROR, result.status(), result.stderr());
        assertTrue(result.stderr().startsWith("KidaException: cannot read template 'logo.html'"), result.stderr());
        assertTrue(result.stderr().contains("not UTF-8 text"), result.stderr());
        assertTrue(result.stderr().contains("z-broken.html:1:"), result.stderr());
        assertFalse(result.stderr().contains("internal error"), result.stderr());
        assertEquals("checked 3 templates: 2 have errors", result.stderrLines().getLast(), result.stderr());
    }

    @Test
    void extensionsCanBeChosen() throws IOException {
        write("page.html", "{{ 1 + }}");
        write("mail.tmpl", "{% if %}");
        write("sub/other.TMPL", "{{ x }}");

        Cli result = Cli.run("check", "--extensions", "tmpl,.j2", dir.toString());

        assertEquals(Main.TEMPLATE_ERROR, result.status(), result.stderr());
        assertTrue(result.stderr().contains("mail.tmpl:1:"), result.stderr());
        assertFalse(result.stderr().contains("page.html"), result.stderr());
        assertEquals("checked 2 templates: 1 has an error", result.stderrLines().getLast(), result.stderr());
        assertEquals(Main.USAGE_ERROR, Cli.run("check", "--extensions=", dir.toString()).status());
        assertEquals(Main.USAGE_ERROR, Cli.run("check", "--extensions", "a/b", dir.toString()).status());
    }

    @Test
    void reportsMalformedTransBlocksWithTheirReason() throws IOException {
        write("ok.html", "{% trans user=name %}Hello {{ user }}!{% endtrans %}");
        write("nested.html", "{% trans %}a\n{% trans %}b{% endtrans %}{% endtrans %}");
        write("control.html", "{% trans %}\n\n{% if x %}x{% endif %}{% endtrans %}");
        write("attribute.html", "{% trans %}{{ user.name }}{% endtrans %}");
        write("twice.html", "{% trans a=1, a=2 %}{{ a }}{% endtrans %}");
        write("unclosed.html", "{% trans %}never closed");

        Cli result = Cli.run("check", dir.toString());

        assertEquals(Main.TEMPLATE_ERROR, result.status(), result.stderr());
        Map<String, Integer> reported = new TreeMap<>();
        for (String line : result.stderrLines()) {
            Matcher m = ERROR.matcher(line);
            if (m.matches()) {
                reported.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        assertEquals(Set.of("nested.html", "control.html", "attribute.html", "twice.html", "unclosed.html"),
                reported.keySet(), result.stderr());
        assertEquals(2, reported.get("nested.html"));
        assertEquals(3, reported.get("control.html"));
        assertTrue(result.stderr().contains("trans blocks can't be nested"), result.stderr());
        assertTrue(result.stderr().contains("control structures in translatable sections are not allowed; saw `if`"),
                result.stderr());
        assertTrue(result.stderr().contains("translatable variable 'a' defined twice."), result.stderr());
        assertTrue(result.stderr().contains("unclosed translation block"), result.stderr());
    }
}
