package dev.kida.tests.jpms;

import dev.kida.api.KidaException;
import dev.kida.engine.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.attribute.ModuleAttribute;
import java.lang.classfile.attribute.ModulePackagesAttribute;
import java.lang.constant.ModuleDesc;
import java.lang.constant.PackageDesc;
import java.lang.reflect.AccessFlag;
import java.lang.constant.ClassDesc;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine without its bytecode compiler, as on JDK 21-23 or when kida-compiler is left out:
 * every template is evaluated (and the engine says why, once), the features that need compiled
 * code fail with the fix, and a compiler jar that cannot load is a logged warning, not a crash.
 * This JVM has kida.compiler on its module path, so the engine is loaded again without it: in a
 * module layer of its own, or on the class path of a child JVM.
 */
class WithoutCompilerTest {

    private static Path location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void thisJvmHasTheCompiler() {
        assertTrue(Environment.compilerAvailable(), Environment.compilerStatus());
        assertTrue(Environment.compilerStatus().contains("kida.compiler"), Environment.compilerStatus());
    }

    @Test
    void aModuleLayerWithoutKidaCompilerEvaluatesAndRefusesWhatNeedsCompiledCode(@TempDir Path dir) throws Exception {
        ModuleFinder finder = ModuleFinder.of(location(KidaException.class), location(Environment.class));
        Configuration cf = ModuleLayer.boot().configuration()
                .resolveAndBind(finder, ModuleFinder.of(), Set.of("kida.engine"));
        // The platform loader as parent: nothing of this JVM's class path or module path leaks in.
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        assertFalse(layer.modules().stream().anyMatch(m -> m.getName().equals("kida.compiler")), layer.modules().toString());
        Class<?> env = layer.findLoader("kida.engine").loadClass("dev.kida.engine.Environment");
        assertTrue(env != Environment.class);
        // The context class loader stays this test's: the engine finds the escaper of its own
        // layer through its own loader.
        inLayer(layer, env, dir);
    }

    private static void inLayer(ModuleLayer layer, Class<?> env, Path dir) throws Exception {

        assertEquals(false, env.getMethod("compilerAvailable").invoke(null));
        String status = (String) env.getMethod("compilerStatus").invoke(null);
        assertTrue(status.contains("dev.kida:kida-compiler") && status.contains("Java 24"), status);

        // the layer's own escaper (the engine's java one), found without help from the context loader
        Object plain = build(builder(env));
        assertEquals("java", plain.getClass().getMethod("escaperName").invoke(plain));

        // tiered (the default) and interpreted: rendered by the evaluator
        assertEquals("2 <b>", render(build(builder(env)), "{{ 1 + 1 }} {{ '<b>'|safe }}"));
        Object interpreted = call(builder(env), "mode", mode(layer, "INTERPRETED"));
        assertEquals("3", render(build(interpreted), "{{ 1 + 2 }}"));

        // what promises compiled code says what is missing and how to add it
        String compiled = failure(() -> build(call(builder(env), "mode", mode(layer, "COMPILED"))));
        assertTrue(compiled.startsWith("ExecutionMode.COMPILED needs the bytecode compiler"), compiled);
        assertTrue(compiled.contains("add dev.kida:kida-compiler") && compiled.contains("Java 24 or newer"), compiled);
        String precompiled = failure(() -> call(builder(env), "precompiled", dir));
        assertTrue(precompiled.startsWith("precompiled(Path) needs the bytecode compiler")
                && precompiled.contains("dev.kida:kida-compiler"), precompiled);
        String cache = failure(() -> call(builder(env), "compiledCache", dir));
        assertTrue(cache.startsWith("compiledCache(Path) needs the bytecode compiler"), cache);
        Class<?> precompiler = layer.findLoader("kida.engine").loadClass("dev.kida.engine.Precompiler");
        Object tiered = build(builder(env));
        String ahead = failure(() -> precompiler.getMethod("compile", env, Path.class, Path.class)
                .invoke(null, tiered, dir, dir.resolve("out")));
        assertTrue(ahead.startsWith("Precompiler.compile needs the bytecode compiler"), ahead);
    }

