package dev.kida.cli;

import dev.kida.engine.ExecutionMode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainArgumentsTest {
    @Test
    void renderDefaults() throws CliException {
        Options o = Main.parseRender(List.of("page.html", "--templates", "tpl"));
        assertEquals("page.html", o.entry());
        assertEquals(Path.of("tpl"), o.templates());
        assertNull(o.data());
        assertTrue(o.autoescape());
        assertFalse(o.trimBlocks());
        assertFalse(o.lstripBlocks());
        assertFalse(o.keepTrailingNewline());
        assertNull(o.escaper());
        assertNull(o.mode());
    }

    @Test
    void renderWithEveryOption() throws CliException {
        Options o = Main.parseRender(List.of("--templates=tpl", "--data", "-", "--no-autoescape", "--trim-blocks",
                "--lstrip-blocks", "--keep-trailing-newline", "--escaper", "simd", "--mode", "compiled",
                "sub/page.html"));
        assertEquals("sub/page.html", o.entry());
        assertEquals(Path.of("tpl"), o.templates());
        assertTrue(o.dataFromStdin());
        assertFalse(o.autoescape());
        assertTrue(o.trimBlocks());
        assertTrue(o.lstripBlocks());
        assertTrue(o.keepTrailingNewline());
        assertEquals("simd", o.escaper());
        assertEquals(ExecutionMode.COMPILED, o.mode());
    }

    @Test
    void lastAutoescapeFlagWins() throws CliException {
        assertTrue(Main.parseRender(List.of("a", "--templates", "t", "--no-autoescape", "--autoescape")).autoescape());
        assertFalse(Main.parseRender(List.of("a", "--templates", "t", "--autoescape", "--no-autoescape")).autoescape());
    }

    @Test
    void everyModeParses() throws CliException {
        for (ExecutionMode mode : ExecutionMode.values()) {
            String spelling = mode.name().toLowerCase(java.util.Locale.ROOT);
            assertEquals(mode, Main.parseRender(List.of("a", "--templates", "t", "--mode", spelling)).mode());
        }
    }

    @Test
    void doubleDashEndsOptions() throws CliException {
        assertEquals("--odd-name.html", Main.parseRender(List.of("--templates", "t", "--", "--odd-name.html")).entry());
    }

    static Stream<Arguments> usageMistakes() {
        return Stream.of(
                Arguments.of("", "no command given"),
                Arguments.of("frobnicate", "unknown command 'frobnicate'"),
                Arguments.of("render", "needs the name of the template"),
                Arguments.of("render page.html", "needs --templates DIR"),
                Arguments.of("render --templates t", "needs the name of the template"),
                Arguments.of("render a b --templates t", "one template"),
                Arguments.of("render a --templates", "--templates needs a value"),
                Arguments.of("render a --templates --data x", "--templates needs a value"),
                Arguments.of("render a --templates t --templates u", "--templates given twice"),
                Arguments.of("render a --templates t --data", "--data needs a value"),
                Arguments.of("render a --templates t --bogus", "unknown option '--bogus'"),
                Arguments.of("render a --templates t --mode fast", "unknown mode 'fast'; expected one of interpreted|compiled|tiered"),
                Arguments.of("render a --templates t --mode tiered --mode compiled", "--mode given twice"),
                Arguments.of("render a --templates t --trim-blocks=yes", "--trim-blocks takes no value"),
                Arguments.of("render a --templates t --escaper=", "--escaper needs a backend name"),
                Arguments.of("check", "check takes one directory, got 0"),
                Arguments.of("check a b", "check takes one directory, got 2"),
                Arguments.of("check --strict", "check takes one directory, got 0"),
                Arguments.of("check --lenient a", "unknown option '--lenient'"),
                Arguments.of("escapers extra", "escapers takes no arguments"),
                Arguments.of("--version extra", "--version takes no arguments"));
    }

    @ParameterizedTest
    @MethodSource("usageMistakes")
    void usageErrorsExitTwoWithAMessageAndTheSynopsis(String line, String fragment) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        Cli result = Cli.run(args);
        assertEquals(Main.USAGE_ERROR, result.status(), result.stderr());
        assertEquals(0, result.stdoutBytes().length, "nothing on stdout");
        assertTrue(result.firstErrorLine().startsWith("kida: "), result.stderr());
        assertTrue(result.firstErrorLine().contains(fragment), result.stderr());
        assertTrue(result.stderr().contains("usage: kida render ENTRY --templates DIR"), result.stderr());
    }

    @Test
    void missingTemplateDirectoryIsAnInputError(@TempDir Path tmp) {
        Cli result = Cli.run("render", "a.html", "--templates", tmp.resolve("nope").toString());
        assertEquals(Main.USAGE_ERROR, result.status());
        assertEquals("kida: template directory not found: " + tmp.resolve("nope"), result.firstErrorLine());
        assertFalse(result.stderr().contains("usage:"), "an input error is not a usage error");
    }

    @Test
    void missingDataFileIsAnInputError(@TempDir Path tmp) {
        Cli result = Cli.run("render", "a.html", "--templates", tmp.toString(), "--data", tmp.resolve("no.json").toString());
        assertEquals(Main.USAGE_ERROR, result.status());
        assertEquals("kida: data file not found: " + tmp.resolve("no.json"), result.firstErrorLine());
    }

    @Test
    void malformedDataIsAnInputErrorWithLineAndColumn(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data.json");
        Files.writeString(data, "{\n  \"a\": [1, 2,]\n}");
        Cli result = Cli.run("render", "a.html", "--templates", tmp.toString(), "--data", data.toString());
        assertEquals(Main.USAGE_ERROR, result.status());
        assertEquals("kida: " + data + ":2:14: trailing comma before ']'", result.firstErrorLine());
    }

    @Test
    void malformedDataFromStdinIsNamedStdin(@TempDir Path tmp) {
        Cli result = Cli.runWithInput("[1, 2]".getBytes(StandardCharsets.UTF_8),
                "render", "a.html", "--templates", tmp.toString(), "--data", "-");
        assertEquals(Main.USAGE_ERROR, result.status());
        assertEquals("kida: <stdin>: the context must be a JSON object, not an array", result.firstErrorLine());
    }

    @Test
    void dataThatIsNotUtf8IsRejected(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("latin1.json");
        Files.write(data, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}'});
        Cli result = Cli.run("render", "a.html", "--templates", tmp.toString(), "--data", data.toString());
        assertEquals(Main.USAGE_ERROR, result.status());
        assertEquals("kida: " + data + ": not valid UTF-8", result.firstErrorLine());
    }

    @Test
    void unknownEscaperIsAnInputError(@TempDir Path tmp) {
        Cli result = Cli.run("render", "a.html", "--templates", tmp.toString(), "--escaper", "nonesuch");
        assertEquals(Main.USAGE_ERROR, result.status());
        assertTrue(result.firstErrorLine().startsWith("kida: no escaper named 'nonesuch'"), result.stderr());
    }

    @Test
    void versionPrintsTheProjectVersion() {
        Cli result = Cli.run("--version");
        assertEquals(Main.OK, result.status());
        assertTrue(result.stdout().matches("kida \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), result.stdout());
        assertEquals("", result.stderr());
    }

    @Test
    void helpListsEveryCommandAndOption() {
        for (String flag : List.of("--help", "-h")) {
            Cli result = Cli.run(flag);
            assertEquals(Main.OK, result.status());
            for (String word : List.of("render", "check", "escapers", "--templates", "--data", "--autoescape",
                    "--no-autoescape", "--trim-blocks", "--lstrip-blocks", "--keep-trailing-newline", "--escaper",
                    "--mode", "interpreted|compiled|tiered", "--version")) {
                assertTrue(result.stdout().contains(word), word);
            }
        }
        assertEquals(Main.OK, Cli.run("render", "--help").status());
    }
}
