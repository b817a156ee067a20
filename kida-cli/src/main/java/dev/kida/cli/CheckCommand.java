package dev.kida.cli;

import dev.kida.api.KidaException;
import dev.kida.engine.Diagnostic;
import dev.kida.engine.Environment;
import dev.kida.engine.Loaders;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code kida check [--strict] DIR}: parses every template file under DIR (by extension, see {@link CheckOptions};
 * hidden files and folders skipped) and reports each one that fails, in the same format as a render error, then the
 * problems the engine finds without rendering ({@code Template.diagnostics}: def calls that cannot succeed; with
 * {@code --strict}, bare {@code {% end %}}s), one per line as {@code error: template:line:column: message} (or
 * {@code strict: ...}) followed by the source line. A file that cannot be read or is not UTF-8 text is that file's
 * error, and the others are still checked. Exits 1 if any template has an error or a diagnostic.
 */
final class CheckCommand {
    private CheckCommand() {
    }

    static int run(CheckOptions options, boolean strict, PrintStream out, PrintStream err) throws CliException {
        Path dir = options.dir();
        if (!Files.isDirectory(dir)) {
            throw CliException.input("template directory not found: " + dir);
        }
        List<String> names = templateNames(options);
        // the i18n extension on, so malformed {% trans %} blocks are reported with their reason
        Environment environment = Environment.builder().loader(Loaders.fileSystem(dir)).extension("i18n").build();
        int failed = 0;
        for (String name : names) {
            try {
                List<Diagnostic> found = environment.getTemplate(name).diagnostics(strict);
                for (Diagnostic d : found) {
                    err.println((d.strictOnly() ? "strict: " : "error: ") + d);
                    if (d.sourceLine() != null) {
                        err.println("    " + d.sourceLine());
                    }
                }
                if (!found.isEmpty()) {
                    failed++;
                }
            } catch (KidaException e) {
                ErrorReport.print(e, err);
                failed++;
            }
        }
        String summary = "checked " + names.size() + (names.size() == 1 ? " template" : " templates");
        if (failed > 0) {
            err.println(summary + ": " + failed + (failed == 1 ? " has an error" : " have errors"));
            return Main.TEMPLATE_ERROR;
        }
        out.println(summary + ": no errors");
        return Main.OK;
    }

    /** Every template file under the directory, as a template name ({@code /}-separated), sorted. */
    static List<String> templateNames(CheckOptions options) throws CliException {
        Path dir = options.dir();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> options.isTemplate(file.getFileName().toString()))
                    .map(dir::relativize)
                    .filter(relative -> !isHidden(relative))
                    .map(CheckCommand::templateName)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw CliException.input("cannot list " + dir + ": " + e.getMessage());
        }
    }

    /** Editor and VCS droppings ({@code .DS_Store}, {@code .git/...}) are not templates. */
    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String templateName(Path relative) {
        StringBuilder name = new StringBuilder();
        for (Path part : relative) {
            if (!name.isEmpty()) {
                name.append('/');
            }
            name.append(part);
        }
        return name.toString();
    }
}
