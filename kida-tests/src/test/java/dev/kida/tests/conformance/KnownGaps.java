package dev.kida.tests.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The Kida corpus cases that do not pass yet ({@code conformance/kida-known-gaps.txt}: one case id
 * per line; blank lines and lines starting with {@code #} are ignored). Listed cases must still
 * fail, so that fixing one forces its line out of the file.
 */
public final class KnownGaps {
    /** The file name, in the conformance test-resource folder. */
    public static final String FILE = "kida-known-gaps.txt";

    private KnownGaps() {
    }

    /** The ids listed in the gaps file next to the corpus in {@code directory}. */
    public static Set<String> in(Path directory) {
        Path file = directory.resolve(FILE);
        try {
            Set<String> ids = new LinkedHashSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    ids.add(id);
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The ids listed in the test resources' gaps file. */
    public static Set<String> all() {
        return in(ConformanceCases.directory());
    }
}
