package dev.kida.engine.i18n;

import dev.kida.api.Translations;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A GNU gettext {@code .mo} catalogue, read whole into memory: singular messages, plural forms
 * (chosen by the header's {@code Plural-Forms}, {@code n != 1} without one) and contexts
 * ({@code msgctxt}). Immutable and thread-safe once read. Untranslated messages come back
 * unchanged, as with Python's {@code GNUTranslations}.
 */
public final class MoCatalog implements Translations {
    private static final int MAGIC = 0x950412de;
    private static final String CONTEXT_SEPARATOR = "\u0004";

    private final Map<String, String> singular;
    private final Map<String, String[]> plural;
    private final PluralForms pluralForms;
    private final String name;

    private MoCatalog(Map<String, String> singular, Map<String, String[]> plural, PluralForms pluralForms,
                      String name) {
        this.singular = singular;
        this.plural = plural;
        this.pluralForms = pluralForms;
        this.name = name;
    }

    /**
     * Reads a catalogue.
     *
     * @param name for messages: the file name
     * @throws IllegalArgumentException when the bytes are not a valid .mo file, saying why
     */
    public static MoCatalog read(byte[] bytes, String name) {
        if (bytes.length < 20) {
            throw bad(name, "too short for a .mo header");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int magic = buf.getInt(0);
        if (magic != MAGIC) {
            buf.order(ByteOrder.BIG_ENDIAN);
            if (buf.getInt(0) != MAGIC) {
                throw bad(name, "not a GNU gettext catalogue (bad magic number)");
            }
        }
        int major = buf.getInt(4) >>> 16;
        if (major > 1) {
            throw bad(name, "unsupported .mo revision " + major);
        }
        int count = buf.getInt(8);
        int originals = buf.getInt(12);
        int translations = buf.getInt(16);
        Map<String, String> singular = new HashMap<>();
        Map<String, String[]> plural = new HashMap<>();
        Charset charset = StandardCharsets.UTF_8;
        PluralForms forms = PluralForms.GERMANIC;
        for (int i = 0; i < count; i++) {
            byte[] id = slice(bytes, buf, originals + 8 * i, name);
            byte[] str = slice(bytes, buf, translations + 8 * i, name);
            String msgid = new String(id, charset);
            String msgstr = new String(str, charset);
            if (id.length == 0) {
                for (String line : new String(str, StandardCharsets.UTF_8).split("\n")) {
                    int colon = line.indexOf(':');
                    if (colon < 0) {
                        continue;
                    }
                    String key = line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
                    String value = line.substring(colon + 1).strip();
                    if (key.equals("content-type")) {
                        int cs = value.indexOf("charset=");
                        if (cs >= 0) {
                            try {
                                charset = Charset.forName(value.substring(cs + 8).strip());
                            } catch (IllegalArgumentException e) {
                                throw bad(name, "unknown charset in Content-Type: " + value);
                            }
                        }
                    } else if (key.equals("plural-forms")) {
                        try {
                            forms = PluralForms.parse(value);
                        } catch (IllegalArgumentException e) {
                            throw bad(name, e.getMessage());
                        }
                    }
                }
                msgstr = new String(str, charset);
            }
            int nul = msgid.indexOf('\0');
            if (nul >= 0) {
                plural.put(msgid.substring(0, nul), msgstr.split("\0", -1));
            } else {
                singular.put(msgid, msgstr);
            }
        }
        return new MoCatalog(Map.copyOf(singular), Map.copyOf(plural), forms, name);
    }

    private static byte[] slice(byte[] bytes, ByteBuffer buf, int at, String name) {
        if (at < 0 || at + 8 > bytes.length) {
            throw bad(name, "string table outside the file");
        }
        int length = buf.getInt(at);
        int offset = buf.getInt(at + 4);
        if (length < 0 || offset < 0 || (long) offset + length > bytes.length) {
            throw bad(name, "string outside the file");
        }
        byte[] out = new byte[length];
        System.arraycopy(bytes, offset, out, 0, length);
        return out;
    }

    private static IllegalArgumentException bad(String name, String why) {
        return new IllegalArgumentException("invalid .mo file " + name + ": " + why);
    }

    /** The translation of a singular message, or null. */
    String find(String message) {
        String t = singular.get(message);
        if (t == null) {
            String[] forms = plural.get(message);
            int i = pluralForms.index(1);
            if (forms != null && i >= 0 && i < forms.length) {
                t = forms[i];
            }
        }
        return t;
    }

    /** The plural form for n, or null. */
    String findPlural(String singularId, long n) {
        String[] forms = plural.get(singularId);
        if (forms == null) {
            return null;
        }
        int i = pluralForms.index(n);
        return i >= 0 && i < forms.length ? forms[i] : null;
    }

    @Override
    public String gettext(String message) {
        String t = find(message);
        return t != null ? t : message;
    }

    @Override
    public String ngettext(String singularId, String pluralId, long n) {
        String t = findPlural(singularId, n);
        return t != null ? t : n == 1 ? singularId : pluralId;
    }

    @Override
    public String pgettext(String context, String message) {
        String t = find(context + CONTEXT_SEPARATOR + message);
        return t != null ? t : message;
    }

    @Override
    public String npgettext(String context, String singularId, String pluralId, long n) {
        String t = findPlural(context + CONTEXT_SEPARATOR + singularId, n);
        return t != null ? t : n == 1 ? singularId : pluralId;
    }

    @Override
    public String toString() {
        return "MoCatalog[" + name + ", " + singular.size() + " messages, " + plural.size() + " plural, "
                + pluralForms + "]";
    }
}
