package dev.kida.compiler.precompiled;

import dev.kida.api.TemplateSource;
import dev.kida.compiler.TemplateCompiler;
import dev.kida.engine.core.CompiledStore;
import dev.kida.engine.core.Engine;
import dev.kida.engine.core.PreparedTemplate;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The on-disk compiled-template cache (what Jinja2's bytecode cache is): a folder of
 * {@code .kidac} files named by a hash of engine build, code options, template name and source.
 * A template found there is not parsed; one that is not is parsed, compiled at once, and written.
 *
 * <p>Several JVMs may share the folder: a file is written whole under a temporary name and then
 * renamed into place atomically, so a reader sees either no file or a complete one. A file that
 * does not read back (damaged, foreign, from another build) is ignored, deleted and rebuilt, never
 * run. The folder holds at most {@code maxEntries} files: past that, the least recently used
 * (by file time, refreshed on each hit) are deleted.
 */
public final class DiskCache implements CompiledStore {
    /** Made at the first message: {@code System.getLogger} starts the logging back end, which a
     * cold start that logs nothing should not pay for. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("dev.kida.compiler.precompiled");
    }
    /** Default bound on the number of cached templates. */
    public static final int DEFAULT_MAX_ENTRIES = 2000;

    private final Path dir;
    private final int maxEntries;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /**
     * @param dir        the folder (created when missing)
     * @param maxEntries how many compiled templates it keeps, at least 1
     */
    public DiskCache(Path dir, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a compiled cache must hold at least 1 entry, not " + maxEntries);
        }
        this.dir = dir.toAbsolutePath().normalize();
        this.maxEntries = maxEntries;
    }

    @Override
    public PreparedTemplate find(TemplateSource source, Engine engine) {
        Path file = fileFor(source, engine);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            report(source.name(), "cannot read " + file + ": " + e);
            return null;
        }
        try {
            PreparedTemplate unit = CompiledArtifact.read(bytes, source, engine);
            touch(file);
            return unit;
        } catch (IOException | RuntimeException | LinkageError e) {
            report(source.name(), file + " is not usable (" + e.getMessage() + "); rebuilding it");
            deleteQuietly(file);
            return null;
        }
    }

    @Override
    public void parsed(PreparedTemplate unit, TemplateSource source, Engine engine) {
        if (!engine.compiles()) {
            return;
        }
        CompiledArtifact.Made made;
        try {
            made = CompiledArtifact.make(unit, source, engine);
        } catch (GraphCodec.NotStorable e) {
            report(unit.name(), "it holds " + e.getMessage() + ", which a cache file cannot carry; it is compiled in memory only");
            return;
        } catch (IOException e) {
            report(unit.name(), "cannot serialise: " + e);
            return;
        } catch (RuntimeException | LinkageError e) {
            // Not compilable: the engine reports it when (and if) it compiles the template itself.
            return;
        }
        // Defined as stored code is: at once in compiled mode, when hot in tiered mode.
        engine.installStored(unit, () -> TemplateCompiler.define(unit.name(), made.generated()));
        write(fileFor(source, engine), made.file());
        prune();
    }

    private Path fileFor(TemplateSource source, Engine engine) {
        // The name only finds the file; CompiledArtifact.read checks its build, options, name and
        // source exactly, so a non-cryptographic digest is enough (and needs no security provider).
        String key = EngineBuild.id() + "\n" + engine.codeOptions(source.name()) + "\n" + source.name() + "\n"
                + source.source();
        return dir.resolve(CompiledArtifact.fingerprint(key) + CompiledArtifact.SUFFIX);
    }

    private void write(Path file, byte[] bytes) {
        Path tmp = dir.resolve(".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(dir);
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            report(file.toString(), "cannot write the compiled cache in " + dir + ": " + e);
            deleteQuietly(tmp);
        }
    }

    /** Deletes the least recently used files past the bound (best effort: other JVMs prune too). */
    private void prune() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + CompiledArtifact.SUFFIX)) {
            stream.forEach(files::add);
        } catch (IOException e) {
            return;
        }
        if (files.size() <= maxEntries) {
            return;
        }
        record Aged(Path path, long time) {
        }
        List<Aged> aged = new ArrayList<>();
        for (Path p : files) {
            try {
                aged.add(new Aged(p, Files.getLastModifiedTime(p).toMillis()));
            } catch (IOException e) {
                // gone already: another JVM pruned it
            }
        }
        aged.sort(Comparator.comparingLong(Aged::time));
        for (int i = 0; i < aged.size() - maxEntries; i++) {
            deleteQuietly(aged.get(i).path());
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // only the eviction order suffers
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // another JVM may hold or have removed it; the next write replaces it anyway
        }
    }

    private void report(String key, String why) {
        if (reported.add(key)) {
            Log.LOG.log(System.Logger.Level.WARNING, "compiled cache: template '" + key + "': " + why);
        }
    }

    @Override
    public String toString() {
        return "compiledCache(" + dir + ", " + maxEntries + " entries)";
    }

}
