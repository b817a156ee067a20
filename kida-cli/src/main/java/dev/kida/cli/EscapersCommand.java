package dev.kida.cli;

import dev.kida.api.KidaException;
import dev.kida.api.escape.Availability;
import dev.kida.api.escape.EscaperProvider;
import dev.kida.engine.Escapers;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code kida escapers}: every escaper backend on the module path, its priority, whether it can
 * run here (and why not), and the one a render would use.
 */
final class EscapersCommand {
    private EscapersCommand() {
    }

    static int run(PrintStream out) {
        List<EscaperProvider> providers = Escapers.providers();
        String selected;
        String selectionProblem = null;
        try {
            selected = Escapers.select(null).name();
        } catch (KidaException e) {
            // Only possible when -Dkida.escaper forces a backend that cannot run; still list them.
            selected = null;
            selectionProblem = e.getMessage();
        }
        int width = "NAME".length();
        for (EscaperProvider p : providers) {
            width = Math.max(width, p.name().length());
        }
        String row = "%-" + width + "s  %8s  %s%n";
        out.printf(row, "NAME", "PRIORITY", "STATUS");
        for (EscaperProvider p : providers) {
            // A diagnostic: start each backend, so that one which cannot start says why here.
            Availability availability = Escapers.probe(p);
            String status = availability.available() ? "available" : "unavailable: " + availability.reason();
            if (p.name().equals(selected)) {
                status += " (selected)";
            }
            out.printf(row, p.name(), Integer.toString(p.priority()), status);
        }
        if (selected != null) {
            String forced = System.getProperty(Escapers.PROPERTY);
            out.println("selected: " + selected + (forced == null || forced.isBlank()
                    ? " (highest priority available)" : " (forced by -D" + Escapers.PROPERTY + ")"));
            return Main.OK;
        }
        out.println("selected: none (" + selectionProblem + ")");
        return Main.TEMPLATE_ERROR;
    }
}
