package dev.kida.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's main command renders the example site as Jinja2 does. */
class ExampleSiteTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void rendersLikeJinja2() throws IOException {
        Cli result = Cli.run("render", "page.html", "--templates", EXAMPLES.resolve("templates").toString(),
                "--data", EXAMPLES.resolve("data.json").toString());
        assertEquals(Main.OK, result.status(), result.stderr());
        assertArrayEquals(Files.readAllBytes(EXAMPLES.resolve("expected/page.html")), result.stdoutBytes(),
                () -> "got:\n" + result.stdout());
    }
}
