package dev.kida.engine.core;

import dev.kida.api.TemplateSource;
import dev.kida.engine.core.Compiled;
import dev.kida.engine.core.CompiledStore;
import dev.kida.engine.core.Engine;
import dev.kida.engine.core.PreparedTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The second execution backend, as the engine sees it: the bytecode compiler of module
 * {@code kida.compiler}, found through {@link java.util.ServiceLoader} (see
 * {@link CompilerBackends}). It needs {@code java.lang.classfile} (JDK 24+), which is why it lives
 * in its own module: the engine itself runs on JDK 21, and without a backend every template runs
 * in the evaluator.
 */
public interface CompilerBackend {
    /** Compiles every body of a parsed template to code ready to run. */
    Compiled generate(PreparedTemplate unit, Engine engine);

    /**
     * A read-only store over templates compiled ahead of time ({@code NAME.kidac} files and a
     * manifest), read through {@code opener}; {@code where} names the place in messages.
     */
    CompiledStore precompiled(String where, Opener opener);

    /** The on-disk compiled cache in {@code folder}, bounded to {@code maxEntries} templates. */
    CompiledStore compiledCache(Path folder, int maxEntries);

    /** Writes compiled templates and their manifest into {@code output} (what {@code kida compile} runs). */
    Writer writer(Path output);

    /** Opens a file of a precompiled folder by its relative path; null when there is none. */
    @FunctionalInterface
    interface Opener {
        /** The file's content, or null. */
        InputStream open(String path) throws IOException;
    }

    /** Writes precompiled templates. */
    interface Writer {
        /** Parses, compiles and writes one template. */
        void write(TemplateSource source, Engine engine) throws IOException;

        /** Writes the manifest; call once, after the last template. */
        void finish() throws IOException;
    }
}
