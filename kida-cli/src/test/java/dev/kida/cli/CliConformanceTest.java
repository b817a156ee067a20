package dev.kida.cli;

import dev.kida.api.KidaException;
import dev.kida.engine.Environment;
import dev.kida.engine.Loaders;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Jinja2 conformance cases (kida-tests/src/test/resources/conformance) through {@code kida
 * render}, in-process: each case's files are written to a folder and its context to a JSON file,
 * and the CLI's output (or exit status and error kind) must equal both the Java API's result for
 * the same case and the output Jinja2 produced.
 */
class CliConformanceTest {
    static final Path CORPUS = Path.of("..", "kida-tests", "src", "test", "resources", "conformance");
    static final Path CASES = CORPUS.resolve("jinja2-visible.json");
    static final Path KIDA_CASES = CORPUS.resolve("kida-visible.json");
    /** Kida cases that do not pass yet, one id per line (shared with kida-tests' KidaConformanceTest). */
    static final Path KIDA_GAPS = CORPUS.resolve("kida-known-gaps.txt");

    private static final Map<String, String> ERROR_KINDS = Map.of(
            "syntax", "TemplateSyntaxException",
            "undefined", "UndefinedException",
            "type", "TemplateTypeException",
            "runtime", "TemplateRuntimeException",
            "notfound", "TemplateNotFoundException");

    @TempDir
    static Path work;

    /** One conformance case, as the JSON file describes it. */
    record Case(String id, Map<String, String> files, String entry, Map<String, Object> context,
                Map<String, Object> options, String expect, String expectError, String block,
                Map<String, Object> blockOverrides, boolean listBlocks) {
        boolean option(String name) {
            return Boolean.TRUE.equals(options.get(name));
        }
    }

    /** What a render produced: output, or the simple name of the exception. */
    record Outcome(String output, String errorKind) {
        static Outcome ofOutput(String output) {
            return new Outcome(output, null);
        }

        static Outcome ofError(String kind) {
            return new Outcome(null, kind);
        }
    }

    static List<Case> cases() throws IOException, JsonException {
        return cases(CASES);
    }

    @SuppressWarnings("unchecked")
    static List<Case> cases(Path file) throws IOException, JsonException {
        Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        List<Case> cases = new ArrayList<>();
        for (Object o : (List<Object>) root.get("cases")) {
            Map<String, Object> c = (Map<String, Object>) o;
            cases.add(new Case((String) c.get("id"), (Map<String, String>) (Map<?, ?>) c.get("files"),
                    (String) c.get("entry"), (Map<String, Object>) c.get("context"),
                    (Map<String, Object>) c.get("options"), (String) c.get("expect"), (String) c.get("expect_error"),
                    (String) c.get("block"), (Map<String, Object>) c.get("block_overrides"),
                    Boolean.TRUE.equals(c.get("list_blocks"))));
        }
        return cases;
    }

    static Set<String> kidaGaps() throws IOException {
        Set<String> gaps = new TreeSet<>();
        for (String line : Files.readAllLines(KIDA_GAPS, StandardCharsets.UTF_8)) {
            String id = line.strip();
            if (!id.isEmpty() && !id.startsWith("#")) {
                gaps.add(id);
            }
        }
        return gaps;
    }

    @Test
    void theCasesCoverEveryCategory() throws Exception {
        List<Case> cases = cases();
        Set<String> categories = new TreeSet<>();
        cases.forEach(c -> categories.add(c.id().substring(0, c.id().indexOf('/'))));
        assertEquals(198, cases.size());
        assertTrue(categories.size() >= 20, categories.toString());
    }

    @TestFactory
    Stream<DynamicTest> cliAgreesWithTheApiAndWithJinja2() throws Exception {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
    }

