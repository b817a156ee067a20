package dev.kida.cli;

import dev.kida.api.KidaException;
import dev.kida.api.Translations;
import dev.kida.engine.Catalogs;
import dev.kida.engine.Environment;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Locale;
import java.util.MissingResourceException;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code kida render --config FILE.json}: Environment settings under Jinja2's parameter names,
 * so a Flask or Jinja2 project's configuration carries over. Command-line flags win over the file.
 *
 * @param values the JSON object, checked: only known keys, each with a value of its type
 * @param label  the file name, for messages
 */
record ConfigFile(Map<String, Object> values, String label) {
    private static final Set<String> STRINGS = Set.of("undefined", "block_start_string", "block_end_string",
            "variable_start_string", "variable_end_string", "comment_start_string", "comment_end_string",
            "newline_sequence", "translations");
    private static final Set<String> NULLABLE_STRINGS = Set.of("line_statement_prefix", "line_comment_prefix");
    private static final Set<String> BOOLEANS = Set.of("trim_blocks", "lstrip_blocks", "keep_trailing_newline",
            "autoescape", "newstyle_gettext");
    private static final String EXTENSIONS = "extensions";

    /**
     * Reads and checks a config file.
     *
     * @throws CliException when it cannot be read, is not a JSON object, has an unknown key or a
     *                      value of the wrong type
     */
    static ConfigFile read(Path file, InputStream stdin) throws CliException {
        String label = file.toString();
        Map<String, Object> values = DataFile.read(label, stdin, "the config");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (STRINGS.contains(key)) {
                if (!(v instanceof String)) {
                    throw CliException.input(label + ": '" + key + "' must be a string");
                }
            } else if (NULLABLE_STRINGS.contains(key)) {
                if (v != null && !(v instanceof String)) {
                    throw CliException.input(label + ": '" + key + "' must be a string or null");
                }
            } else if (BOOLEANS.contains(key)) {
                if (!(v instanceof Boolean)) {
                    throw CliException.input(label + ": '" + key + "' must be true or false");
                }
            } else if (key.equals(EXTENSIONS)) {
                if (!(v instanceof List<?> list) || !list.stream().allMatch(x -> x instanceof String)) {
                    throw CliException.input(label + ": '" + key + "' must be a list of extension names"
                            + " (\"i18n\", \"do\", \"loopcontrols\")");
                }
            } else {
                Set<String> known = new TreeSet<>();
                known.addAll(STRINGS);
                known.addAll(NULLABLE_STRINGS);
                known.addAll(BOOLEANS);
                known.add(EXTENSIONS);
                throw CliException.input(label + ": unknown key '" + key + "'; the known keys are "
                        + String.join(", ", known));
            }
        }
        return new ConfigFile(values, label);
    }

    /** The boolean setting, or {@code fallback} when the file does not set it. */
    boolean bool(String key, boolean fallback) {
        return values.get(key) instanceof Boolean b ? b : fallback;
    }

    /** Whether the file sets the key. */
    boolean has(String key) {
        return values.containsKey(key);
    }

    /** A string setting, or null. */
    String string(String key) {
        return values.get(key) instanceof String s ? s : null;
    }

    /**
     * Applies the settings other than the four booleans (which the caller merges with the flags)
     * and {@code translations} (see {@link #string}).
     *
     * @throws CliException for a value the engine refuses, naming the key
     */
    void applyTo(Environment.Builder b) throws CliException {
        String key = null;
        try {
            key = "undefined";
            if (has(key)) {
                b.undefined(string(key));
            }
            key = "block_start_string";
            b.blockDelimiters(or("block_start_string", "{%"), or("block_end_string", "%}"));
            key = "variable_start_string";
            b.variableDelimiters(or("variable_start_string", "{{"), or("variable_end_string", "}}"));
            key = "comment_start_string";
            b.commentDelimiters(or("comment_start_string", "{#"), or("comment_end_string", "#}"));
            key = "line_statement_prefix";
            b.lineStatementPrefix(string(key));
            key = "line_comment_prefix";
            b.lineCommentPrefix(string(key));
            key = "newline_sequence";
            if (has(key)) {
                b.newlineSequence(string(key));
            }
            key = EXTENSIONS;
            if (values.get(key) instanceof List<?> list) {
                for (Object name : list) {
                    b.extension((String) name);
                }
            }
            key = "newstyle_gettext";
            b.newstyleGettext(bool(key, false));
            key = "translations";
            String translations = string(key);
            if (translations != null) {
                b.translations(translations(translations));
            }
        } catch (IllegalArgumentException | KidaException | MissingResourceException e) {
            throw CliException.input(label + ": '" + key + "': " + e.getMessage());
        }
    }

    /**
     * {@code translations}: a folder of .mo files, one .mo file, or else a ResourceBundle base
     * name, looked up as properties files in the working directory and next to the config file.
     */
    private Translations translations(String value) {
        Path path = Path.of(value);
        if (Files.isDirectory(path)) {
            return Catalogs.moFolder(path);
        }
        if (value.endsWith(".mo")) {
            return Catalogs.mo(path);
        }
        List<URL> roots = new ArrayList<>();
        try {
            roots.add(Path.of("").toAbsolutePath().toUri().toURL());
            Path dir = Path.of(label).toAbsolutePath().getParent();
            if (dir != null) {
                roots.add(dir.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        ClassLoader loader = new URLClassLoader(roots.toArray(URL[]::new), null);
        return Catalogs.bundle(value, Locale.getDefault(), loader);
    }

    private String or(String key, String fallback) {
        String s = string(key);
        return s != null ? s : fallback;
    }
}
