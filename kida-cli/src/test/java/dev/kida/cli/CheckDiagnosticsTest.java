package dev.kida.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kida check} on Kida templates: def calls that cannot succeed, and {@code --strict}'s bare ends. */
class CheckDiagnosticsTest {
    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static List<String> reports(Cli result) {
        return result.stderrLines().stream().filter(l -> l.startsWith("error: ") || l.startsWith("strict: ")).toList();
    }

    @Test
    void kidaSyntaxChecksCleanWithoutStrict() throws IOException {
        write("page.html", "{% def f(a, b=1) %}{{ a }}{% end %}{{ f(1) }}{{ f(1, b=2) }}\n"
                + "{% if x %}{% call f(2) %}{% slot s %}x{% end %}{% end %}{% end %}");
        Cli result = Cli.run("check", dir.toString());
        assertEquals(Main.OK, result.status(), result.stderr());
    }

    @Test
    void wrongDefCallsAreReportedWithFileLineAndColumn() throws IOException {
        write("lib.html", "{% def g(x) %}{{ x }}{% end %}");
        write("page.html", "{% from 'lib.html' import g %}{% def f(a, b=1) %}{{ a }}{% end %}\n"
                + "{{ f(1, 2, 3) }}\n"
                + "  {{ f(1, c=2) }}{{ f() }}\n"
                + "{{ g(1, 2) }}{{ f(*xs) }}");
        Cli result = Cli.run("check", dir.toString());
        assertEquals(Main.TEMPLATE_ERROR, result.status(), result.stderr());
        assertEquals(List.of(
                "error: page.html:2:4: def 'f' takes 2 positional arguments but 3 are given",
                "error: page.html:3:6: def 'f' has no parameter named 'c'",
                "error: page.html:3:21: def 'f' needs the argument 'a'",
                "error: page.html:4:4: def 'g' takes 1 positional argument but 2 are given"), reports(result));
        assertTrue(result.stderr().contains("    {{ f(1, 2, 3) }}"), result.stderr());
    }

    @Test
    void typedParametersAreCheckedAgainstTheTemplateDeclaration() throws IOException {
        write("page.html", "{% template users: list, title: str %}"
                + "{% def table(rows: list[dict], caption: str | None = none) %}{% end %}"
                + "{{ table(users, title) }}{{ table(title) }}{{ table(users, caption=3) }}");
        Cli result = Cli.run("check", dir.toString());
        assertEquals(List.of(
                "error: page.html:1:143: argument 'rows' of def 'table' is declared 'list[dict]' but gets a value"
                        + " of type 'str'",
                "error: page.html:1:176: argument 'caption' of def 'table' is declared 'str | None' but gets a"
                        + " value of type 'int'"), reports(result));
    }

    @Test
    void strictReportsEachBareEndWithItsExplicitCloser() throws IOException {
        write("page.html", "{% if a %}\n  {% for x in xs %}{{ x }}{% end %}\n{% endif %}{% def f() %}{% end %}"
                + "{% push 's' %}{% end %}");
        Cli plain = Cli.run("check", dir.toString());
        assertEquals(Main.OK, plain.status(), plain.stderr());
        Cli strict = Cli.run("check", "--strict", dir.toString());
        assertEquals(Main.TEMPLATE_ERROR, strict.status(), strict.stderr());
        assertEquals(List.of(
                "strict: page.html:2:30: '{% end %}' closes 'for': write '{% endfor %}' instead",
                "strict: page.html:3:28: '{% end %}' closes 'def': write '{% enddef %}' instead"), reports(strict));
    }
}
