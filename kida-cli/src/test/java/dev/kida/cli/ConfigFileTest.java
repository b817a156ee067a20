package dev.kida.cli;

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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kida render --config FILE.json}: Jinja2's Environment parameter names in a file. The
 * syntax corpus (delimiters, line statements, newline_sequence) and an eighth of the undefined
 * corpus run through the CLI with each case's options written as the config file, and must give
 * Jinja2's recorded results; flags win over the file; unknown keys are errors naming the key.
 */
class ConfigFileTest {
    private static final Map<String, String> ERROR_KINDS = Map.of(
            "syntax", "TemplateSyntaxException",
            "undefined", "UndefinedException",
            "type", "TemplateTypeException",
            "runtime", "TemplateRuntimeException",
            "notfound", "TemplateNotFoundException");

    @TempDir
    static Path work;

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> recordedCasesThroughTheConfigFile() throws Exception {
        List<CliConformanceTest.Case> cases = new ArrayList<>(
                CliConformanceTest.cases(CliConformanceTest.CORPUS.resolve("jinja2-extra-syntax.json")));
        List<CliConformanceTest.Case> undefined =
                CliConformanceTest.cases(CliConformanceTest.CORPUS.resolve("jinja2-extra-undefined.json"));
        for (int i = 0; i < undefined.size(); i += 8) {
            cases.add(undefined.get(i));
        }
        List<CliConformanceTest.Case> i18n =
                CliConformanceTest.cases(CliConformanceTest.CORPUS.resolve("jinja2-extra-i18n.json"));
        for (int i = 0; i < i18n.size(); i += 4) {
            CliConformanceTest.Case c = i18n.get(i);
            Map<String, Object> options = new java.util.LinkedHashMap<>(c.options());
            if (options.get("translations") instanceof String catalog) {
                // the corpus names the catalogue relative to itself
                options.put("translations", CliConformanceTest.CORPUS.resolve(catalog).toAbsolutePath().toString());
            }
            cases.add(new CliConformanceTest.Case(c.id(), c.files(), c.entry(), c.context(), options, c.expect(),
                    c.expectError(), c.block(), c.blockOverrides(), c.listBlocks()));
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
    }

    private static void check(CliConformanceTest.Case c) throws IOException {
        Path caseDir = work.resolve(c.id().replace('/', '_'));
        Path templates = caseDir.resolve("templates");
        Files.createDirectories(templates);
        for (Map.Entry<String, String> file : c.files().entrySet()) {
            Path path = templates.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
        Path data = caseDir.resolve("context.json");
        Files.writeString(data, JsonWriter.write(c.context()), StandardCharsets.UTF_8);
        Path config = caseDir.resolve("config.json");
        Files.writeString(config, JsonWriter.write(c.options()), StandardCharsets.UTF_8);
        Cli result = Cli.run("render", c.entry(), "--templates", templates.toString(), "--data", data.toString(),
                "--config", config.toString());
        if (c.expectError() != null) {
            assertEquals(Main.TEMPLATE_ERROR, result.status(), c.id() + ": " + result.stderr());
            String first = result.firstErrorLine();
            assertEquals(ERROR_KINDS.get(c.expectError()), first.substring(0, first.indexOf(": ")), c.id());
        } else {
            assertEquals(Main.OK, result.status(), c.id() + ": " + result.stderr());
            assertEquals(c.expect(), result.stdout(), c.id());
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void flagsWinOverTheFile() throws IOException {
        Files.createDirectories(dir.resolve("t"));
        write("t/main.html", "{% if true %}\n<{{ x }}>\n{% endif %}");
        Path config = write("c.json", "{\"autoescape\": true, \"trim_blocks\": true, \"undefined\": \"Undefined\"}");
        Cli fromFile = Cli.run("render", "main.html", "--templates", dir.resolve("t").toString(),
                "--config", config.toString());
        assertEquals(Main.OK, fromFile.status(), fromFile.stderr());
        assertEquals("<>\n", fromFile.stdout());
        Cli flags = Cli.run("render", "main.html", "--templates", dir.resolve("t").toString(),
                "--config", config.toString(), "--undefined", "DebugUndefined", "--no-autoescape");
        assertEquals(Main.OK, flags.status(), flags.stderr());
        assertEquals("<{{ x }}>\n", flags.stdout());
    }

    @Test
    void translationsFromAResourceBundleNamedInTheFile() throws IOException {
        Files.createDirectories(dir.resolve("t"));
        write("t/main.html", "{% trans %}Hello World!{% endtrans %}|{{ ngettext('%(num)s apple', '%(num)s apples', 3) }}");
        write("messages.properties", "Hello\\ World!=Hallo Welt!\n%(num)s\\ apples=%(num)s \\u00c4pfel\n");
        Path config = write("c.json", "{\"extensions\": [\"jinja2.ext.i18n\"], \"translations\": \"messages\","
                + " \"newstyle_gettext\": true, \"autoescape\": false}");
        Cli result = Cli.run("render", "main.html", "--templates", dir.resolve("t").toString(),
                "--config", config.toString());
        assertEquals(Main.OK, result.status(), result.stderr());
        assertEquals("Hallo Welt!|3 \u00c4pfel", result.stdout());
    }

    @Test
    void anUnknownKeyIsAnErrorNamingIt() throws IOException {
        Files.createDirectories(dir.resolve("t"));
        write("t/main.html", "x");
        Path config = write("c.json", "{\"trim_blocks\": true, \"optimized\": false}");
        Cli result = Cli.run("render", "main.html", "--templates", dir.resolve("t").toString(),
                "--config", config.toString());
        assertEquals(Main.USAGE_ERROR, result.status());
        assertTrue(result.stderr().contains("unknown key 'optimized'"), result.stderr());
    }

    @Test
    void aValueOfTheWrongKindNamesItsKey() throws IOException {
        Files.createDirectories(dir.resolve("t"));
        write("t/main.html", "x");
        for (String bad : List.of("{\"trim_blocks\": \"yes\"}", "{\"undefined\": \"Lenient\"}",
                "{\"newline_sequence\": \"\\t\"}", "{\"extensions\": \"do\"}")) {
            Path config = write("c.json", bad);
            Cli result = Cli.run("render", "main.html", "--templates", dir.resolve("t").toString(),
                    "--config", config.toString());
            assertEquals(Main.USAGE_ERROR, result.status(), bad);
            String key = bad.substring(2, bad.indexOf('"', 2));
            assertTrue(result.stderr().contains("'" + key + "'"), bad + " -> " + result.stderr());
        }
    }

    @Test
    void aMissingConfigFileIsAnInputError() {
        Cli result = Cli.run("render", "main.html", "--templates", dir.toString(),
                "--config", dir.resolve("nope.json").toString());
        assertEquals(Main.USAGE_ERROR, result.status());
        assertTrue(result.stderr().contains("config file not found"), result.stderr());
    }
}
