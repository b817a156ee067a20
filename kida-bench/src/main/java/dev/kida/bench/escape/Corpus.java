package dev.kida.bench.escape;

import java.util.SplittableRandom;

/** The texts escapers are measured on; each is generated deterministically to any length. */
public enum Corpus {
    /** ASCII prose with no special character: the common case, returned as is. */
    CLEAN(0.0, false),
    /** ASCII prose with about 2% special characters. */
    TYPICAL(0.02, false),
    /** Code-like text: about 25% special characters. */
    CODE(0.25, false),
    /** Cyrillic, CJK and emoji prose (a UTF-16 String) with about 2% special characters. */
    UNICODE(0.02, true);

    private static final String SPECIALS = "&<>\"'";
    private static final String CYRILLIC = "абвгдежзийклмнопрстуфхцчшщыэюя";

    private final double specialRate;
    private final boolean wide;

    Corpus(double specialRate, boolean wide) {
        this.specialRate = specialRate;
        this.wide = wide;
    }

    /** A text of exactly {@code length} chars. */
    public String text(int length) {
        SplittableRandom r = new SplittableRandom(length * 31L + ordinal());
        StringBuilder sb = new StringBuilder(length + 8);
        int word = 0;
        while (sb.length() < length) {
            if (r.nextDouble() < specialRate) {
                sb.append(SPECIALS.charAt(r.nextInt(SPECIALS.length())));
            } else if (word > 2 + r.nextInt(8)) {
                sb.append(' ');
                word = 0;
            } else {
                word++;
                if (!wide) {
                    sb.append((char) ('a' + r.nextInt(26)));
                } else {
                    int roll = r.nextInt(10);
                    if (roll < 5) {
                        sb.append(CYRILLIC.charAt(r.nextInt(CYRILLIC.length())));
                    } else if (roll < 9) {
                        sb.append((char) (0x4E00 + r.nextInt(0x2000)));
                    } else {
                        sb.appendCodePoint(0x1F600 + r.nextInt(0x40));
                    }
                }
            }
        }
        sb.setLength(length);
        return sb.toString();
    }
}
