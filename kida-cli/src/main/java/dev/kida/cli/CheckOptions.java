package dev.kida.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code kida check} was asked to do.
 *
 * @param dir        the template directory, searched recursively
 * @param extensions the file-name endings that mark a template, lower case with their dot
 *                   ({@code ".html"}); a file with any other ending is not a template and is skipped
 */
record CheckOptions(Path dir, Set<String> extensions) {
    /** What a template folder usually holds; images, fonts and scripts beside them are left alone. */
    static final List<String> DEFAULT_EXTENSIONS = List.of(".html", ".htm", ".xml", ".txt", ".j2", ".jinja", ".kida");

    CheckOptions {
        extensions = Set.copyOf(extensions);
    }

    /** True when {@code fileName} ends with one of the extensions (case-insensitively: {@code PAGE.HTML}). */
    boolean isTemplate(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String extension : extensions) {
            if (lower.endsWith(extension) && lower.length() > extension.length()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses the value of {@code --extensions}: a comma-separated list, each with or without its dot
     * ({@code "html,.j2"}).
     */
    static Set<String> parseExtensions(String value) throws CliException {
        java.util.LinkedHashSet<String> result = new java.util.LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            String trimmed = part.strip().toLowerCase(Locale.ROOT);
            if (trimmed.startsWith(".")) {
                trimmed = trimmed.substring(1);
            }
            if (trimmed.isEmpty() || trimmed.contains("/") || trimmed.contains(".")) {
                throw CliException.usage("--extensions takes a comma-separated list like 'html,j2,txt', got '"
                        + value + "'");
            }
            result.add("." + trimmed);
        }
        return result;
    }
}
