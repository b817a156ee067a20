package dev.kida.compiler.service;

import dev.kida.api.TemplateSource;
import dev.kida.compiler.TemplateCompiler;
import dev.kida.compiler.precompiled.ArtifactWriter;
import dev.kida.compiler.precompiled.DiskCache;
import dev.kida.compiler.precompiled.PrecompiledStore;
import dev.kida.engine.core.CompilerBackend;
import dev.kida.engine.core.Compiled;
import dev.kida.engine.core.CompiledStore;
import dev.kida.engine.core.Engine;
import dev.kida.engine.core.PreparedTemplate;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The engine's compiler backend, registered with {@link java.util.ServiceLoader} (module-info
 * {@code provides}, and {@code META-INF/services} for the class path).
 */
public final class BytecodeBackend implements CompilerBackend {
    /** For {@link java.util.ServiceLoader}. */
    public BytecodeBackend() {
    }

    @Override
    public Compiled generate(PreparedTemplate unit, Engine engine) {
        return TemplateCompiler.compile(unit, engine);
    }

    @Override
    public CompiledStore precompiled(String where, Opener opener) {
        return PrecompiledStore.of(where, opener::open);
    }

    @Override
    public CompiledStore compiledCache(Path folder, int maxEntries) {
        return new DiskCache(folder, maxEntries);
    }

    @Override
    public Writer writer(Path output) {
        ArtifactWriter writer = new ArtifactWriter(output);
        return new Writer() {
            @Override
            public void write(TemplateSource source, Engine engine) throws IOException {
                writer.write(source, engine);
            }

            @Override
            public void finish() throws IOException {
                writer.finish();
            }
        };
    }
}
