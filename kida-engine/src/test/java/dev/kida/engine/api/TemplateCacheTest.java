package dev.kida.engine.api;

import dev.kida.api.TemplateLoader;
import dev.kida.api.TemplateSource;
import dev.kida.engine.Environment;
import dev.kida.engine.Loaders;
import dev.kida.engine.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The template cache: its bound, which templates it keeps, clearing, and reload on and off per loader. */
class TemplateCacheTest {

    /** Counts the loads and freshness checks a loader is asked for. */
    private static final class Counting implements TemplateLoader {
        final TemplateLoader inner;
        final AtomicInteger loads = new AtomicInteger();
        final AtomicInteger checks = new AtomicInteger();

        Counting(TemplateLoader inner) {
            this.inner = inner;
        }

        @Override
        public Optional<TemplateSource> load(String name) {
            loads.incrementAndGet();
            return inner.load(name);
        }

        @Override
        public boolean isCurrent(String name, long version) {
            checks.incrementAndGet();
            return inner.isCurrent(name, version);
        }
    }

    private static Map<String, String> templates(int n) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < n; i++) {
            m.put("t" + i, "template " + i);
        }
        m.put("hot", "hot");
        return m;
    }

    @Test
    void theCacheHoldsAtMostItsSize() {
        var loader = new Counting(Loaders.map(templates(50)));
        Environment env = Environment.builder().loader(loader).cacheSize(5).build();
        for (int i = 0; i < 50; i++) {
            assertEquals("template " + i, env.getTemplate("t" + i).render(Map.of()));
            assertTrue(env.cachedTemplates() <= 5, "cache holds " + env.cachedTemplates());
        }
        assertEquals(50, loader.loads.get());
    }

    @Test
    void aTemplateInUseStaysWhileOthersComeAndGo() {
        var loader = new Counting(Loaders.map(templates(100)));
        Environment env = Environment.builder().loader(loader).cacheSize(4).build();
        for (int i = 0; i < 100; i++) {
            env.getTemplate("hot");
            env.getTemplate("t" + i);
        }
        // 100 others were loaded once each; "hot", read between every two of them, only once.
        assertEquals(101, loader.loads.get());
    }

    @Test
    void withoutReloadATemplateThatRendersStays() {
        // Without auto-reload a cache hit reads only the map; renders are what mark a template as in use.
        var loader = new Counting(Loaders.map(templates(100)));
        Environment env = Environment.builder().loader(loader).cacheSize(4).autoReload(false).build();
        for (int i = 0; i < 100; i++) {
            assertEquals("hot", env.getTemplate("hot").render(Map.of()));
            env.getTemplate("t" + i);
        }
        assertEquals(101, loader.loads.get());
    }

    @Test
    void sizeZeroCachesNothing() {
        var loader = new Counting(Loaders.map(templates(1)));
        Environment env = Environment.builder().loader(loader).cacheSize(0).build();
        env.getTemplate("t0");
        env.getTemplate("t0");
        assertEquals(2, loader.loads.get());
        assertEquals(0, env.cachedTemplates());
    }

    @Test
    void aNegativeSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Environment.builder().cacheSize(-1));
    }

    @Test
    void clearCacheLoadsAgainAndHeldTemplatesKeepWorking() {
        var loader = new Counting(Loaders.map(templates(3)));
        Environment env = Environment.builder().loader(loader).cacheSize(1).build();
        Template held = env.getTemplate("t0");
        env.getTemplate("t1");
        env.getTemplate("t2");
        env.clearCache();
        assertEquals(0, env.cachedTemplates());
        assertEquals("template 0", held.render(Map.of()), "an evicted, cleared template still renders");
        env.getTemplate("t0");
        assertEquals(4, loader.loads.get());
    }

    @Test
    void aCachedTemplateIsHandedOutAsTheSameObjectUntilItIsReplaced(@TempDir Path dir) throws IOException {
        // getTemplate of a cached template allocates nothing: the handle is made with the entry
        Path file = write(dir.resolve("a.html"), "one", 1_000);
        for (boolean reload : new boolean[] {false, true}) {
            Environment env = Environment.builder().loader(Loaders.fileSystem(dir)).autoReload(reload).build();
            Template first = env.getTemplate("a.html");
            assertSame(first, env.getTemplate("a.html"), "reload " + reload);
            env.clearCache();
            Template second = env.getTemplate("a.html");
            assertNotSame(first, second, "cleared: a new load, a new handle (reload " + reload + ")");
            assertEquals("one", first.render(Map.of()));
        }
        Environment env = Environment.builder().loader(Loaders.fileSystem(dir)).build();
        Template before = env.getTemplate("a.html");
        write(file, "two", 2_000);
        Template after = env.getTemplate("a.html");
        assertNotSame(before, after, "reloaded: the handle of the new unit");
        assertSame(after, env.getTemplate("a.html"));
        assertEquals("one|two", before.render(Map.of()) + "|" + after.render(Map.of()));
        Environment uncached = Environment.builder().loader(Loaders.fileSystem(dir)).cacheSize(0).build();
        assertEquals("two", uncached.getTemplate("a.html").render(Map.of()));
    }

    @Test
    void fileSystemReloadOn(@TempDir Path dir) throws IOException {
        Path file = write(dir.resolve("a.html"), "one", 1_000);
        Environment env = Environment.builder().loader(Loaders.fileSystem(dir)).build();
        assertEquals("one", env.getTemplate("a.html").render(Map.of()));
        write(file, "two", 2_000);
        assertEquals("two", env.getTemplate("a.html").render(Map.of()));
    }

    @Test
    void fileSystemReloadOffNeverLooksAtTheFileAgain(@TempDir Path dir) throws IOException {
        Path file = write(dir.resolve("a.html"), "one", 1_000);
        var loader = new Counting(Loaders.fileSystem(dir));
        Environment env = Environment.builder().loader(loader).autoReload(false).build();
        assertEquals("one", env.getTemplate("a.html").render(Map.of()));
        write(file, "two", 2_000);
        for (int i = 0; i < 3; i++) {
            assertEquals("one", env.getTemplate("a.html").render(Map.of()));
        }
        assertEquals(0, loader.checks.get(), "no freshness check with reload off");
        assertEquals(1, loader.loads.get());
        env.clearCache();
        assertEquals("two", env.getTemplate("a.html").render(Map.of()), "cleared: loaded again");
    }

    @Test
    void aReloadCheckIntervalTrustsAFreshCheckForThatLong(@TempDir Path dir) throws IOException, InterruptedException {
        Path file = write(dir.resolve("a.html"), "one", 1_000);
        var hourly = new Counting(Loaders.fileSystem(dir));
        Environment trusting = Environment.builder().loader(hourly).reloadCheckInterval(Duration.ofHours(1)).build();
        var brief = new Counting(Loaders.fileSystem(dir));
        Environment checking = Environment.builder().loader(brief).reloadCheckInterval(Duration.ofMillis(20)).build();
        assertEquals("one", trusting.getTemplate("a.html").render(Map.of()));
        assertEquals("one", checking.getTemplate("a.html").render(Map.of()));
        write(file, "two", 2_000);
        for (int i = 0; i < 3; i++) {
            assertEquals("one", trusting.getTemplate("a.html").render(Map.of()), "within the hour: not asked");
        }
        assertEquals(0, hourly.checks.get());
        Thread.sleep(40);
        assertEquals("two", checking.getTemplate("a.html").render(Map.of()), "past the interval: asked, and reloaded");
        assertEquals(1, brief.checks.get());
        assertThrows(IllegalArgumentException.class, () -> Environment.builder().reloadCheckInterval(Duration.ofMillis(-1)));
    }

    @Test
    void withoutAnIntervalEveryLoadAsks(@TempDir Path dir) throws IOException {
        write(dir.resolve("a.html"), "one", 1_000);
        var loader = new Counting(Loaders.fileSystem(dir));
        Environment env = Environment.builder().loader(loader).build();
        for (int i = 0; i < 4; i++) {
            env.getTemplate("a.html");
        }
        assertEquals(3, loader.checks.get());
    }

    @Test
    void classPathResourcesReloadWhenOn(@TempDir Path dir) throws IOException {
        checkResourceLoader(dir, cl -> Loaders.classpath(cl, "tpl"));
    }

    @Test
    void moduleResourcesReloadWhenOn(@TempDir Path dir) throws IOException {
        checkResourceLoader(dir, cl -> Loaders.module(cl.getUnnamedModule(), "tpl"));
    }

    @Test
    void mapTemplatesAreNotParsedAgainWithReloadOn() {
        var loader = new Counting(Loaders.map(templates(1)));
        Environment env = Environment.builder().loader(loader).build();
        env.getTemplate("t0");
        env.getTemplate("t0");
        assertEquals(1, loader.loads.get());
        assertEquals(1, loader.checks.get());
    }

    @Test
    void choiceReloadsFromTheLoaderThatHasTheTemplate(@TempDir Path dir) throws IOException {
        Path file = write(dir.resolve("a.html"), "one", 1_000);
        Environment env = Environment.builder()
                .loader(Loaders.choice(Loaders.map(Map.of("b.html", "b")), Loaders.fileSystem(dir))).build();
        assertEquals("one", env.getTemplate("a.html").render(Map.of()));
        write(file, "two", 2_000);
        assertEquals("two", env.getTemplate("a.html").render(Map.of()));
    }

    @Test
    void anUnchangedResourceIsCheckedWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path file = write(dir.resolve("tpl/base.html"), "<b>{% block x %}{% endblock %}</b>", 1_000);
        write(dir.resolve("tpl/page.html"), "{% extends 'base.html' %}{% block x %}hi{% endblock %}", 1_000);
        try (CountingClassLoader cl = new CountingClassLoader(dir)) {
            Environment env = Environment.builder().loader(Loaders.classpath(cl, "tpl")).build();
            assertEquals("<b>hi</b>", env.getTemplate("page.html").render(Map.of()));
            int reads = cl.reads.get();
            assertEquals(2, reads, "page and base read once each");
            for (int i = 0; i < 5; i++) {
                assertEquals("<b>hi</b>", env.getTemplate("page.html").render(Map.of()));
            }
            assertEquals(reads, cl.reads.get(), "same time and size: the parent is not read and hashed at every render");
            // Touched, not changed: read once to compare the content, kept, and cheap again after.
            Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochMilli(3_000)));
            Template page = env.getTemplate("page.html");
            assertEquals("<b>hi</b>", page.render(Map.of()));
            assertEquals(reads + 1, cl.reads.get());
            assertEquals("<b>hi</b>", env.getTemplate("page.html").render(Map.of()));
            assertEquals(reads + 1, cl.reads.get());
            write(file, "<i>{% block x %}{% endblock %}</i>", 4_000);
            assertEquals("<i>hi</i>", env.getTemplate("page.html").render(Map.of()), "an edited parent is loaded again");
        }
    }

    @Test
    void aJarResourceIsCheckedByTheJarsTimeAndSize(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("app.jar");
        writeJar(jar, "one", 1_000);
        try (CountingClassLoader cl = new CountingClassLoader(jar)) {
            Environment env = Environment.builder().loader(Loaders.classpath(cl, "tpl")).build();
            assertEquals("one", env.getTemplate("a.html").render(Map.of()));
            for (int i = 0; i < 3; i++) {
                env.getTemplate("a.html");
            }
            assertEquals(1, cl.reads.get(), "the same jar: current without reading the entry");
            // A rebuilt jar moved into place (new time and size): the entry is read again to
            // compare. What it reads is the class loader's business (a URLClassLoader keeps the
            // jar it opened).
            writeJar(dir.resolve("app.jar.new"), "two, longer", 2_000);
            Files.move(dir.resolve("app.jar.new"), jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            env.getTemplate("a.html");
            assertTrue(cl.reads.get() > 1, "a changed jar makes the check read the entry");
        }
    }

    private static void writeJar(Path jar, String text, long millis) throws IOException {
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("tpl/a.html"));
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Files.setLastModifiedTime(jar, FileTime.from(Instant.ofEpochMilli(millis)));
    }

    /** A class loader over a folder or jar that counts the resources it opens. */
    private static final class CountingClassLoader extends URLClassLoader {
        final AtomicInteger reads = new AtomicInteger();

        CountingClassLoader(Path folderOrJar) throws IOException {
            super(new URL[] {folderOrJar.toUri().toURL()}, null);
        }

        @Override
        public java.io.InputStream getResourceAsStream(String name) {
            reads.incrementAndGet();
            return super.getResourceAsStream(name);
        }
    }

    /** An edited resource is seen with reload on, and not with reload off. */
    private static void checkResourceLoader(Path dir, Function<ClassLoader, TemplateLoader> make) throws IOException {
        Path file = write(dir.resolve("tpl/a.html"), "one", 1_000);
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            Environment on = Environment.builder().loader(make.apply(cl)).build();
            var offLoader = new Counting(make.apply(cl));
            Environment off = Environment.builder().loader(offLoader).autoReload(false).build();
            assertEquals("one", on.getTemplate("a.html").render(Map.of()));
            assertEquals("one", off.getTemplate("a.html").render(Map.of()));
            // An edit: a new modification time (the stamp the check looks at), same length.
            write(file, "two", 2_000);
            assertEquals("two", on.getTemplate("a.html").render(Map.of()));
            assertEquals("one", off.getTemplate("a.html").render(Map.of()));
            assertEquals(0, offLoader.checks.get());
        }
    }

    private static Path write(Path file, String text, long millis) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochMilli(millis)));
        return file;
    }
}
