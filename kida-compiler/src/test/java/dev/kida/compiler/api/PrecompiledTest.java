package dev.kida.compiler.api;

import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Loaders;
import dev.kida.engine.Precompiler;
import dev.kida.engine.Template;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Precompiled templates: written by {@link Precompiler}, loaded by {@code precompiled(...)}
 * without parsing (compiled from load in compiled mode; in tiered mode run in the evaluator on
 * the stored tree until hot, then the stored class is defined), and never used when they do not
 * match the template at hand.
 */
class PrecompiledTest {
    @TempDir
    Path templates;
    @TempDir
    Path output;

    private static final Map<String, Object> CONTEXT = Map.of("items", List.of("a<b", "c"), "title", "T & U");

    @BeforeEach
    void writeTemplates() throws IOException {
        Files.writeString(templates.resolve("base.html"),
                "<title>{% block title %}{% endblock %}</title>{% block body %}{% endblock %}");
        Files.writeString(templates.resolve("macros.html"),
                "{% macro item(x) %}<li>{{ x }}</li>{% endmacro %}");
        Files.createDirectories(templates.resolve("pages"));
        Files.writeString(templates.resolve("pages/list.html"), """
                {% extends "base.html" %}{% from "macros.html" import item %}
                {% block title %}{{ title | upper }}{% endblock %}
                {% block body %}<ul>{% for x in items %}{{ item(x) }}{% endfor %}</ul>{{ 1.5 * 2 }} {{ 10 ** 30 }}
                {% include "part.html" %}{% endblock %}""");
        Files.writeString(templates.resolve("part.html"), "{{ items | join(', ') }}|{{ 'x' is string }}");
    }

    private Environment.Builder builder() {
        return Environment.builder().loader(Loaders.fileSystem(templates));
    }

    private String expected(String name) {
        return builder().mode(ExecutionMode.INTERPRETED).build().getTemplate(name).render(CONTEXT);
    }

    private Precompiler.Result precompile() throws IOException {
        return Precompiler.compile(builder().build(), templates, output);
    }

    @Test
    void everyTemplateIsWrittenWithAManifest() throws IOException {
        Precompiler.Result result = precompile();
        assertEquals(List.of("base.html", "macros.html", "pages/list.html", "part.html"), result.written());
        assertEquals(List.of(), result.errors());
        assertTrue(Files.isRegularFile(output.resolve("pages/list.html.kidac")));
        List<String> manifest = Files.readAllLines(output.resolve("kida-manifest.tsv"));
        assertEquals(5, manifest.size(), manifest.toString());
        assertTrue(manifest.get(3).startsWith("pages/list.html\t"), manifest.get(3));
    }

    @Test
    void precompiledTemplatesRunWithoutParsingAndRenderTheSame() throws IOException {
        precompile();
        String want = expected("pages/list.html");
        Environment env = builder().mode(ExecutionMode.COMPILED).precompiled(output).build();
        Template t = env.getTemplate("pages/list.html");
        assertTrue(t.isPrecompiled(), "loaded from its compiled file, not parsed");
        assertTrue(t.isCompiled(), "compiled mode defines the stored class at load");
        assertEquals(want, t.render(CONTEXT));
        assertTrue(env.getTemplate("part.html").isCompiled());
    }

    @Test
    void tieredPrecompiledTemplatesStartInTheEvaluatorAndDefineTheirClassWhenHot() throws IOException {
        precompile();
        String want = expected("pages/list.html");
        Environment env = builder().precompiled(output).build();
        Template t = env.getTemplate("pages/list.html");
        assertTrue(t.isPrecompiled(), "loaded from its compiled file, not parsed");
        assertFalse(t.isCompiled(), "a one-shot render does not define the class");
        assertEquals(want, t.render(CONTEXT));
        assertFalse(env.getTemplate("base.html").isCompiled());
        // what becoming hot does (on the background thread): here, on this one
        assertTrue(t.compile());
        assertTrue(env.getTemplate("base.html").compile());
        assertTrue(env.getTemplate("macros.html").compile());
        assertTrue(env.getTemplate("part.html").compile());
        assertEquals(want, t.render(CONTEXT));
    }

