package dev.kida.engine;

import dev.kida.api.KidaException;
import dev.kida.api.TemplateSecurityException;
import dev.kida.api.TemplateLoader;
import dev.kida.api.TemplateSource;
import dev.kida.engine.files.TextFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Ready-made {@link TemplateLoader}s. */
public final class Loaders {
    private Loaders() {
    }

    /**
     * Templates from files under {@code root}. Names are relative paths with {@code /}; a name
     * that would leave the root ({@code ..}, absolute) is not found, and a file whose real
     * location is outside the root (through a symbolic link) is refused with a
     * {@link TemplateSecurityException}, as Kida does. Edited files are reloaded.
     */
    public static TemplateLoader fileSystem(Path root) {
        return fileSystem(root, false);
    }

    /**
     * As {@link #fileSystem(Path)}; with {@code followLinksOutsideRoot}, symbolic links that lead
     * out of the root are followed (Jinja2's behaviour), for template folders assembled from
     * links the application trusts.
     */
    public static TemplateLoader fileSystem(Path root, boolean followLinksOutsideRoot) {
        Path base = root.toAbsolutePath().normalize();
        return new TemplateLoader() {
            @Override
            public Optional<TemplateSource> load(String name) {
                Path file = resolve(name);
                if (file == null) {
                    return Optional.empty();
                }
                // java.io.File's checks: each one native call, where the NIO attribute views run
                // some hundred times more Java code in a fresh JVM's interpreter (a cold render
                // loads three templates; docs/performance.md, "Cold start", session 20).
                java.io.File asFile = file.toFile();
                if (!asFile.isFile()) {
                    return Optional.empty();
                }
                if (!followLinksOutsideRoot) {
                    requireInside(name, file);
                }
                try {
                    long version = asFile.lastModified();
                    String text = readUtf8(file);
                    if (text == null) {
                        return Optional.empty(); // deleted since the check
                    }
                    return Optional.of(new TemplateSource(name, text, file.toString(), version));
                } catch (CharacterCodingException e) {
                    // A binary file (an image beside the templates) or another encoding: say so
                    // instead of the decoder's bare "Input length = 1".
                    throw new KidaException("cannot read template '" + name + "' from " + file
                            + ": it is not UTF-8 text (templates are read as UTF-8)", e);
                } catch (IOException e) {
                    throw new KidaException("cannot read template '" + name + "' from " + file, e);
                }
            }

            @Override
            public boolean isCurrent(String name, long version) {
                Path file = resolve(name);
                try {
                    return file != null && Files.getLastModifiedTime(file).toMillis() == version;
                } catch (IOException e) {
                    return false;
                }
            }

            /** Refuses a file whose real path (links resolved) is not under the root's real path. */
            private void requireInside(String name, Path file) {
                try {
                    if (!file.toRealPath().startsWith(base.toRealPath())) {
                        throw new TemplateSecurityException("template '" + name + "' resolves outside the template"
                                + " folder " + base + " (through a symbolic link); to follow such links, use"
                                + " Loaders.fileSystem(root, true)");
                    }
                } catch (IOException e) {
                    throw new KidaException("cannot resolve template '" + name + "' under " + base, e);
                }
            }

            private Path resolve(String name) {
                if (name.isEmpty() || name.startsWith("/") || name.contains("\\")) {
                    return null;
                }
                Path file = base.resolve(name).normalize();
                return file.startsWith(base) ? file : null;
            }

            @Override
            public String toString() {
                return "fileSystem(" + base + ")";
            }
        };
    }

    /** The file's text, which must be UTF-8, or null when there is no such file. */
    static String readUtf8(Path file) throws IOException {
        try (InputStream in = TextFiles.openIfPresent(file)) {
            return in == null ? null : TextFiles.decodeUtf8(in.readAllBytes());
        }
    }

