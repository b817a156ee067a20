package dev.kida.api;

/** {@link Translations#none()}: every message untranslated. */
enum NullTranslations implements Translations {
    INSTANCE;

    @Override
    public String gettext(String message) {
        return message;
    }

    @Override
    public String ngettext(String singular, String plural, long n) {
        return n == 1 ? singular : plural;
    }
}
