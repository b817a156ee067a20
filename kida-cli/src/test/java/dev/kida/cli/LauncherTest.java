package dev.kida.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code ./kida} launcher's AOT caches, run for real in a copy of the checkout that holds the
 * script, the built jars (the CLI's made from its compiled classes, as the test runs before the
 * jar is packaged) and the example site: a cache per profile, trained at the first run that needs
 * it and saying so; kept while nothing changes; trained again under a new name, the old ones
 * removed, when a jar's content changes; likewise the run-time image the modules are linked
 * into, and a JDK without jlink runs from the jars and says so.
 * An edited main source makes the next run build again (a stand-in {@code mvn} records that it
 * ran), once, and that run's output and stdin are those of one render; an edited test source,
 * which does not go into the jars, does not.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherTest {
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @TempDir
    static Path root;

    @BeforeAll
    static void copyOfTheCheckout() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")) && Files.isExecutable(Path.of("/bin/bash"))
                && Runtime.version().feature() >= 25, "the launcher is a sh and bash script that needs a JDK 25");
        // run as users run it, through its #!/bin/sh line (dash on Debian)
        Files.copy(REPO.resolve("kida"), root.resolve("kida"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        for (String module : List.of("kida-api", "kida-engine", "kida-compiler")) {
            Path target = Files.createDirectories(root.resolve(module).resolve("target"));
            Path jar = builtJar(REPO.resolve(module).resolve("target"), module);
            Files.copy(jar, target.resolve(jar.getFileName()));
        }
        writeCliJar(List.of());
        copyTree(REPO.resolve("examples/templates"), root.resolve("examples/templates"));
        Files.copy(REPO.resolve("examples/data.json"), root.resolve("examples/data.json"));
        Path stamp = Files.createDirectories(root.resolve("target/kida-launcher")).resolve("build.stamp");
        Files.writeString(stamp, "");
    }

    @Test
    @Order(1)
    void aCachePerProfileTrainedOnceAndAgainWhenAJarChanges() throws Exception {
        Run first = kida("--version");
        assertEquals(0, first.status, first.stderr);
        assertTrue(first.stdout.startsWith("kida "), first.stdout);
        assertTrue(first.stderr.contains("preparing the start-up cache (render)"), first.stderr);
        assertTrue(first.stderr.contains("linking the modules into a run-time image"), first.stderr);
        Path render = onlyCache("render");
        FileTime trained = Files.getLastModifiedTime(render);
        // Kida's modules linked into a run-time image of their own, which the runs start
        Path image = onlyImage();
        assertTrue(Files.isExecutable(image.resolve("bin/java")), image.toString());
        assertTrue(savedLaunch().contains("runtime_java=" + image.resolve("bin/java")), savedLaunch());
        assertTrue(Files.isRegularFile(image.resolve("lib/modules")), image.toString());

        Run second = kida("--version");
        assertEquals(0, second.status, second.stderr);
        assertFalse(second.stderr.contains("preparing"), second.stderr);
        assertFalse(second.stderr.contains("linking"), second.stderr);
        assertEquals(render, onlyCache("render"));
        assertEquals(trained, Files.getLastModifiedTime(render));

        // a run that makes compiled code trains its own cache and leaves the render cache alone
        Run compile = kida("compile", "--templates", "examples/templates", "--output", "target/compiled");
        assertEquals(0, compile.status, compile.stderr);
        assertTrue(compile.stderr.contains("preparing the start-up cache (compiled)"), compile.stderr);
        Path compiled = onlyCache("compiled");
        assertEquals(render, onlyCache("render"));
        // a render from precompiled templates (tiered: no code generation) has a cache of its own
        Run precompiled = kida("render", "page.html", "--templates", "examples/templates", "--data",
                "examples/data.json", "--compiled", "target/compiled");
        assertEquals(0, precompiled.status, precompiled.stderr);
        assertTrue(precompiled.stderr.contains("preparing the start-up cache (precompiled)"), precompiled.stderr);
        assertEquals(Files.readString(REPO.resolve("examples/expected/page.html")), precompiled.stdout);
        Path precompiledCache = onlyCache("precompiled");
        assertEquals(compiled, onlyCache("compiled"));
        Run again = kida("render", "page.html", "--templates", "examples/templates", "--data",
                "examples/data.json", "--compiled", "target/compiled");
        assertEquals(0, again.status, again.stderr);
        assertFalse(again.stderr.contains("preparing"), again.stderr);
        assertEquals(Files.readString(REPO.resolve("examples/expected/page.html")), again.stdout);
        // in compiled mode it defines the stored classes: the compiled profile's cache
        Run definesAtLoad = kida("render", "page.html", "--templates", "examples/templates", "--data",
                "examples/data.json", "--compiled", "target/compiled", "--mode", "compiled");
        assertEquals(0, definesAtLoad.status, definesAtLoad.stderr);
        assertFalse(definesAtLoad.stderr.contains("preparing"), definesAtLoad.stderr);
        assertEquals(Files.readString(REPO.resolve("examples/expected/page.html")), definesAtLoad.stdout);

        // new content in a jar: a new key, a new cache, and the caches of the old jars are gone
        Thread.sleep(1100);
        writeCliJar(List.of("META-INF/changed.txt"));
        Run changed = kida("--version");
        assertEquals(0, changed.status, changed.stderr);
        assertTrue(changed.stderr.contains("preparing the start-up cache (render)"), changed.stderr);
        Path retrained = onlyCache("render");
        assertNotEquals(render, retrained);
        assertFalse(Files.exists(render));
        assertFalse(Files.exists(compiled));
        assertFalse(Files.exists(precompiledCache));
        // and so is the old image: a new one holds the new jar
        Path relinked = onlyImage();
        assertNotEquals(image, relinked);
        assertFalse(Files.exists(image));
    }

    @Test
    @Order(2)
    void anEditedMainSourceBuildsAgainAndATestSourceDoesNot() throws Exception {
        Path bin = Files.createDirectories(root.resolve("fake-bin"));
        Path builds = root.resolve("mvn-runs.txt");
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/bash\necho \"$*\" >> '" + builds + "'\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        String path = bin + ":" + System.getenv("PATH");
        Path stamp = root.resolve("target/kida-launcher/build.stamp");
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(stamp, old);

        Path test = Files.createDirectories(root.resolve("kida-engine/src/test/java")).resolve("T.java");
        Files.writeString(test, "class T {}\n");
        Run afterTestEdit = kidaOnPath(path, "--version");
        assertEquals(0, afterTestEdit.status, afterTestEdit.stderr);
        assertFalse(Files.exists(builds), afterTestEdit.stderr);
        assertFalse(afterTestEdit.stderr.contains("building"), afterTestEdit.stderr);

        Path main = Files.createDirectories(root.resolve("kida-engine/src/main/java")).resolve("M.java");
        Files.writeString(main, "class M {}\n");
        Files.setLastModifiedTime(main, FileTime.fromMillis(old.toMillis() - 1000));
        Run untouched = kidaOnPath(path, "--version");
        assertEquals(0, untouched.status, untouched.stderr);
        assertFalse(Files.exists(builds), "a source older than the build: " + untouched.stderr);

        Files.writeString(main, "class M { int edited; }\n");
        Run afterMainEdit = kidaOnPath(path, "--version");
        assertEquals(0, afterMainEdit.status, afterMainEdit.stderr);
        assertTrue(afterMainEdit.stderr.contains("building the modules"), afterMainEdit.stderr);
        assertTrue(Files.readString(builds).contains("package"), Files.readString(builds));
    }

    @Test
    @Order(3)
    void aRenderAfterAnEditRunsOnceOnTheRebuiltJarsWithItsStdin() throws Exception {
        // The fast path checks the sources beside the JVM (LauncherGate): the JVM started on the
        // old jars must hand over, before it reads stdin or writes a byte, to a run of the slow
        // path, which builds and renders; the page comes out once, from the same stdin.
        Path bin = root.resolve("fake-bin");
        Path builds = root.resolve("mvn-runs.txt");
        Files.deleteIfExists(builds);
        String path = bin + ":" + System.getenv("PATH");
        assertEquals(0, kidaOnPath(path, "--version").status);
        Path main = root.resolve("kida-engine/src/main/java/M.java");
        Thread.sleep(1100);
        Files.writeString(main, "class M { int editedAgain; }\n");
        Run render = kidaOnPath(path, root.resolve("examples/data.json"), "render", "page.html", "--templates",
                "examples/templates", "--data", "-");
        assertEquals(0, render.status, render.stderr);
        assertEquals(Files.readString(REPO.resolve("examples/expected/page.html")), render.stdout);
        assertEquals(1, render.stderr.split("building the modules", -1).length - 1, render.stderr);
        assertEquals(1, Files.readAllLines(builds).size(), Files.readString(builds));
    }

    @Test
    @Order(4)
    void aJdkWithoutJlinkRunsFromTheJarsAndSaysSo() throws Exception {
        // A JDK 25 whose bin/ has a java (a script that runs the real one) but no jlink.
        Path jdk = Files.createDirectories(root.resolve("jdk-without-jlink/bin"));
        Files.writeString(jdk.resolveSibling("release"), "JAVA_VERSION=\"" + Runtime.version().feature() + "\"\n");
        Path java = jdk.resolve("java");
        Files.writeString(java, "#!/bin/bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(List.of(root.resolve("kida").toString(), "render", "page.html",
                "--templates", "examples/templates", "--data", "examples/data.json"));
        Run first = run(command, jdk.getParent().toString(), null);
        assertEquals(0, first.status, first.stderr);
        assertEquals(Files.readString(REPO.resolve("examples/expected/page.html")), first.stdout);
        assertTrue(first.stderr.contains("could not link a run-time image"), first.stderr);
        assertTrue(savedLaunch().contains("runtime_java=''"), savedLaunch());
        Run again = run(command, jdk.getParent().toString(), null);
        assertEquals(0, again.status, again.stderr);
        assertEquals(first.stdout, again.stdout);
        assertFalse(again.stderr.contains("could not link"), again.stderr);
    }

    private record Run(int status, String stdout, String stderr) {
    }

    private static Run kida(String... args) throws Exception {
        return kidaOnPath(System.getenv("PATH"), args);
    }

    private static Run kidaOnPath(String path, String... args) throws Exception {
        return kidaOnPath(path, null, args);
    }

    private static Run kidaOnPath(String path, Path stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve("kida").toString()));
        command.addAll(List.of(args));
        return run(command, System.getProperty("java.home"), stdin, path);
    }

    private static Run run(List<String> command, String javaHome, Path stdin) throws Exception {
        return run(command, javaHome, stdin, System.getenv("PATH"));
    }

    private static Run run(List<String> command, String javaHome, Path stdin, String path) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        pb.environment().put("JAVA_HOME", javaHome);
        pb.environment().put("PATH", path);
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the launcher did not finish");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The one linked run-time image in the launcher's folder. */
    private static Path onlyImage() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("target/kida-launcher"))) {
            List<Path> images = files.filter(f -> f.getFileName().toString().endsWith("-runtime")).toList();
            assertEquals(1, images.size(), images.toString());
            return images.get(0);
        }
    }

    private static String savedLaunch() throws IOException {
        return Files.readString(root.resolve("target/kida-launcher/launch.env"));
    }

    /** The one AOT cache of a profile in the launcher's folder. */
    private static Path onlyCache(String profile) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("target/kida-launcher"))) {
            List<Path> caches = files.filter(f -> f.getFileName().toString().endsWith("-" + profile + ".aot")).toList();
            assertEquals(1, caches.size(), caches.toString());
            return caches.get(0);
        }
    }

    private static Path builtJar(Path target, String module) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith(module + "-") && n.endsWith(".jar") && !n.endsWith("-sources.jar")
                        && !n.endsWith("-tests.jar") && !n.endsWith("-javadoc.jar");
            }).findFirst().orElseThrow(() -> new IllegalStateException("build " + module + " first"));
        }
    }

    /** kida-cli's jar from its compiled classes, with extra (empty) entries to change its content. */
    private static void writeCliJar(List<String> extra) throws IOException {
        Path classes = REPO.resolve("kida-cli/target/classes");
        Path jar = Files.createDirectories(root.resolve("kida-cli/target")).resolve("kida-cli-0.0.0.jar");
        Path tmp = jar.resolveSibling("kida-cli.tmp");
        try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(classes.relativize(f).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
            for (String name : extra) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.toList()) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest);
                }
            }
        }
    }
}
