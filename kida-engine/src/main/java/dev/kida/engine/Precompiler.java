package dev.kida.engine;

import dev.kida.api.KidaException;
import dev.kida.api.TemplateSource;
import dev.kida.engine.core.CompilerBackend;
import dev.kida.engine.core.CompilerBackends;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Compiles templates ahead of time (what {@code kida compile} and the Maven plugin run): every
 * file under a folder is parsed, checked and compiled with an environment's settings, and written
 * to an output folder as {@code NAME.kidac} plus a manifest. An environment built with
 * {@link Environment.Builder#precompiled(Path)} on that folder then loads them without lexing or
 * parsing.
 */
public final class Precompiler {
    private Precompiler() {
    }

    /**
     * The outcome: the templates written and the errors of those that could not be.
     *
     * @param written the names of the templates compiled
     * @param errors  one message per template that failed (name, line, column and the reason)
     */
    public record Result(List<String> written, List<String> errors) {
    }

    /**
     * Compiles every file under {@code templates} (names relative to it, with {@code /}) with
     * {@code env}'s settings, reading them through its loader, into {@code output}.
     *
     * @throws IOException when the folder cannot be listed or the output written
     * @throws dev.kida.api.KidaException when the bytecode compiler is not available (see
     *         {@link Environment#compilerAvailable()})
     */
    public static Result compile(Environment env, Path templates, Path output) throws IOException {
        return compile(env, templates, output, name -> true);
    }

    /**
     * As {@link #compile(Environment, Path, Path)}, for the files whose template name
     * ({@code /}-separated, relative to {@code templates}) {@code include} accepts: images or
     * scripts beside the templates are not templates.
     *
     * @throws IOException when the folder cannot be listed or the output written
     */
    public static Result compile(Environment env, Path templates, Path output, Predicate<String> include)
            throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.walk(templates)) {
            names = files.filter(Files::isRegularFile)
                    .map(p -> templates.relativize(p).toString().replace('\\', '/'))
                    .filter(include)
                    .sorted().toList();
        }
        CompilerBackend.Writer writer = CompilerBackends.require("Precompiler.compile").writer(output);
        List<String> written = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String name : names) {
            Optional<TemplateSource> source = env.loader().load(name);
            if (source.isEmpty()) {
                errors.add(name + ": the environment's loader does not find it");
                continue;
            }
            try {
                writer.write(source.get(), env.engine());
                written.add(name);
            } catch (KidaException e) {
                errors.add(e.getMessage());
            } catch (IOException e) {
                errors.add(name + ": " + e.getMessage());
            }
        }
        writer.finish();
        return new Result(List.copyOf(written), List.copyOf(errors));
    }
}
