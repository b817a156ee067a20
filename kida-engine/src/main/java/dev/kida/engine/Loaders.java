package dev.kida.engine;

import dev.kida.api.KidaException;
import dev.kida.api.TemplateLoader;
import dev.kida.api.TemplateSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ready-made {@link TemplateLoader}s. */
public final class Loaders {
    private Loaders() {
    }

    /**
     * Templates from files under {@code root}. Names are relative paths with {@code /}; a name
     * that would leave the root ({@code ..}, absolute) is not found. Edited files are reloaded.
     */
    public static TemplateLoader fileSystem(Path root) {
        Path base = root.toAbsolutePath().normalize();
        return new TemplateLoader() {
            @Override
            public Optional<TemplateSource> load(String name) {
                Path file = resolve(name);
                if (file == null || !Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    long version = Files.getLastModifiedTime(file).toMillis();
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    return Optional.of(new TemplateSource(name, text, file.toString(), version));
                } catch (NoSuchFileException e) {
                    return Optional.empty();
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

    /**
     * Templates from class-path or module resources under {@code prefix} (e.g. {@code "templates"}),
     * looked up with the given class loader. For a named module, open the package or use
     * {@link #module(Module, String)}. A template's version is a hash of its content, so that with
     * auto-reload on (see {@code Environment.Builder.autoReload}) an edited resource, in an
     * exploded class-path directory during development, is loaded again.
     */
    public static TemplateLoader classpath(ClassLoader classLoader, String prefix) {
        String dir = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        return new ResourceLoader("classpath:" + dir, name -> classLoader.getResourceAsStream(dir + name));
    }

    /**
     * Templates from the resources of a named module, under {@code prefix}; versioned by content
     * like {@link #classpath(ClassLoader, String)}.
     */
    public static TemplateLoader module(Module module, String prefix) {
        String dir = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        return new ResourceLoader("module:" + module.getName() + "/" + dir, name -> module.getResourceAsStream(dir + name));
    }

    /** Opens a resource by template name; null when there is none. */
    @FunctionalInterface
    private interface ResourceOpener {
        InputStream open(String name) throws IOException;
    }

    /** Resources as templates, each versioned by a hash of its bytes. */
    private record ResourceLoader(String origin, ResourceOpener opener) implements TemplateLoader {
        @Override
        public Optional<TemplateSource> load(String name) {
            byte[] bytes = read(name);
            return bytes == null ? Optional.empty() : Optional.of(new TemplateSource(name,
                    new String(bytes, StandardCharsets.UTF_8), origin + name, contentVersion(bytes)));
        }

        @Override
        public boolean isCurrent(String name, long version) {
            byte[] bytes = read(name);
            return bytes != null && contentVersion(bytes) == version;
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

    /** Asks each loader in turn; the first that has the name wins. */
    public static TemplateLoader choice(TemplateLoader... loaders) {
        List<TemplateLoader> list = List.copyOf(new ArrayList<>(List.of(loaders)));
        return new TemplateLoader() {
            @Override
            public Optional<TemplateSource> load(String name) {
                for (TemplateLoader loader : list) {
                    Optional<TemplateSource> found = loader.load(name);
                    if (found.isPresent()) {
                        return found;
                    }
                }
                return Optional.empty();
            }

            @Override
            public boolean isCurrent(String name, long version) {
                for (TemplateLoader loader : list) {
                    if (loader.load(name).isPresent()) {
                        return loader.isCurrent(name, version);
                    }
                }
                return false;
            }
        };
    }

    /** A loader that has no templates: the default, so {@code fromString} works without one. */
    public static TemplateLoader none() {
        return name -> Optional.empty();
    }
}
