package dev.kida.cli;

import dev.kida.engine.ExecutionMode;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code kida render} was asked to do.
 *
 * @param entry               the template to render, by its name under {@code templates}
 * @param templates           the directory templates are loaded from
 * @param data                the JSON context file, {@code "-"} for standard input, or null for an
 *                            empty context
 * @param autoescape          whether output is HTML-escaped (default true)
 * @param trimBlocks          drop the first newline after a block tag
 * @param lstripBlocks        strip whitespace before a block tag at the start of a line
 * @param keepTrailingNewline keep the template's final newline
 * @param escaper             the escaper backend to force, or null for the engine's choice
 * @param mode                the execution mode to force, or null for the engine's default
 * @param block               render only this block ({@code --block}), or null
 * @param blockOverrides      the JSON file of block replacements ({@code --block-overrides}), or null
 * @param listBlocks          list the block names instead of rendering ({@code --list-blocks})
 * @param config              the JSON file of Jinja2 Environment settings ({@code --config}), or null
 * @param undefined           the undefined kind named on the command line ({@code --undefined}), or null
 * @param given               the boolean settings given on the command line, by Jinja2 name
 *                            ({@code autoescape}, {@code trim_blocks}...): these win over the config file
 * @param sandbox             render in the sandbox for untrusted templates ({@code --sandbox})
 * @param followLinks         follow symbolic links that lead out of the template folder ({@code --follow-links})
 */
public record Options(String entry, Path templates, String data, boolean autoescape, boolean trimBlocks,
                      boolean lstripBlocks, boolean keepTrailingNewline, String escaper, ExecutionMode mode,
                      String block, Path blockOverrides, boolean listBlocks, Path compiled, Path config,
                      String undefined, java.util.Set<String> given, boolean sandbox, boolean followLinks) {
    /** The value of {@code --data} that reads the context from standard input. */
    public static final String STDIN = "-";

    public Options {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(templates, "templates");
        given = given == null ? java.util.Set.of() : java.util.Set.copyOf(given);
    }

    /** Whether the context comes from standard input. */
    public boolean dataFromStdin() {
        return STDIN.equals(data);
    }
}
