package dev.kida.tests.jpms;

import dev.kida.api.KidaException;
import dev.kida.engine.Environment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.spi.ToolProvider;

/**
 * A user's application module, compiled by javac from the sources below with only the given
 * module-info lines, against the engine's real module on the module path. Each {@link #load()}
 * defines it in a fresh module layer, so what one test grants at run time (exports through a
 * lookup) is not seen by the next.
 */
final class UserModule {
    static final String NAME = "com.example.app";

    private static final String APP = """
            package com.example.app;

            import com.example.app.model.Person;
            import dev.kida.api.TemplateLoader;
            import dev.kida.engine.Environment;
            import dev.kida.engine.ExecutionMode;
            import dev.kida.engine.Loaders;
            import java.lang.invoke.MethodHandles;
            import java.util.Map;

            public final class App {
                private App() {
                }

                public static String person(String mode, boolean grant) {
                    Environment.Builder builder = Environment.builder().mode(ExecutionMode.valueOf(mode));
                    if (grant) {
                        builder.lookup(MethodHandles.lookup());
                    }
                    return builder.build().fromString("{{ p.name }} ({{ p.title }})")
                            .render(Map.of("p", new Person("Ada", "Dr")));
                }

                public static String page(boolean lookupLoader, String name) {
                    TemplateLoader loader = lookupLoader
                            ? Loaders.module(MethodHandles.lookup(), "templates")
                            : Loaders.module(App.class.getModule(), "templates");
                    return Environment.builder().loader(loader).build().getTemplate(name)
                            .render(Map.of("who", "<world>"));
                }

                public static Environment environment(boolean lookupLoader, boolean reload) {
                    TemplateLoader loader = lookupLoader
                            ? Loaders.module(MethodHandles.lookup(), "templates")
                            : Loaders.module(App.class.getModule(), "templates");
                    return Environment.builder().loader(loader).autoReload(reload).build();
                }

                public static void publicLookup() {
                    Environment.builder().lookup(MethodHandles.publicLookup());
                }
            }
            """;

    private static final String PERSON = """
            package com.example.app.model;

            public record Person(String name, String title) {
            }
            """;

    private final Path classes;

    private UserModule(Path classes) {
        this.classes = classes;
    }

    /** Compiles the application with these lines in its module-info, besides {@code requires kida.engine}. */
    static UserModule compile(Path dir, String... moduleInfoLines) throws IOException {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        String moduleInfo = "module " + NAME + " {\n    requires kida.engine;\n    exports com.example.app;\n"
                + String.join("\n", moduleInfoLines) + "\n}\n";
        List<Path> sources = new ArrayList<>();
        for (Map.Entry<String, String> e : Map.of("module-info.java", moduleInfo,
                "com/example/app/App.java", APP, "com/example/app/model/Person.java", PERSON).entrySet()) {
            Path file = src.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            sources.add(file);
        }
        Path template = classes.resolve("templates/hello.html");
        Files.createDirectories(template.getParent());
        Files.writeString(template, "Hello {{ who }}!");
        Files.writeString(classes.resolve("templates/reload.html"), "one");

        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--module-path",
                location(Environment.class) + java.io.File.pathSeparator + location(KidaException.class),
                "-proc:none", "-Xlint:none"));
        sources.forEach(s -> args.add(s.toString()));
        ToolProvider javac = ToolProvider.findFirst("javac")
                .orElseThrow(() -> new IllegalStateException("javac is not in this JDK's image"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        int status = javac.run(out, out, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("javac failed:\n" + log.toString(StandardCharsets.UTF_8));
        }
        return new UserModule(classes);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A template file of the module's exploded folder, for tests that edit it. */
    Path template(String name) {
        return classes.resolve("templates").resolve(name);
    }

    /** The application's {@code App} class, in a module layer of its own above the boot layer (and its kida.engine). */
    Class<?> load() throws ClassNotFoundException {
        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration().resolve(ModuleFinder.of(classes), ModuleFinder.of(), Set.of(NAME));
        ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
        return layer.findLoader(NAME).loadClass("com.example.app.App");
    }

    /** Calls a static method of {@code App}, rethrowing what it threw. */
    static Object call(Class<?> app, String method, Object... args) throws Throwable {
        for (Method m : app.getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(method);
    }
}