    /**
     * The Kida corpus through the CLI (block, block overrides and block listing included): the CLI
     * must agree with the API on every case, and give Kida's result on every case not listed as a
     * known gap (the gaps are asserted to fail in kida-tests' KidaConformanceTest).
     */
    @TestFactory
    Stream<DynamicTest> cliAgreesWithTheApiAndWithKida() throws Exception {
        Set<String> gaps = kidaGaps();
        return cases(KIDA_CASES).stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            if (gaps.contains(c.id())) {
                assertEquals(renderWithApi(c), renderWithCli(c), "CLI and API disagree on " + c.id());
            } else {
                check(c);
            }
        }));
    }

    private static void check(Case c) throws IOException {
        Outcome viaApi = renderWithApi(c);
        Outcome viaCli = renderWithCli(c);
        assertEquals(viaApi, viaCli, "CLI and API disagree on " + c.id());
        if (c.expectError() != null) {
            assertEquals(ERROR_KINDS.get(c.expectError()), viaCli.errorKind(), c.id() + ": error kind");
        } else {
            assertEquals(Outcome.ofOutput(c.expect()), viaCli, c.id() + ": output");
        }
    }

    static Outcome renderWithApi(Case c) {
        try {
            Environment env = Environment.builder()
                    .loader(Loaders.map(c.files()))
                    .autoescape(c.option("autoescape"))
                    .trimBlocks(c.option("trim_blocks"))
                    .lstripBlocks(c.option("lstrip_blocks"))
                    .keepTrailingNewline(c.option("keep_trailing_newline"))
                    .build();
            var template = env.getTemplate(c.entry());
            if (c.listBlocks()) {
                return Outcome.ofOutput(String.join("\n", new TreeSet<>(template.blockNames())));
            } else if (c.block() != null) {
                return Outcome.ofOutput(template.renderBlock(c.block(), c.context()));
            } else if (c.blockOverrides() != null) {
                return Outcome.ofOutput(template.renderWithBlocks(c.blockOverrides(), c.context()));
            }
            return Outcome.ofOutput(template.render(c.context()));
        } catch (KidaException e) {
            return Outcome.ofError(e.getClass().getSimpleName());
        }
    }

    static Outcome renderWithCli(Case c) throws IOException {
        Path dir = work.resolve(c.id().replace('/', '_'));
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates);
        for (Map.Entry<String, String> file : c.files().entrySet()) {
            Path path = templates.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
        Path data = dir.resolve("context.json");
        Files.writeString(data, JsonWriter.write(c.context()), StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("render", c.entry(), "--templates", templates.toString(),
                "--data", data.toString(), c.option("autoescape") ? "--autoescape" : "--no-autoescape"));
        if (c.option("trim_blocks")) {
            args.add("--trim-blocks");
        }
        if (c.option("lstrip_blocks")) {
            args.add("--lstrip-blocks");
        }
        if (c.option("keep_trailing_newline")) {
            args.add("--keep-trailing-newline");
        }
        if (c.block() != null) {
            args.addAll(List.of("--block", c.block()));
        }
        if (c.blockOverrides() != null) {
            Path overrides = dir.resolve("overrides.json");
            Files.writeString(overrides, JsonWriter.write(c.blockOverrides()), StandardCharsets.UTF_8);
            args.addAll(List.of("--block-overrides", overrides.toString()));
        }
        if (c.listBlocks()) {
            args.add("--list-blocks");
        }
        Cli result = Cli.run(args.toArray(String[]::new));
        return switch (result.status()) {
            case Main.OK -> {
                assertEquals("", result.stderr(), c.id() + ": a successful render writes nothing to stderr");
                yield Outcome.ofOutput(result.stdout());
            }
            case Main.TEMPLATE_ERROR -> {
                String first = result.firstErrorLine();
                int colon = first.indexOf(": ");
                assertTrue(colon > 0, c.id() + ": first stderr line: " + first);
                assertEquals(0, result.stdoutBytes().length, c.id() + ": a failed render writes nothing to stdout");
                yield Outcome.ofError(first.substring(0, colon));
            }
            default -> throw new AssertionError(c.id() + ": exit status " + result.status() + "\n" + result.stderr());
        };
    }
}