    /**
     * Templates from class-path resources under {@code prefix} (e.g. {@code "templates"}), looked up
     * with the given class loader. In a named module, a class loader finds a resource in a folder
     * whose name is a valid package name ({@code templates/}, {@code web/pages/}) only when that
     * module opens the package to everyone ({@code opens templates;}, not {@code opens ... to
     * kida.engine}); for the resources of your own module prefer {@link #module(MethodHandles.Lookup,
     * String)}, which needs no {@code opens} at all. A template's version is a hash of its content;
     * with auto-reload on (see {@code Environment.Builder.autoReload}) an edited resource, in an
     * exploded class-path directory during development, is loaded again. Seeing an edit costs one
     * file-status call: the modification time and size of the resource's file, or of the jar it is
     * in (the content is read again only when those changed).
     */
    public static TemplateLoader classpath(ClassLoader classLoader, String prefix) {
        String dir = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        return new ResourceLoader("classpath:" + dir, name -> classLoader.getResourceAsStream(dir + name),
                name -> ResourceStamps.of(classLoader.getResource(dir + name)));
    }

    /**
     * Templates from the resources of a named module, under {@code prefix}; versioned by content
     * like {@link #classpath(ClassLoader, String)}. The engine reads them from outside the module,
     * so a folder whose name is a package name must be opened to it: {@code opens templates to
     * kida.engine;} in that module's module-info. Without it, loading fails with a
     * {@link KidaException} that names the missing line. {@link #module(MethodHandles.Lookup, String)}
     * needs no {@code opens}.
     */
    public static TemplateLoader module(Module module, String prefix) {
        String dir = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        return new ResourceLoader("module:" + module.getName() + "/" + dir, name -> {
            InputStream in = module.getResourceAsStream(dir + name);
            if (in == null) {
                checkOpen(module, dir + name);
            }
            return in;
        }, name -> ResourceStamps.of(module, dir + name));
    }

    /**
     * Templates from the resources of your own module, under {@code prefix}, read as your module
     * reads them: pass {@code MethodHandles.lookup()} called in a class of that module, and no
     * {@code opens} line is needed. Versioned by content like {@link #classpath(ClassLoader, String)}.
     *
     * @throws IllegalArgumentException when the lookup lacks full privilege access
     */
    public static TemplateLoader module(MethodHandles.Lookup lookup, String prefix) {
        MethodHandles.Lookup own = ModuleAccess.checked(lookup);
        String dir = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        Module module = own.lookupClass().getModule();
        return new ResourceLoader("module:" + module.getName() + "/" + dir,
                name -> ModuleAccess.resource(own, dir + name), name -> ResourceStamps.of(module, dir + name));
    }

    /**
     * A resource the engine could not see: when its folder is a package of the module that is not
     * open to the engine, the template may well be there, so say which line is missing instead of
     * "not found".
     */
    private static void checkOpen(Module module, String path) {
        int slash = path.lastIndexOf('/');
        if (!module.isNamed() || slash <= 0) {
            return;
        }
        String pkg = path.substring(0, slash).replace('/', '.');
        Module engine = Loaders.class.getModule();
        if (module.getPackages().contains(pkg) && !module.isOpen(pkg, engine)) {
            // The engine on the class path is no module a qualified opens could name.
            String to = engine.isNamed() ? " to " + engine.getName() : "";
            throw new KidaException("cannot read template resource '" + path + "' of module " + module.getName()
                    + ": the folder is the package " + pkg + ", which the module does not open to the engine"
                    + ". Add \"opens " + pkg + to + ";\" to the module-info.java of " + module.getName()
                    + ", or load with Loaders.module(MethodHandles.lookup(), prefix) called in that module");
        }
    }

    /** Opens a resource by template name; null when there is none. */
    @FunctionalInterface
    private interface ResourceOpener {
        InputStream open(String name) throws IOException;
    }

    /** Names the file whose time and size change with a resource; null when there is none to name. */
    @FunctionalInterface
    private interface ResourceLocator {
        ResourceStamps.Where locate(String name);
    }

