package dev.kida.compiler.precompiled;

import dev.kida.api.TemplateSource;
import dev.kida.engine.core.CompiledStore;
import dev.kida.engine.core.Engine;
import dev.kida.engine.core.PreparedTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Templates compiled ahead of time by {@code kida compile} or the Maven plugin: a folder, or
 * class-path or module resources under a prefix, holding {@code NAME.kidac} for each template.
 * Read only. A file that does not match the template's current source (or this engine build, or
 * the environment's options) is not used: the template is parsed and compiled as usual, and that
 * is logged once per template.
 */
public final class PrecompiledStore implements CompiledStore {
    /** Made at the first message: {@code System.getLogger} starts the logging back end, which a
     * cold start that logs nothing should not pay for. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("dev.kida.compiler.precompiled");
    }

    /** Opens {@code NAME.kidac}; null when there is none. */
    @FunctionalInterface
    public interface Opener {
        /** The file's content, or null. */
        InputStream open(String path) throws IOException;
    }

    private final String where;
    private final Opener opener;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    private PrecompiledStore(String where, Opener opener) {
        this.where = where;
        this.opener = opener;
    }

    /** Compiled templates read through {@code opener}; {@code where} names them in messages. */
    public static PrecompiledStore of(String where, Opener opener) {
        return new PrecompiledStore(where, opener);
    }

    /** Compiled templates in a folder (as written by {@code kida compile --output}). */
    public static PrecompiledStore folder(Path dir) {
        Path base = dir.toAbsolutePath().normalize();
        return new PrecompiledStore(base.toString(), path -> {
            Path file = base.resolve(path).normalize();
            if (!file.startsWith(base)) {
                return null;
            }
            try {
                return Files.newInputStream(file);
            } catch (NoSuchFileException e) {
                return null;
            }
        });
    }

    /** Compiled templates among class-path resources under a prefix. */
    public static PrecompiledStore classpath(ClassLoader loader, String prefix) {
        String dir = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        return new PrecompiledStore("classpath:" + dir, path -> loader.getResourceAsStream(dir + path));
    }

    /** Compiled templates among a module's resources under a prefix. */
    public static PrecompiledStore module(Module module, String prefix) {
        String dir = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        return new PrecompiledStore("module:" + module.getName() + "/" + dir, path -> module.getResourceAsStream(dir + path));
    }

    @Override
    public PreparedTemplate find(TemplateSource source, Engine engine) {
        String name = source.name();
        if (name.contains("..") || name.startsWith("/")) {
            return null;
        }
        byte[] file;
        try (InputStream in = opener.open(name + CompiledArtifact.SUFFIX)) {
            if (in == null) {
                report(name, "no " + name + CompiledArtifact.SUFFIX + " in " + where);
                return null;
            }
            file = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled template '" + name + "' from " + where, e);
        }
        try {
            return CompiledArtifact.read(file, source, engine);
        } catch (IOException | RuntimeException | LinkageError e) {
            report(name, e.getMessage());
            return null;
        }
    }

    @Override
    public void parsed(PreparedTemplate unit, TemplateSource source, Engine engine) {
        // Read only: a template compiled here is not written back.
    }

    private void report(String name, String why) {
        if (reported.add(name)) {
            Log.LOG.log(System.Logger.Level.INFO, "precompiled template '" + name + "' not used (" + why
                    + "); it is parsed and compiled instead");
        }
    }

    @Override
    public String toString() {
        return "precompiled(" + where + ")";
    }
}
