package dev.kida.engine.i18n;

import dev.kida.api.Translations;

import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Translations from a Java {@link ResourceBundle}: the key is the message itself. Plural forms:
 * the bundle may give gettext's {@code Plural-Forms} expression under the key
 * {@code Plural-Forms} ({@code n != 1} without it); form {@code i} of a message is the key
 * {@code message[i]}, and without those keys the singular message is form 0 and the plural
 * message form 1. A context is written {@code context|message}.
 */
public final class BundleCatalog implements Translations {
    private final ResourceBundle bundle;
    private final PluralForms forms;

    /**
     * @throws IllegalArgumentException when the bundle's Plural-Forms entry is not valid
     */
    public BundleCatalog(ResourceBundle bundle) {
        this.bundle = bundle;
        String header = lookup("Plural-Forms");
        this.forms = header == null ? PluralForms.GERMANIC : PluralForms.parse(header);
    }

    private String lookup(String key) {
        try {
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException | ClassCastException e) {
            return null;
        }
    }

    @Override
    public String gettext(String message) {
        String t = lookup(message);
        return t != null ? t : message;
    }

    @Override
    public String ngettext(String singular, String plural, long n) {
        int i = forms.index(n);
        String t = lookup(singular + "[" + i + "]");
        if (t == null) {
            t = lookup(i == 0 ? singular : plural);
        }
        return t != null ? t : n == 1 ? singular : plural;
    }

    @Override
    public String pgettext(String context, String message) {
        String t = lookup(context + "|" + message);
        return t != null ? t : message;
    }

    @Override
    public String npgettext(String context, String singular, String plural, long n) {
        int i = forms.index(n);
        String t = lookup(context + "|" + singular + "[" + i + "]");
        return t != null ? t : n == 1 ? singular : plural;
    }
}
