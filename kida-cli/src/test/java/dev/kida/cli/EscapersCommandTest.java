package dev.kida.cli;

import dev.kida.api.escape.EscaperProvider;
import dev.kida.engine.Escapers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EscapersCommandTest {
    @Test
    void listsEveryProviderAndTheSelectedOne() {
        Cli result = Cli.run("escapers");
        assertEquals(Main.OK, result.status(), result.stderr());
        List<String> lines = result.stdout().lines().toList();
        assertTrue(lines.getFirst().matches("NAME\\s+PRIORITY\\s+STATUS"), lines.getFirst());
        List<EscaperProvider> providers = Escapers.providers();
        assertEquals(providers.size() + 2, lines.size(), result.stdout());
        String selected = Escapers.select(null).name();
        for (int i = 0; i < providers.size(); i++) {
            EscaperProvider p = providers.get(i);
            String line = lines.get(i + 1);
            assertTrue(line.matches("\\Q" + p.name() + "\\E\\s+" + p.priority() + "\\s+.*"), line);
            var availability = p.availability();
            assertTrue(line.contains(availability.available() ? "available" : "unavailable: " + availability.reason()), line);
            assertEquals(p.name().equals(selected), line.endsWith("(selected)"), line);
        }
        assertTrue(lines.getLast().startsWith("selected: " + selected + " "), lines.getLast());
    }

    @Test
    void theJavaProviderIsAlwaysListedAndAvailable() {
        String out = Cli.run("escapers").stdout();
        assertTrue(out.lines().anyMatch(l -> l.matches("java\\s+0\\s+available.*")), out);
    }
}