    /**
     * Resources as templates, each versioned by a hash of its bytes. Freshness is checked by the
     * stamp (time and size) of the file holding the resource, remembered at each read: the same
     * stamp means the same bytes, and only a changed stamp (or a resource whose file cannot be
     * named) costs reading and hashing the content again.
     */
    private static final class ResourceLoader implements TemplateLoader {
        /** What a read saw: the content's version and the stamp taken just before reading it. */
        private record Seen(long version, ResourceStamps.Where where, ResourceStamps.Stamp stamp) {
        }

        private final String origin;
        private final ResourceOpener opener;
        private final ResourceLocator locator;
        private final ConcurrentHashMap<String, Seen> seen = new ConcurrentHashMap<>();

        ResourceLoader(String origin, ResourceOpener opener, ResourceLocator locator) {
            this.origin = origin;
            this.opener = opener;
            this.locator = locator;
        }

        @Override
        public Optional<TemplateSource> load(String name) {
            if (name.contains("..")) {
                return Optional.empty();
            }
            // The stamp before the read: an edit racing with it shows as a changed stamp later.
            ResourceStamps.Where where = locator.locate(name);
            ResourceStamps.Stamp stamp = where == null ? null : where.stamp();
            byte[] bytes = read(name);
            if (bytes == null) {
                seen.remove(name);
                return Optional.empty();
            }
            long version = contentVersion(bytes);
            remember(name, version, where, stamp);
            return Optional.of(new TemplateSource(name, new String(bytes, StandardCharsets.UTF_8), origin + name,
                    version));
        }

        @Override
        public boolean isCurrent(String name, long version) {
            Seen last = seen.get(name);
            if (last != null && last.version() == version && last.stamp() != null
                    && last.stamp().equals(last.where().stamp())) {
                return true;
            }
            ResourceStamps.Where where = locator.locate(name);
            ResourceStamps.Stamp stamp = where == null ? null : where.stamp();
            byte[] bytes = read(name);
            if (bytes == null || contentVersion(bytes) != version) {
                return false;
            }
            // Touched but not changed: remember the new stamp, so the next check is cheap again.
            remember(name, version, where, stamp);
            return true;
        }

        private void remember(String name, long version, ResourceStamps.Where where, ResourceStamps.Stamp stamp) {
            if (where != null && stamp != null) {
                seen.put(name, new Seen(version, where, stamp));
            } else {
                seen.remove(name);
            }
        }

        private byte[] read(String name) {
            if (name.contains("..")) {
                return null;
            }
            try (InputStream in = opener.open(name)) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return origin;
        }
    }

    /** A 64-bit FNV-1a hash of the bytes: a resource's version, which changes when it is edited. */
    static long contentVersion(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    /** Templates from an in-memory map of name to source; the map is copied. */
    public static TemplateLoader map(Map<String, String> templates) {
        Map<String, String> copy = Map.copyOf(templates);
        return name -> Optional.ofNullable(copy.get(name))
                .map(src -> new TemplateSource(name, src, "memory:" + name, 0));
    }

    /**
     * Asks each loader in turn; the first that has the name wins. A template's freshness is asked
     * of the loader that gave it (as Jinja2's {@code ChoiceLoader} does).
     */
    public static TemplateLoader choice(TemplateLoader... loaders) {
        List<TemplateLoader> list = List.copyOf(new ArrayList<>(List.of(loaders)));
        ConcurrentHashMap<String, TemplateLoader> gaveIt = new ConcurrentHashMap<>();
        return new TemplateLoader() {
            @Override
            public Optional<TemplateSource> load(String name) {
                for (TemplateLoader loader : list) {
                    Optional<TemplateSource> found = loader.load(name);
                    if (found.isPresent()) {
                        gaveIt.put(name, loader);
                        return found;
                    }
                }
                gaveIt.remove(name);
                return Optional.empty();
            }

            @Override
            public boolean isCurrent(String name, long version) {
                TemplateLoader loader = gaveIt.get(name);
                return loader != null && loader.isCurrent(name, version);
            }
        };
    }

    /** A loader that has no templates: the default, so {@code fromString} works without one. */
    public static TemplateLoader none() {
        return name -> Optional.empty();
    }
}
