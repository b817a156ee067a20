package dev.kida.cli;

import dev.kida.api.KidaException;
import dev.kida.engine.Environment;
import dev.kida.engine.ExecutionMode;
import dev.kida.engine.Precompiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The launcher's AOT training run (system property {@code kida.cli.training}): after the render
 * it was asked for, the same template is also compiled ahead of time, loaded back precompiled (in
 * the default tiered mode and in compiled mode) and rendered compiled, so that the AOT cache holds the classes and the method-handle forms of every
 * start-up path, not only the evaluator's. Without it a precompiled start spins some ninety
 * lambda-form classes that the cache would otherwise have ready.
 */
final class Training {
    static final boolean ON = Boolean.getBoolean("kida.cli.training");

    private Training() {
    }

    static void run(Options options, Map<String, Object> context) throws CliException {
        Path dir;
        try {
            dir = Files.createTempDirectory("kida-training");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Precompiler.compile(RenderCommand.environment(options), options.templates(), dir);
            Environment precompiled = Environment.builder()
                    .loader(RenderCommand.environment(options).loader())
                    .autoescape(options.autoescape()).trimBlocks(options.trimBlocks())
                    .lstripBlocks(options.lstripBlocks()).keepTrailingNewline(options.keepTrailingNewline())
                    .precompiled(dir).build();
            precompiled.getTemplate(options.entry()).render(context);
            // in tiered mode the stored classes are defined only when hot: compiled mode defines them
            Environment.builder()
                    .loader(precompiled.loader()).mode(ExecutionMode.COMPILED)
                    .autoescape(options.autoescape()).trimBlocks(options.trimBlocks())
                    .lstripBlocks(options.lstripBlocks()).keepTrailingNewline(options.keepTrailingNewline())
                    .precompiled(dir).build().getTemplate(options.entry()).render(context);
            Environment compiled = Environment.builder()
                    .loader(precompiled.loader()).mode(ExecutionMode.COMPILED)
                    .autoescape(options.autoescape()).trimBlocks(options.trimBlocks())
                    .lstripBlocks(options.lstripBlocks()).keepTrailingNewline(options.keepTrailingNewline())
                    .compiledCache(dir.resolve("cache")).build();
            compiled.getTemplate(options.entry()).render(context);
            Environment.builder().loader(precompiled.loader()).compiledCache(dir.resolve("cache")).build()
                    .getTemplate(options.entry()).render(context);
        } catch (IOException | KidaException e) {
            // A training run only records what was loaded; an engine under construction may fail.
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind
            }
        }
    }
}
