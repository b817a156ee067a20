package dev.kida.engine.eval;

import dev.kida.api.TemplateTypeException;
import dev.kida.api.Translations;
import dev.kida.engine.Environment;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kida's {@code _()} and {@code _n()} globals (kida-semantics.md, section 15): the identity without
 * translations, the i18n extension's gettext functions with them.
 */
class KidaTranslationGlobalsTest {

    private static String render(Environment env, String source) {
        return env.fromString(source).render(Map.of());
    }

    @Test
    void withoutTranslationsTheMessageItself() {
        Environment env = Environment.builder().build();
        assertEquals("a &amp; b|file|files|files|file",
                render(env, "{{ _('a & b') }}|{{ _n('file', 'files', 1) }}|{{ _n('file', 'files', 2) }}"
                        + "|{{ _n('file', 'files', 0) }}|{{ _n('file', 'files', 1.0) }}"));
    }

    @Test
    void aContextVariableNamedUnderscoreWins() {
        Environment env = Environment.builder().build();
        assertEquals("mine", env.fromString("{{ _ }}").render(Map.of("_", "mine")));
    }

    @Test
    void argumentsAreCheckedAsForPlainFunctions() {
        Environment env = Environment.builder().build();
        TemplateTypeException none = assertThrows(TemplateTypeException.class, () -> render(env, "{{ _() }}"));
        assertTrue(none.getMessage().contains("_() takes 1 positional argument but 0 were given"), none.getMessage());
        assertThrows(TemplateTypeException.class, () -> render(env, "{{ _n('a', 'b') }}"));
        assertThrows(TemplateTypeException.class, () -> render(env, "{{ _('a', x=1) }}"));
    }

    @Test
    void theI18nExtensionTranslatesThroughBoth() {
        Translations german = new Translations() {
            @Override
            public String gettext(String message) {
                return message.equals("Save") ? "Speichern" : message;
            }

            @Override
            public String ngettext(String singular, String plural, long n) {
                return n == 1 ? "eine Datei" : "Dateien";
            }
        };
        Environment env = Environment.builder().translations(german).build();
        assertEquals("Speichern|eine Datei|Dateien",
                render(env, "{{ _('Save') }}|{{ _n('file', 'files', 1) }}|{{ _n('file', 'files', 4) }}"));
    }
}