    @Test
    void aCompilerModuleThatCannotLoadIsReportedNotACrash(@TempDir Path dir) throws Exception {
        // What kida-compiler is on the module path of a JDK 21-23: its descriptor is readable
        // (release 21), its provider class is not.
        // named kida.compiler: the engine exports its backend interface to that module alone
        Path fake = dir.resolve("kida.compiler");
        Files.createDirectories(fake.resolve("fake"));
        Files.write(fake.resolve("module-info.class"), ClassFile.of().buildModule(
                ModuleAttribute.of(ModuleDesc.of("kida.compiler"), mb -> mb
                        .requires(ModuleDesc.of("java.base"), AccessFlag.MANDATED.mask(), null)
                        .requires(ModuleDesc.of("kida.engine"), 0, null)
                        .provides(ClassDesc.of("dev.kida.engine.core.CompilerBackend"), ClassDesc.of("fake.TooNew"))),
                clb -> clb.with(ModulePackagesAttribute.ofNames(PackageDesc.of("fake")))));
        Files.write(fake.resolve("fake/TooNew.class"),
                ClassFile.of().build(ClassDesc.of("fake.TooNew"), cb -> cb.withVersion(99, 0)));
        ModuleFinder finder = ModuleFinder.of(location(KidaException.class), location(Environment.class), fake);
        Configuration cf = ModuleLayer.boot().configuration()
                .resolveAndBind(finder, ModuleFinder.of(), Set.of("kida.engine"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        assertTrue(layer.modules().stream().anyMatch(m -> m.getName().equals("kida.compiler")), "bound as a provider");
        Class<?> env = layer.findLoader("kida.engine").loadClass("dev.kida.engine.Environment");
        assertEquals(false, env.getMethod("compilerAvailable").invoke(null));
        String status = (String) env.getMethod("compilerStatus").invoke(null);
        assertTrue(status.contains("kida-compiler is present but cannot be loaded")
                && status.contains("class file version 99"), status);
        assertEquals("2 <b>", render(build(builder(env)), "{{ 1 + 1 }} {{ '<b>'|safe }}"));
    }

    @Test
    void onTheClassPathWithoutTheCompilerTheEngineSaysOnceWhyItOnlyEvaluates(@TempDir Path dir) throws Exception {
        Result r = runChild(dir, List.of());
        assertEquals("2|2|false\n", r.stdout, r.stderr);
        assertEquals(1, count(r.stderr, "Kida runs every template in its evaluator"), r.stderr);
        assertTrue(r.stderr.contains("INFO"), r.stderr);
        assertTrue(r.stderr.contains("add dev.kida:kida-compiler"), r.stderr);
    }

    @Test
    void aCompilerJarThatCannotLoadIsLoggedOnceWithTheFixNotACrash(@TempDir Path dir) throws Exception {
        // A provider whose class file is newer than this JVM: what kida-compiler (release 24) is on
        // the class path of a JDK 21.
        Path jar = dir.resolve("too-new");
        Files.createDirectories(jar.resolve("META-INF/services"));
        Files.createDirectories(jar.resolve("fake"));
        Files.writeString(jar.resolve("META-INF/services/dev.kida.engine.core.CompilerBackend"), "fake.TooNew\n");
        Files.write(jar.resolve("fake/TooNew.class"),
                ClassFile.of().build(ClassDesc.of("fake.TooNew"), cb -> cb.withVersion(99, 0)));
        Result r = runChild(dir, List.of(jar));
        assertEquals("2|2|false\n", r.stdout, r.stderr);
        assertEquals(1, count(r.stderr, "Kida runs every template in its evaluator"), r.stderr);
        assertTrue(r.stderr.contains("WARNING"), r.stderr);
        assertTrue(r.stderr.contains("kida-compiler is present but cannot be loaded"), r.stderr);
        assertTrue(r.stderr.contains("class file version 99"), r.stderr);
        assertTrue(r.stderr.contains("remove kida-compiler from the class path"), r.stderr);
    }

    private record Result(String stdout, String stderr) {
    }

    /** A JVM with the API and the engine (and {@code extra}) on its class path, no compiler. */
    private static Result runChild(Path dir, List<Path> extra) throws Exception {
        Path main = dir.resolve("Main.java");
        Files.writeString(main, """
                import dev.kida.engine.Environment;
                import java.util.Map;
                public class Main {
                    public static void main(String[] args) {
                        String a = Environment.builder().build().fromString("{{ 1 + 1 }}").render(Map.of());
                        String b = Environment.builder().build().fromString("{{ 4 // 2 }}").render(Map.of());
                        System.out.println(a + "|" + b + "|" + Environment.compilerAvailable());
                    }
                }
                """);
        List<String> cp = new ArrayList<>(List.of(location(KidaException.class).toString(), location(Environment.class).toString()));
        extra.forEach(p -> cp.add(p.toString()));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(java.io.File.pathSeparator, cp), main.toString());
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        Result r = new Result(new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        assertEquals(0, p.exitValue(), r.stderr);
        return r;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static Object builder(Class<?> env) throws ReflectiveOperationException {
        return env.getMethod("builder").invoke(null);
    }

    private static Object build(Object builder) throws ReflectiveOperationException {
        return unwrap(() -> builder.getClass().getMethod("build").invoke(builder));
    }

    private static Object mode(ModuleLayer layer, String name) throws ClassNotFoundException {
        Class<?> mode = layer.findLoader("kida.engine").loadClass("dev.kida.engine.ExecutionMode");
        for (Object constant : mode.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new AssertionError(name);
    }

    private static Object call(Object builder, String method, Object arg) throws ReflectiveOperationException {
        for (Method m : builder.getClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == 1 && m.getParameterTypes()[0].isInstance(arg)) {
                return unwrap(() -> m.invoke(builder, arg));
            }
        }
        throw new AssertionError("no " + method + "(" + arg.getClass() + ")");
    }

    private static String render(Object environment, String source) throws ReflectiveOperationException {
        Object template = environment.getClass().getMethod("fromString", String.class).invoke(environment, source);
        return (String) template.getClass().getMethod("render", Map.class).invoke(template, Map.of());
    }

    private interface Call {
        Object run() throws ReflectiveOperationException;
    }

    private static Object unwrap(Call call) throws ReflectiveOperationException {
        try {
            return call.run();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The message of the KidaException (of the layer's own kida.api) that {@code call} throws. */
    private static String failure(Call call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            assertEquals("dev.kida.api.KidaException", e.getClass().getName(), String.valueOf(e));
            return e.getMessage();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause();
            assertTrue(cause != null && cause.getClass().getName().equals("dev.kida.api.KidaException"), String.valueOf(e));
            return cause.getMessage();
        }
        throw new AssertionError("no exception");
    }
}
