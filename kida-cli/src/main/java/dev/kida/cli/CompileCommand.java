package dev.kida.cli;

import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Precompiler;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code kida compile --templates DIR --output DIR [--extensions LIST]}: compiles every template
 * ahead of time (the files {@code check} looks at: by extension, hidden ones skipped), for
 * {@code render --compiled DIR} and {@code Environment.Builder.precompiled}.
 */
final class CompileCommand {
    private CompileCommand() {
    }

    /** What to compile, and with which options (those of render that shape the code). */
    record CompileOptions(Options environment, Path output, CheckOptions files) {
    }

    static CompileOptions parse(List<String> args) throws CliException {
        String templates = null;
        String output = null;
        boolean autoescape = true;
        boolean trimBlocks = false;
        boolean lstripBlocks = false;
        boolean keepTrailingNewline = false;
        java.util.Set<String> extensions = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                inlineValue = arg.substring(eq + 1);
            }
            switch (name) {
                case "--templates" -> {
                    templates = Main.once(name, templates, Main.value(name, inlineValue, args, i));
                    i += inlineValue == null ? 1 : 0;
                }
                case "--output" -> {
                    output = Main.once(name, output, Main.value(name, inlineValue, args, i));
                    i += inlineValue == null ? 1 : 0;
                }
                case "--extensions" -> {
                    if (extensions != null) {
                        throw CliException.usage("--extensions given twice");
                    }
                    extensions = CheckOptions.parseExtensions(Main.value(name, inlineValue, args, i));
                    i += inlineValue == null ? 1 : 0;
                }
                case "--autoescape" -> autoescape = Main.flag(name, inlineValue);
                case "--no-autoescape" -> autoescape = !Main.flag(name, inlineValue);
                case "--trim-blocks" -> trimBlocks = Main.flag(name, inlineValue);
                case "--lstrip-blocks" -> lstripBlocks = Main.flag(name, inlineValue);
                case "--keep-trailing-newline" -> keepTrailingNewline = Main.flag(name, inlineValue);
                default -> throw CliException.usage("unknown argument '" + arg + "' for compile");
            }
        }
        if (templates == null || output == null) {
            throw CliException.usage("compile needs --templates DIR and --output DIR");
        }
        Options options = new Options("-", Path.of(templates), null, autoescape, trimBlocks, lstripBlocks,
                keepTrailingNewline, null, ExecutionMode.COMPILED, null, null, false, null, null, null, null, false, false);
        CheckOptions files = new CheckOptions(Path.of(templates),
                extensions == null ? java.util.Set.copyOf(CheckOptions.DEFAULT_EXTENSIONS) : extensions);
        return new CompileOptions(options, Path.of(output), files);
    }

    static int run(CompileOptions options, PrintStream out, PrintStream err) throws CliException {
        Path templates = options.environment().templates();
        if (!Files.isDirectory(templates)) {
            throw CliException.input("not a directory: " + templates);
        }
        Precompiler.Result result;
        try {
            // the same files check looks at: templates by extension, hidden files and folders skipped
            java.util.Set<String> names = java.util.Set.copyOf(CheckCommand.templateNames(options.files()));
            result = Precompiler.compile(RenderCommand.environment(options.environment()), templates, options.output(),
                    names::contains);
        } catch (IOException e) {
            throw CliException.input("cannot compile into " + options.output() + ": " + e.getMessage());
        }
        result.written().forEach(out::println);
        result.errors().forEach(err::println);
        return result.errors().isEmpty() ? Main.OK : Main.TEMPLATE_ERROR;
    }
}
