package dev.kida.api;

/**
 * Message catalogues for the i18n extension ({@code {% trans %}}, {@code _()}, {@code gettext()},
 * {@code ngettext()}, {@code pgettext()}, {@code npgettext()}), as Python's {@code gettext}
 * translations objects are for Jinja2. A message without a translation comes back unchanged
 * (singular when {@code n} is 1, plural otherwise). Implementations must be thread-safe.
 */
public interface Translations {

    /** The translation of {@code message}, or {@code message}. */
    String gettext(String message);

    /** The form of {@code singular}/{@code plural} for the count {@code n}. */
    String ngettext(String singular, String plural, long n);

    /** The translation of {@code message} in {@code context}, or {@code message}. */
    default String pgettext(String context, String message) {
        return message;
    }

    /** The form for the count {@code n} in {@code context}. */
    default String npgettext(String context, String singular, String plural, long n) {
        return n == 1 ? singular : plural;
    }

    /** The identity: Jinja2's {@code install_null_translations}. */
    static Translations none() {
        return NullTranslations.INSTANCE;
    }
}
