package dev.kida.engine.files;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading files and UTF-8 text the way a fresh JVM does it cheaply: one definition for the
 * engine's file loader and precompiled folders and the command line's data files.
 */
public final class TextFiles {
    private TextFiles() {
    }

    /**
     * The file opened through java.io, or null when there is no such file. Not
     * Files.newInputStream: the first NIO file channel of a JVM loads two native libraries and
     * sets up its channel machinery, ~0.6 ms of a fresh `kida render` (docs/performance.md, "Cold
     * start", session 20).
     */
    public static InputStream openIfPresent(Path file) throws IOException {
        try {
            return new FileInputStream(file.toFile());
        } catch (FileNotFoundException e) {
            if (Files.notExists(file)) {
                return null;
            }
            throw e;
        }
    }

    /**
     * The bytes as UTF-8 text. Decoded by the String constructor's fast path; only a text that
     * then holds U+FFFD (a replaced malformed sequence, or a real one) is decoded again strictly,
     * to tell which.
     *
     * @throws CharacterCodingException when the bytes are not valid UTF-8
     */
    public static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        }
        return text;
    }
}