    @Test
    void tieredPrecompiledTemplatesBecomeCompiledByRendering() throws IOException {
        precompile();
        String want = expected("pages/list.html");
        Environment env = builder().compileThreshold(3).precompiled(output).build();
        Template t = env.getTemplate("pages/list.html");
        // compiled in the background after the third render; renders meanwhile agree (a bound on
        // the wait for a loaded machine, not a timing assertion)
        long giveUp = System.nanoTime() + 60_000_000_000L;
        for (int i = 0; !t.isCompiled() && System.nanoTime() < giveUp; i++) {
            assertEquals(want, t.render(CONTEXT));
            if (i > 3) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertTrue(t.isCompiled(), "hot, so its stored class was defined");
        assertTrue(t.compileFailure().isEmpty());
        assertEquals(want, t.render(CONTEXT));
    }

    @Test
    void tieredAndCompiledPrecompiledTemplatesGiveTheSameOutputAndErrors() throws IOException {
        Files.writeString(templates.resolve("fails.html"), "{% for x in items %}{{ x }}{{ 1 // (loop.index - 2) }}{% endfor %}");
        precompile();
        Environment tiered = builder().precompiled(output).build();
        Environment compiled = builder().mode(ExecutionMode.COMPILED).precompiled(output).build();
        for (String name : List.of("pages/list.html", "part.html", "base.html")) {
            assertEquals(compiled.getTemplate(name).render(CONTEXT), tiered.getTemplate(name).render(CONTEXT), name);
        }
        Template inEvaluator = tiered.getTemplate("fails.html");
        Template inCode = compiled.getTemplate("fails.html");
        assertTrue(inEvaluator.isPrecompiled() && !inEvaluator.isCompiled());
        assertTrue(inCode.isCompiled());
        Exception a = org.junit.jupiter.api.Assertions.assertThrows(dev.kida.api.KidaException.class, () -> inEvaluator.render(CONTEXT));
        Exception b = org.junit.jupiter.api.Assertions.assertThrows(dev.kida.api.KidaException.class, () -> inCode.render(CONTEXT));
        assertEquals(b.getMessage(), a.getMessage());
    }

    @Test
    void fromClassPathResources() throws IOException {
        precompile();
        try (URLClassLoader cl = new URLClassLoader(new URL[] {output.toUri().toURL()}, null)) {
            Environment env = builder().precompiled(cl, "").build();
            Template t = env.getTemplate("pages/list.html");
            assertTrue(t.isPrecompiled());
            assertEquals(expected("pages/list.html"), t.render(CONTEXT));
            Environment viaModule = builder().precompiled(cl.getUnnamedModule(), "").build();
            assertTrue(viaModule.getTemplate("part.html").isPrecompiled());
        }
    }

    @Test
    void anEditedSourceIsCompiledAgainNotRunStale() throws IOException {
        precompile();
        Files.writeString(templates.resolve("part.html"), "edited {{ items | length }}");
        Environment env = builder().precompiled(output).build();
        Template t = env.getTemplate("part.html");
        assertFalse(t.isPrecompiled(), "the stale file must not be used");
        assertEquals("edited 2", t.render(CONTEXT));
        assertEquals(expected("pages/list.html"), env.getTemplate("pages/list.html").render(CONTEXT));
    }

    @Test
    void otherOptionsAreNotServedCodeCompiledForDifferentOnes() throws IOException {
        precompile();
        Environment env = builder().autoescape(false).precompiled(output).build();
        Template t = env.getTemplate("part.html");
        assertFalse(t.isPrecompiled());
        assertEquals("a<b, c|True", t.render(CONTEXT));
    }

    @Test
    void aDamagedFileIsIgnored() throws IOException {
        precompile();
        Path file = output.resolve("part.html.kidac");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);
        Environment env = builder().precompiled(output).build();
        Template t = env.getTemplate("part.html");
        assertFalse(t.isPrecompiled());
        assertEquals("a&lt;b, c|True", t.render(CONTEXT));
    }

