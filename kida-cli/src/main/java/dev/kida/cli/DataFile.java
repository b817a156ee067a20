package dev.kida.cli;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        // The String constructor's fast path; only a text that then holds U+FFFD (a replaced
        // malformed sequence, or a real one) is decoded again strictly, to tell which.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw CliException.input(label + ": not valid UTF-8");
            }
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

    /**
     * The file's bytes through java.io: the first NIO file channel of a JVM (Files.readAllBytes)
     * loads two native libraries and sets up its channel machinery, ~0.6 ms of every `kida
     * render` (docs/performance.md, "Cold start", session 20).
     */
    private static byte[] readFile(Path file) throws IOException {
        try (InputStream in = new FileInputStream(file.toFile())) {
            return in.readAllBytes();
        } catch (FileNotFoundException e) {
            if (Files.notExists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            throw e;
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
