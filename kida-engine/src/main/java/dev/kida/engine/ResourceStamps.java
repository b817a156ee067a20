package dev.kida.engine;

import java.io.IOException;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Tells a resource's edit without reading it, for auto-reload: by the modification time and size
 * of the file that holds its bytes (its own file in a class-path or module folder, or the jar it
 * is in; a jar's entry cannot change without the jar being written). A resource in the runtime
 * image never changes. Where no such file can be named (another URL scheme), the loader falls
 * back to reading and hashing the content.
 */
final class ResourceStamps {
    private ResourceStamps() {
    }

    /**
     * Where a resource's bytes live.
     *
     * @param file the file whose time and size change when the resource does; null when the
     *             resource never changes (the runtime image)
     */
    record Where(Path file) {
        /** A resource that never changes. */
        static final Where FIXED = new Where(null);

        /** The current stamp; null when the file cannot be read (gone: the resource changed). */
        Stamp stamp() {
            if (file == null) {
                return Stamp.FIXED;
            }
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(attributes.lastModifiedTime().toMillis(), attributes.size());
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** A file's modification time and size at one moment. */
    record Stamp(long modified, long size) {
        static final Stamp FIXED = new Stamp(0, 0);
    }

    /** Where the resource at {@code url} lives; null when it cannot be told. */
    static Where of(URL url) {
        if (url == null) {
            return null;
        }
        try {
            return switch (url.getProtocol()) {
                case "file" -> new Where(Path.of(url.toURI()));
                case "jar" -> {
                    // jar:file:/path/app.jar!/templates/page.html
                    String spec = url.getPath();
                    int bang = spec.indexOf("!/");
                    URI jar = new URI(bang < 0 ? spec : spec.substring(0, bang));
                    yield "file".equals(jar.getScheme()) ? new Where(Path.of(jar)) : null;
                }
                case "jrt" -> Where.FIXED;
                default -> null;
            };
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    /**
     * Where the resource {@code path} of {@code module} lives: for a named module, from the
     * location of its jar or folder; for an unnamed one, from its class loader.
     */
    static Where of(Module module, String path) {
        if (!module.isNamed()) {
            ClassLoader loader = module.getClassLoader();
            return loader == null ? null : of(loader.getResource(path));
        }
        ModuleLayer layer = module.getLayer();
        if (layer == null) {
            return null;
        }
        Optional<URI> location = layer.configuration().findModule(module.getName())
                .map(ResolvedModule::reference).flatMap(reference -> reference.location());
        if (location.isEmpty()) {
            return null;
        }
        URI uri = location.get();
        if ("jrt".equals(uri.getScheme())) {
            return Where.FIXED;
        }
        if (!"file".equals(uri.getScheme())) {
            return null;
        }
        Path where = Path.of(uri);
        return new Where(Files.isDirectory(where) ? where.resolve(path) : where);
    }
}
