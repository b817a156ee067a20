package dev.kida.tests.conformance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kida.api.KidaException;
import dev.kida.api.TemplateNotFoundException;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateSyntaxException;
import dev.kida.api.TemplateTypeException;
import dev.kida.api.UndefinedException;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Loaders;
import dev.kida.engine.Template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Loads the conformance corpus and runs a case through the public API. */
public final class ConformanceCases {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private ConformanceCases() {
    }

    /** Every case of every corpus file ({@code conformance/jinja2-*.json}) in the test resources. */
    public static List<ConformanceCase> all() {
        return allMatching("jinja2-.*\\.json");
    }

    /** Every case of the Kida corpus files ({@code conformance/kida-*.json}) in the test resources. */
    public static List<ConformanceCase> kida() {
        return allMatching("kida-.*\\.json");
    }

    private static List<ConformanceCase> allMatching(String fileNames) {
        List<ConformanceCase> cases = new ArrayList<>();
        for (Path file : corpusFiles(fileNames)) {
            cases.addAll(load(file));
        }
        Map<String, String> overrides = loopControlOverrides();
        cases.replaceAll(c -> overrides.containsKey(c.id())
                ? new ConformanceCase(c.id(), c.files(), c.entry(), c.context(), c.options(), overrides.get(c.id()),
                        null, 0)
                : c);
        Map<String, String> superset = supersetOverrides();
        cases.replaceAll(c -> superset.containsKey(c.id())
                ? new ConformanceCase(c.id(), c.files(), c.entry(), c.context(), c.options(), null,
                        superset.get(c.id()), 0)
                : c);
        return cases;
    }

