package dev.kida.bench;

import dev.kida.engine.Environment;
import dev.kida.engine.Loaders;
import dev.kida.engine.Template;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.kida.api.TemplateLoader;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The question of Kida's performance RFC, issue 4: does the template cache's locking matter?
 * {@code getTemplate} of a cached template (one of 16, chosen at random per call, from a
 * file-system or class-path loader over a folder) against the floor, a bare
 * {@link ConcurrentHashMap#get} of the same names. Run with {@code -t 1}, {@code -t 2} and
 * {@code -t 16}; with auto-reload on, each call also asks the file system for the file's
 * modification time (and, for the class path, its size).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class TemplateCacheBenchmark {
    private static final int TEMPLATES = 16;
    private static final String[] NAMES = new String[TEMPLATES];

    static {
        for (int i = 0; i < TEMPLATES; i++) {
            NAMES[i] = "page" + i + ".html";
        }
    }

    /** Whether each getTemplate checks the file's modification time. */
    @Param({"false", "true"})
    public boolean autoReload;

    /** Where the templates come from: {@code Loaders.fileSystem} or {@code Loaders.classpath}. */
    @Param({"fileSystem", "classpath"})
    public String loader;

    private Path dir;
    private URLClassLoader classLoader;
    private Environment env;
    private final Map<String, Template> bare = new ConcurrentHashMap<>();

    /** Writes the templates and fills both caches. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        dir = Files.createTempDirectory("kida-cache-bench");
        for (String name : NAMES) {
            Files.writeString(dir.resolve(name), "<p>{{ name }}</p>");
        }
        classLoader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
        TemplateLoader templates = loader.equals("classpath") ? Loaders.classpath(classLoader, "")
                : Loaders.fileSystem(dir);
        env = Environment.builder().loader(templates).autoReload(autoReload).build();
        for (String name : NAMES) {
            bare.put(name, env.getTemplate(name));
        }
    }

    /** Removes the templates. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        classLoader.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Kida's cache. */
    @Benchmark
    public Template getTemplate() {
        return env.getTemplate(NAMES[ThreadLocalRandom.current().nextInt(TEMPLATES)]);
    }

    /** The floor: a bare ConcurrentHashMap lookup of the same names. */
    @Benchmark
    public Template concurrentHashMap() {
        return bare.get(NAMES[ThreadLocalRandom.current().nextInt(TEMPLATES)]);
    }
}
