package dev.kida.cli;

import dev.kida.engine.ExecutionMode;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The command-line spelling of the engine's {@link ExecutionMode}s: lower case. */
final class Mode {
    private Mode() {
    }

    /**
     * The mode spelled {@code name} ({@code interpreted}, {@code compiled}, {@code tiered}).
     *
     * @throws CliException when there is none
     */
    static ExecutionMode parse(String name) throws CliException {
        for (ExecutionMode mode : ExecutionMode.values()) {
            if (spelling(mode).equals(name)) {
                return mode;
            }
        }
        throw CliException.usage("unknown mode '" + name + "'; expected one of " + names());
    }

    static String names() {
        return Arrays.stream(ExecutionMode.values()).map(Mode::spelling).collect(Collectors.joining("|"));
    }

    private static String spelling(ExecutionMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
