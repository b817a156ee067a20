package dev.kida.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The execution mode asked for with {@code --mode}: the evaluator alone, the bytecode compiler
 * alone, or tiered (start in the evaluator, compile hot templates in the background).
 */
public enum Mode {
    /** Walk the AST on every render. */
    INTERPRETED,
    /** Compile every template to bytecode before its first render. */
    COMPILED,
    /** Evaluate first, compile once a template has rendered often enough. */
    TIERED;

    /** The spelling used on the command line and by {@code Environment.Builder.mode(String)}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode spelled {@code name}.
     *
     * @throws CliException when there is none
     */
    static Mode parse(String name) throws CliException {
        for (Mode mode : values()) {
            if (mode.cliName().equals(name)) {
                return mode;
            }
        }
        throw CliException.usage("unknown mode '" + name + "'; expected one of " + names());
    }

    static String names() {
        return Arrays.stream(values()).map(Mode::cliName).collect(Collectors.joining("|"));
    }
}