    /**
     * Cases where Jinja2 raised a syntax error only because the template uses Kida syntax (which
     * Kida for Java always understands): id to the error kind Kida's semantics give instead
     * ({@code conformance/kida-superset-overrides.tsv} gives the reason for each).
     */
    private static Map<String, String> supersetOverrides() {
        try (InputStream in = ConformanceCases.class.getResourceAsStream("/conformance/kida-superset-overrides.tsv")) {
            if (in == null) {
                throw new IllegalStateException("kida-superset-overrides.tsv missing from test resources");
            }
            Map<String, String> overrides = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", 3);
                overrides.put(fields[0], fields[1]);
            }
            return overrides;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Cases where Jinja2 only failed because loop controls need its loopcontrols extension, which
     * Kida has built in: id to the output Jinja2 gives with the extension on
     * ({@code conformance/kida-loopcontrols-overrides.tsv} says how it was recorded).
     */
    private static Map<String, String> loopControlOverrides() {
        try (InputStream in = ConformanceCases.class.getResourceAsStream("/conformance/kida-loopcontrols-overrides.tsv")) {
            if (in == null) {
                throw new IllegalStateException("kida-loopcontrols-overrides.tsv missing from test resources");
            }
            Map<String, String> overrides = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", 2);
                overrides.put(fields[0], JSON.readValue(fields[1], String.class));
            }
            return overrides;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test-resource folder holding the corpus files. */
    public static Path directory() {
        URL dir = ConformanceCases.class.getResource("/conformance/jinja2-visible.json");
        if (dir == null) {
            throw new IllegalStateException("conformance corpus missing from test resources");
        }
        try {
            return Path.of(dir.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> corpusFiles(String fileNames) {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(f -> f.getFileName().toString().matches(fileNames)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cases of one corpus file. */
    public static List<ConformanceCase> load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = JSON.readTree(in);
            List<ConformanceCase> cases = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                Map<String, String> files = new LinkedHashMap<>();
                c.get("files").properties().forEach(e -> files.put(e.getKey(), e.getValue().asText()));
                Map<String, Object> options = new LinkedHashMap<>();
                c.get("options").properties().forEach(e -> options.put(e.getKey(), option(e.getKey(), e.getValue(), file)));
                @SuppressWarnings("unchecked")
                Map<String, Object> context = (Map<String, Object>) toJava(c.get("context"));
                Map<String, String> overrides = null;
                if (c.has("block_overrides")) {
                    Map<String, String> o = new LinkedHashMap<>();
                    c.get("block_overrides").properties().forEach(e -> o.put(e.getKey(), e.getValue().asText()));
                    overrides = o;
                }
                cases.add(new ConformanceCase(c.get("id").asText(), files, c.get("entry").asText(), context,
                        options, c.has("expect") ? c.get("expect").asText() : null,
                        c.has("expect_error") ? c.get("expect_error").asText() : null,
                        c.has("expect_line") ? c.get("expect_line").asInt() : 0,
                        c.has("block") ? c.get("block").asText() : null, overrides,
                        c.has("list_blocks") && c.get("list_blocks").asBoolean()));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An option's value: a boolean, a string, a list of strings ({@code extensions}), or null;
     * {@code translations} (a catalogue path relative to the corpus file) becomes absolute.
     */
    private static Object option(String name, JsonNode value, Path corpusFile) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asText()));
            return List.copyOf(items);
        }
        if (value.isNull()) {
            return null;
        }
        if (name.equals("translations")) {
            return corpusFile.toAbsolutePath().getParent().resolve(value.asText()).toString();
        }
        return value.asText();
    }

    /** JSON to the Java values a user would pass: ints as Long (BigInteger when larger), floats as Double. */
    static Object toJava(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                node.properties().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                node.forEach(n -> list.add(toJava(n)));
                yield list;
            }
            case STRING -> node.asText();
            case BOOLEAN -> node.asBoolean();
            case NULL, MISSING -> null;
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    BigInteger big = node.bigIntegerValue();
                    yield big.bitLength() < 64 ? (Object) big.longValue() : big;
                }
                yield node.doubleValue();
            }
            default -> throw new IllegalArgumentException("unexpected JSON node " + node);
        };
    }

    /** An environment configured as the case says, over the case's files. */
    public static Environment environment(ConformanceCase c, String escaper) {
        return environment(c, escaper, null);
    }

    /** An environment configured as the case says, in the given execution mode (null: the default). */
    public static Environment environment(ConformanceCase c, String escaper, ExecutionMode mode) {
        return builder(c, escaper, mode).build();
    }

    /** A builder configured as the case says (for tests that add settings of their own). */
    public static Environment.Builder builder(ConformanceCase c, String escaper, ExecutionMode mode) {
        Environment.Builder b = Environment.builder()
                .loader(Loaders.map(c.files()))
                .autoescape(c.option("autoescape"))
                .trimBlocks(c.option("trim_blocks"))
                .lstripBlocks(c.option("lstrip_blocks"))
                .keepTrailingNewline(c.option("keep_trailing_newline"));
        String undefined = c.stringOption("undefined");
        if (undefined != null) {
            b.undefined(undefined);
        }
        b.blockDelimiters(c.stringOption("block_start_string", "{%"), c.stringOption("block_end_string", "%}"));
        b.variableDelimiters(c.stringOption("variable_start_string", "{{"), c.stringOption("variable_end_string", "}}"));
        b.commentDelimiters(c.stringOption("comment_start_string", "{#"), c.stringOption("comment_end_string", "#}"));
        b.lineStatementPrefix(c.stringOption("line_statement_prefix"));
        b.lineCommentPrefix(c.stringOption("line_comment_prefix"));
        b.newlineSequence(c.stringOption("newline_sequence", "\n"));
        if (c.options().get("extensions") instanceof List<?> extensions) {
            extensions.forEach(x -> b.extension((String) x));
        }
        b.newstyleGettext(c.option("newstyle_gettext"));
        String translations = c.stringOption("translations");
        if (translations != null) {
            b.translations(dev.kida.engine.Catalogs.mo(Path.of(translations)));
        }
        if (escaper != null) {
            b.escaper(escaper);
        }
        if (mode != null) {
            b.mode(mode);
        }
        return b;
    }

    /** The error kind name the corpus uses for an exception. */
    public static String kindOf(KidaException e) {
        return switch (e) {
            case TemplateSyntaxException x -> "syntax";
            case UndefinedException x -> "undefined";
            case TemplateTypeException x -> "type";
            case TemplateNotFoundException x -> "notfound";
            case TemplateRuntimeException x -> "runtime";
            default -> "other:" + e.getClass().getSimpleName();
        };
    }

    /** Renders a case: its output, or "error:KIND" when it raised. */
    public static String outcome(ConformanceCase c, String escaper) {
        try {
            return environment(c, escaper).getTemplate(c.entry()).render(c.context());
        } catch (KidaException e) {
            return "error:" + kindOf(e);
        }
    }

    /**
     * Runs what the case asks of a loaded template: a full render, one block, a render with block
     * overrides, or the list of block names (sorted, joined by newlines).
     */
    public static String run(ConformanceCase c, Template t) {
        if (c.listBlocks()) {
            return String.join("\n", new TreeSet<>(t.blockNames()));
        }
        if (c.block() != null) {
            return t.renderBlock(c.block(), c.context());
        }
        if (c.blockOverrides() != null) {
            return t.renderWithBlocks(c.blockOverrides(), c.context());
        }
        return t.render(c.context());
    }

    /** What the case expects, in the form {@link #outcome} returns. */
    public static String expected(ConformanceCase c) {
        return c.expectError() != null ? "error:" + c.expectError() : c.expect();
    }
}
