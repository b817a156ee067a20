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
 * without parsing (a tiered template is compiled from the first render, which parsing would not
 * give before 50 renders), and never used when they do not match the template at hand.
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
        Environment env = builder().precompiled(output).build();
        Template t = env.getTemplate("pages/list.html");
        assertTrue(t.isCompiled(), "loaded from its compiled file, not parsed (tiered would not have compiled it yet)");
        assertEquals(want, t.render(CONTEXT));
        assertTrue(env.getTemplate("part.html").isCompiled());
    }

    @Test
    void fromClassPathResources() throws IOException {
        precompile();
        try (URLClassLoader cl = new URLClassLoader(new URL[] {output.toUri().toURL()}, null)) {
            Environment env = builder().precompiled(cl, "").build();
            Template t = env.getTemplate("pages/list.html");
            assertTrue(t.isCompiled());
            assertEquals(expected("pages/list.html"), t.render(CONTEXT));
            Environment viaModule = builder().precompiled(cl.getUnnamedModule(), "").build();
            assertTrue(viaModule.getTemplate("part.html").isCompiled());
        }
    }

    @Test
    void anEditedSourceIsCompiledAgainNotRunStale() throws IOException {
        precompile();
        Files.writeString(templates.resolve("part.html"), "edited {{ items | length }}");
        Environment env = builder().precompiled(output).build();
        Template t = env.getTemplate("part.html");
        assertFalse(t.isCompiled(), "the stale file must not be used");
        assertEquals("edited 2", t.render(CONTEXT));
        assertEquals(expected("pages/list.html"), env.getTemplate("pages/list.html").render(CONTEXT));
    }

    @Test
    void otherOptionsAreNotServedCodeCompiledForDifferentOnes() throws IOException {
        precompile();
        Environment env = builder().autoescape(false).precompiled(output).build();
        Template t = env.getTemplate("part.html");
        assertFalse(t.isCompiled());
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
        assertFalse(t.isCompiled());
        assertEquals("a&lt;b, c|True", t.render(CONTEXT));
    }

    @Test
    void anotherTemplatesFileIsIgnored() throws IOException {
        precompile();
        Files.copy(output.resolve("base.html.kidac"), output.resolve("part.html.kidac"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(output.resolve("macros.html.kidac"), "not a compiled template");
        Environment env = builder().precompiled(output).build();
        assertFalse(env.getTemplate("part.html").isCompiled());
        assertEquals("a&lt;b, c|True", env.getTemplate("part.html").render(CONTEXT));
        assertEquals(expected("pages/list.html"), env.getTemplate("pages/list.html").render(CONTEXT));
    }

    @Test
    void aMissingFileMeansParsing() throws IOException {
        precompile();
        Files.delete(output.resolve("part.html.kidac"));
        Environment env = builder().precompiled(output).build();
        assertFalse(env.getTemplate("part.html").isCompiled());
        assertTrue(env.getTemplate("base.html").isCompiled());
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
