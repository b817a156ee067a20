package dev.kida.engine;

import dev.kida.api.KidaException;
import dev.kida.api.Translations;
import dev.kida.engine.i18n.BundleCatalog;
import dev.kida.engine.i18n.MoCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;

/**
 * {@link Translations} for the i18n extension from GNU gettext {@code .mo} files or Java
 * {@link ResourceBundle}s. Every catalogue is read whole when made; all are thread-safe.
 */
public final class Catalogs {
    private Catalogs() {
    }

    /**
     * A compiled gettext catalogue ({@code msgfmt} output).
     *
     * @throws KidaException when the file cannot be read or is not a valid .mo file
     */
    public static Translations mo(Path file) {
        try {
            return MoCatalog.read(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new KidaException("cannot read translations " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new KidaException(e.getMessage(), e);
        }
    }

    /**
     * A gettext catalogue from a stream (read to its end, not closed).
     *
     * @param name for messages
     * @throws KidaException when it cannot be read or is not a valid .mo file
     */
    public static Translations mo(InputStream in, String name) {
        try {
            return MoCatalog.read(in.readAllBytes(), name);
        } catch (IOException e) {
            throw new KidaException("cannot read translations " + name + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new KidaException(e.getMessage(), e);
        }
    }

    /**
     * Every {@code .mo} file directly in {@code folder}, in file name order: a message comes from
     * the first catalogue that translates it.
     *
     * @throws KidaException when the folder has no .mo file or one cannot be read
     */
    public static Translations moFolder(Path folder) {
        List<Translations> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".mo")).sorted().toList()) {
                all.add(mo(f));
            }
        } catch (IOException e) {
            throw new KidaException("cannot list translations folder " + folder + ": " + e.getMessage(), e);
        }
        if (all.isEmpty()) {
            throw new KidaException("no .mo files in translations folder " + folder);
        }
        return all.size() == 1 ? all.getFirst() : new Chain(List.copyOf(all));
    }

    /**
     * A ResourceBundle's messages: keys are the messages themselves; see the class comment of
     * the bundle adapter for plurals ({@code message[i]} keys and an optional {@code Plural-Forms} key)
     * and contexts ({@code context|message}).
     */
    public static Translations bundle(ResourceBundle bundle) {
        try {
            return new BundleCatalog(bundle);
        } catch (IllegalArgumentException e) {
            throw new KidaException("invalid Plural-Forms in resource bundle: " + e.getMessage(), e);
        }
    }

    /** {@link #bundle(ResourceBundle)} for {@code ResourceBundle.getBundle(baseName, locale, loader)}. */
    public static Translations bundle(String baseName, Locale locale, ClassLoader loader) {
        return bundle(ResourceBundle.getBundle(baseName, locale, loader));
    }

    /** Catalogues tried in order (Python's {@code add_fallback}). */
    private record Chain(List<Translations> catalogs) implements Translations {
        @Override
        public String gettext(String message) {
            for (Translations t : catalogs) {
                String s = t.gettext(message);
                if (!s.equals(message)) {
                    return s;
                }
            }
            return message;
        }

        @Override
        public String ngettext(String singular, String plural, long n) {
            String untranslated = n == 1 ? singular : plural;
            for (Translations t : catalogs) {
                String s = t.ngettext(singular, plural, n);
                if (!s.equals(untranslated)) {
                    return s;
                }
            }
            return untranslated;
        }

        @Override
        public String pgettext(String context, String message) {
            for (Translations t : catalogs) {
                String s = t.pgettext(context, message);
                if (!s.equals(message)) {
                    return s;
                }
            }
            return message;
        }

        @Override
        public String npgettext(String context, String singular, String plural, long n) {
            String untranslated = n == 1 ? singular : plural;
            for (Translations t : catalogs) {
                String s = t.npgettext(context, singular, plural, n);
                if (!s.equals(untranslated)) {
                    return s;
                }
            }
            return untranslated;
        }
    }
}
