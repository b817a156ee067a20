package dev.kida.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A broken template as the {@code kida} command reports it on standard error, with the template's
 * name turned back into its file, so the build log reads {@code src/main/.../page.html:3:7: message}
 * (a form IDEs and CI consoles link to).
 *
 * @param file    the template file (or the template name when it is not a file under the folder)
 * @param line    1-based line; 0 when the error has no location (an unreadable file)
 * @param column  1-based column; 0 without a location
 * @param kind    what the CLI called it: the exception's simple name, {@code error} or {@code strict}
 * @param message what is wrong
 * @param detail  the lines the CLI printed under it (the source line and a caret), without indentation
 */
record Problem(String file, int line, int column, String kind, String message, List<String> detail) {
    /** {@code [Kind: ]name:line:col: message}, the first line of each report (compile omits the kind). */
    private static final Pattern LOCATED = Pattern.compile("^(?:(\\w+): )?(\\S.*?):(\\d+):(\\d+): (.*)$");
    /** {@code Kind: message} for an error without a location ({@code KidaException: cannot read ...}). */
    private static final Pattern UNLOCATED = Pattern.compile("^(\\w*Exception): (.*)$");

    /** {@code file:line:column: message}, then the detail lines indented. */
    String describe() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        sb.append(": ").append(message);
        for (String d : detail) {
            sb.append("\n    ").append(d);
        }
        return sb.toString();
    }

    /**
     * The problems among the CLI's error lines. Each starts at an unindented line naming a
     * template; the indented lines after it are its detail. Summary lines ({@code checked ...}) and
     * anything else unindented that names no template are returned as problems without a location,
     * so that nothing the CLI said is lost.
     *
     * @param templates the folder the names are relative to
     * @param base      file names are shown relative to this folder (the project's) when under it
     */
    static List<Problem> parse(List<String> errLines, Path templates, Path base) {
        List<Problem> problems = new ArrayList<>();
        Problem current = null;
        for (String raw : errLines) {
            if (raw.isBlank()) {
                continue;
            }
            if (Character.isWhitespace(raw.charAt(0))) {
                if (current != null) {
                    current.detail().add(raw.strip());
                }
                continue;
            }
            if (raw.startsWith("checked ")) {
                current = null;
                continue;
            }
            Matcher located = LOCATED.matcher(raw);
            Matcher unlocated = UNLOCATED.matcher(raw);
            if (located.matches()) {
                current = new Problem(file(located.group(2), templates, base), Integer.parseInt(located.group(3)),
                        Integer.parseInt(located.group(4)), located.group(1) == null ? "error" : located.group(1), located.group(5), new ArrayList<>());
            } else if (unlocated.matches()) {
                current = new Problem(templates.toString(), 0, 0, unlocated.group(1), unlocated.group(2), new ArrayList<>());
            } else {
                current = new Problem(base.relativize(templates.toAbsolutePath()).toString(), 0, 0, "error", raw,
                        new ArrayList<>());
            }
            problems.add(current);
        }
        return problems;
    }

    /** The template's file, relative to {@code base} when it is under it. */
    static String file(String templateName, Path templates, Path base) {
        if (templateName.startsWith("<") || templateName.contains("..")) {
            return templateName;
        }
        Path file = templates.toAbsolutePath().normalize().resolve(templateName).normalize();
        Path project = base.toAbsolutePath().normalize();
        return file.startsWith(project) ? project.relativize(file).toString() : file.toString();
    }
}
