package dev.kida.cli;

import dev.kida.engine.files.TextFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** Reads the render context given with {@code --data}: a JSON object from a file or stdin. */
final class DataFile {
    private DataFile() {
    }

    /**
     * The context named by {@code data}: empty for null, standard input for {@code "-"}, else the
     * file.
     *
     * @throws CliException when the file cannot be read, is not UTF-8, is not JSON, or is not an
     *                      object
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String data, InputStream stdin) throws CliException {
        return read(data, stdin, "the context");
    }

    /** Like {@link #read(String, InputStream)}; {@code what} names the object in messages. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String data, InputStream stdin, String what) throws CliException {
        if (data == null) {
            return Map.of();
        }
        String label = Options.STDIN.equals(data) ? "<stdin>" : data;
        byte[] bytes;
        try {
            bytes = Options.STDIN.equals(data) ? stdin.readAllBytes() : readFile(Path.of(data));
        } catch (NoSuchFileException e) {
            throw CliException.input(("the context".equals(what) ? "data" : "config") + " file not found: " + data);
        } catch (IOException e) {
            throw CliException.input("cannot read " + label + ": " + e.getMessage());
        }
        String text;
        try {
            text = TextFiles.decodeUtf8(bytes);
        } catch (CharacterCodingException e) {
            throw CliException.input(label + ": not valid UTF-8");
        }
        Object value;
        try {
            value = Json.parse(text);
        } catch (JsonException e) {
            throw CliException.input(label + ":" + e.getMessage());
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw CliException.input(label + ": " + what + " must be a JSON object, not "
                    + describe(value));
        }
        return (Map<String, Object>) map;
    }

    /** The file's bytes, read as the engine's file loader reads templates ({@link TextFiles}). */
    private static byte[] readFile(Path file) throws IOException {
        try (InputStream in = TextFiles.openIfPresent(file)) {
            if (in == null) {
                throw new NoSuchFileException(file.toString());
            }
            return in.readAllBytes();
        }
    }

    private static String describe(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> "a string";
            case Boolean b -> "a boolean";
            case Number n -> "a number";
            default -> "an array";
        };
    }
}
