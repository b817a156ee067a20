package dev.kida.maven;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemTest {
    private static final Path BASE = Path.of("/work/app").toAbsolutePath();
    private static final Path TEMPLATES = BASE.resolve("src/main/resources/templates");

    @Test
    void turnsTheCheckReportIntoFileLineColumn() {
        List<Problem> problems = Problem.parse(List.of(
                "TemplateSyntaxException: list.html:3:12: no filter named 'nosuchfilter'",
                "    <li>{{ x | nosuchfilter }}</li>",
                "               ^",
                "error: mail/welcome.txt:2:4: call of def 'card' is missing argument 'title'",
                "    {{ card() }}",
                "checked 3 templates: 2 have errors"), TEMPLATES, BASE);
        assertEquals(2, problems.size());
        Problem first = problems.get(0);
        assertEquals(Path.of("src/main/resources/templates/list.html").toString(), first.file());
        assertEquals(3, first.line());
        assertEquals(12, first.column());
        assertEquals("TemplateSyntaxException", first.kind());
        assertEquals(List.of("<li>{{ x | nosuchfilter }}</li>", "^"), first.detail());
        assertEquals(Path.of("src/main/resources/templates/list.html") + ":3:12: no filter named 'nosuchfilter'\n"
                + "    <li>{{ x | nosuchfilter }}</li>\n    ^", first.describe());
        assertEquals(Path.of("src/main/resources/templates/mail/welcome.txt").toString(), problems.get(1).file());
        assertEquals("error", problems.get(1).kind());
    }

    @Test
    void compileErrorsHaveNoKindAndUnlocatedOnesKeepTheirMessage() {
        List<Problem> problems = Problem.parse(List.of(
                "bad.html:1:4: expected a name",
                "KidaException: cannot read template 'x.html' from /a/x.html: it is not UTF-8 text"), TEMPLATES, BASE);
        assertEquals(2, problems.size());
        assertEquals("error", problems.get(0).kind());
        assertEquals(1, problems.get(0).line());
        assertEquals(0, problems.get(1).line());
        assertEquals("cannot read template 'x.html' from /a/x.html: it is not UTF-8 text", problems.get(1).message());
    }
}