    @Test
    void anotherTemplatesFileIsIgnored() throws IOException {
        precompile();
        Files.copy(output.resolve("base.html.kidac"), output.resolve("part.html.kidac"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(output.resolve("macros.html.kidac"), "not a compiled template");
        Environment env = builder().precompiled(output).build();
        assertFalse(env.getTemplate("part.html").isPrecompiled());
        assertFalse(env.getTemplate("macros.html").isPrecompiled());
        assertEquals("a&lt;b, c|True", env.getTemplate("part.html").render(CONTEXT));
        assertEquals(expected("pages/list.html"), env.getTemplate("pages/list.html").render(CONTEXT));
    }

    /**
     * The offset of the class file in a {@code .kidac} (format 5: magic, format, three header
     * strings as an int length and UTF-8, the source hash, the source, the class length).
     */
    private static int classStart(byte[] file) throws IOException {
        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(file));
        in.readInt();
        in.readInt();
        for (int i = 0; i < 3; i++) {
            readString(in);
        }
        in.skipNBytes(32);
        in.skipNBytes(in.readInt());
        in.readInt();
        return file.length - in.available();
    }

    /** A header string of a {@code .kidac}: an int length and UTF-8. */
    private static String readString(java.io.DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Writes {@code file} with its trailing CRC-32 made right again, as a consistent file would be. */
    private static void writeWithChecksum(Path path, byte[] file) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(file, 0, file.length - 8);
        java.nio.ByteBuffer.wrap(file).putLong(file.length - 8, crc.getValue());
        Files.write(path, file);
    }

    @Test
    void aClassTheJvmRefusesIsFoundWhenDefinedAndTheTreeIsCompiledInstead() throws IOException {
        precompile();
        Path file = output.resolve("part.html.kidac");
        byte[] bytes = Files.readAllBytes(file);
        int at = classStart(bytes);
        assertEquals((byte) 0xCA, bytes[at], "the class file starts there");
        bytes[at] = 0; // no longer a class file: its checksum is right, the JVM refuses it
        writeWithChecksum(file, bytes);
        // tiered: the tree is fine, so the template loads from the file and renders in the
        // evaluator; when it is compiled, the class is refused and the tree compiled instead
        Template tiered = builder().precompiled(output).build().getTemplate("part.html");
        assertTrue(tiered.isPrecompiled());
        assertEquals("a&lt;b, c|True", tiered.render(CONTEXT));
        assertTrue(tiered.compile(), "compiled from its tree");
        assertTrue(tiered.compileFailure().isEmpty());
        assertEquals("a&lt;b, c|True", tiered.render(CONTEXT));
        // compiled: defined at load, refused there, so the file is not used at all
        Template compiled = builder().mode(ExecutionMode.COMPILED).precompiled(output).build().getTemplate("part.html");
        assertFalse(compiled.isPrecompiled());
        assertTrue(compiled.isCompiled());
        assertEquals("a&lt;b, c|True", compiled.render(CONTEXT));
    }

    @Test
    void aFileOfAnotherEngineBuildIsNotRun() throws IOException {
        precompile();
        Path file = output.resolve("part.html.kidac");
        byte[] bytes = Files.readAllBytes(file);
        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes));
        in.readInt();
        in.readInt();
        String build = readString(in);
        int rest = bytes.length - in.available();
        assertTrue(build.startsWith("crc32:") || build.startsWith("src:"), build);
        // the same file as a build differing in one digit of one module's part would have made it
        char last = build.charAt(build.length() - 1);
        String other = build.substring(0, build.length() - 1) + (last == '0' ? '1' : '0');
        java.io.ByteArrayOutputStream changed = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(changed);
        out.write(bytes, 0, 8);
        byte[] otherBytes = other.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(otherBytes.length);
        out.write(otherBytes);
        out.write(bytes, rest, bytes.length - rest);
        writeWithChecksum(file, changed.toByteArray());
        for (ExecutionMode mode : List.of(ExecutionMode.TIERED, ExecutionMode.COMPILED)) {
            Template t = builder().mode(mode).precompiled(output).build().getTemplate("part.html");
            assertFalse(t.isPrecompiled(), "code of another engine build must not run (" + mode + ")");
            assertEquals("a&lt;b, c|True", t.render(CONTEXT));
        }
        // and the unchanged files of this build are used
        assertTrue(builder().precompiled(output).build().getTemplate("base.html").isPrecompiled());
    }

    @Test
    void aMissingFileMeansParsing() throws IOException {
        precompile();
        Files.delete(output.resolve("part.html.kidac"));
        Environment env = builder().precompiled(output).build();
        assertFalse(env.getTemplate("part.html").isPrecompiled());
        assertTrue(env.getTemplate("base.html").isPrecompiled());
    }

    @Test
    void syntaxErrorsAreReportedNotWritten() throws IOException {
        Files.writeString(templates.resolve("broken.html"), "{% if %}");
        Precompiler.Result result = precompile();
        assertFalse(result.written().contains("broken.html"));
        assertEquals(1, result.errors().size(), result.errors().toString());
        assertTrue(result.errors().getFirst().contains("broken.html:1:"), result.errors().getFirst());
        assertFalse(Files.exists(output.resolve("broken.html.kidac")));
    }
}
