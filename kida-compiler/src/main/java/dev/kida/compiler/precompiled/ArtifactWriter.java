package dev.kida.compiler.precompiled;

import dev.kida.api.TemplateSource;
import dev.kida.engine.core.Engine;
import dev.kida.engine.core.PreparedTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes precompiled templates into a folder: {@code NAME.kidac} per template and a manifest,
 * {@code kida-manifest.tsv}, with one line per template (name, SHA-256 of the source, engine
 * build, code options), for people and build tools to see what a folder holds.
 */
public final class ArtifactWriter {
    /** The manifest's file name. */
    public static final String MANIFEST = "kida-manifest.tsv";

    private final Path output;
    private final StringBuilder manifest = new StringBuilder("# name\tsource-sha256\tengine-build\toptions\n");

    /** @param output the folder to write into (created when missing) */
    public ArtifactWriter(Path output) {
        this.output = output.toAbsolutePath().normalize();
    }

    /**
     * Parses (with the engine's checks) and compiles one template, and writes its file.
     *
     * @throws dev.kida.api.KidaException when the template has an error
     * @throws IOException when it cannot be written, or holds something a file cannot carry
     */
    public void write(TemplateSource source, Engine engine) throws IOException {
        PreparedTemplate unit = engine.compile(source.source(), source.name(), source.version());
        CompiledArtifact.Made made;
        try {
            made = CompiledArtifact.make(unit, source, engine);
        } catch (GraphCodec.NotStorable e) {
            throw new IOException("template '" + source.name() + "' cannot be precompiled: it holds "
                    + e.getMessage(), e);
        }
        Path file = output.resolve(source.name() + CompiledArtifact.SUFFIX).normalize();
        if (!file.startsWith(output)) {
            throw new IOException("template name '" + source.name() + "' leaves the output folder");
        }
        atomicWrite(file, made.file());
        CompiledArtifact.Header h = CompiledArtifact.header(made.file());
        manifest.append(String.join("\t", List.of(h.name(), h.sourceHash(), h.engineBuild(), h.options()))).append('\n');
    }

    /** Writes the manifest of every template written so far. */
    public void finish() throws IOException {
        atomicWrite(output.resolve(MANIFEST), manifest.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void atomicWrite(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
