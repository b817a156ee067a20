package dev.kida.tests.escape;

import java.util.SplittableRandom;

/**
 * The kinds of text the escaper properties run on. Each builds a string of a given length from a
 * seed, so jqwik shrinks a failure by shrinking the length and the seed, and a 1 MiB string costs
 * one pass of a random generator rather than a million generated chars.
 */
enum TextKind {
    /** ASCII prose: letters, spaces, punctuation, and rarely a special character. */
    ASCII_PROSE {
        @Override
        void append(SplittableRandom r, StringBuilder sb) {
            int roll = r.nextInt(100);
            if (roll < 15) {
                sb.append(' ');
            } else if (roll < 20) {
                sb.append(".,;:!?()-0123456789".charAt(r.nextInt(19)));
            } else if (roll < 21) {
                sb.append(SPECIALS.charAt(r.nextInt(5)));
            } else {
                sb.append((char) ('a' + r.nextInt(26)));
            }
        }
    },
    /** Text where about half the chars are {@code & < > " '}. */
    DENSE_SPECIALS {
        @Override
        void append(SplittableRandom r, StringBuilder sb) {
            sb.append(r.nextBoolean() ? SPECIALS.charAt(r.nextInt(5)) : (char) ('a' + r.nextInt(26)));
        }
    },
    /** Any UTF-16: Latin-1, the whole BMP, astral pairs, lone surrogates of both halves, NUL, specials. */
    ARBITRARY_UNICODE {
        @Override
        void append(SplittableRandom r, StringBuilder sb) {
            switch (r.nextInt(10)) {
                case 0 -> sb.append((char) r.nextInt(0x80));
                case 1 -> sb.append((char) r.nextInt(0x100));
                case 2, 3 -> sb.append((char) r.nextInt(0x10000));
                case 4, 5 -> sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
                case 6 -> sb.append((char) (0xD800 + r.nextInt(0x400))); // high half, often unpaired
                case 7 -> sb.append((char) (0xDC00 + r.nextInt(0x400))); // low half, often unpaired
                case 8 -> sb.append('\0');
                default -> sb.append(SPECIALS.charAt(r.nextInt(5)));
            }
        }
    },
    /** Mostly clean non-Latin-1 text (Cyrillic, CJK, emoji) with some specials and NULs. */
    WIDE_PROSE {
        @Override
        void append(SplittableRandom r, StringBuilder sb) {
            int roll = r.nextInt(100);
            if (roll < 40) {
                sb.append((char) (0x0430 + r.nextInt(32)));
            } else if (roll < 70) {
                sb.append((char) (0x4E00 + r.nextInt(0x5000)));
            } else if (roll < 80) {
                sb.appendCodePoint(0x1F600 + r.nextInt(0x50));
            } else if (roll < 95) {
                sb.append(' ');
            } else if (roll < 99) {
                sb.append(SPECIALS.charAt(r.nextInt(5)));
            } else {
                sb.append('\0');
            }
        }
    },

    /**
     * Latin-1 prose for the byte entry point ({@code Escaper.escapeInto}): {@code '?'} often (a
     * copy into bytes writes {@code '?'} for a char it cannot take, so a real one must not be
     * mistaken for it), chars 0x80-0xFF (one byte in Latin-1, not in UTF-8), specials, NUL, and
     * rarely a wider char: ones whose low byte is special or {@code '?'} (U+0126, U+013F,
     * U+0100), a right quote, an astral pair.
     */
    NEAR_LATIN1 {
        @Override
        void append(SplittableRandom r, StringBuilder sb) {
            int roll = r.nextInt(1000);
            if (roll < 60) {
                sb.append('?');
            } else if (roll < 120) {
                sb.append((char) (0x80 + r.nextInt(0x80)));
            } else if (roll < 140) {
                sb.append(SPECIALS.charAt(r.nextInt(5)));
            } else if (roll < 143) {
                sb.append('\0');
            } else if (roll < 145) {
                switch (r.nextInt(5)) {
                    case 0 -> sb.append('\u0126');
                    case 1 -> sb.append('\u013f');
                    case 2 -> sb.append('\u0100');
                    case 3 -> sb.append('\u2019');
                    default -> sb.appendCodePoint(0x1F600 + r.nextInt(0x50));
                }
            } else if (roll < 300) {
                sb.append(' ');
            } else {
                sb.append((char) ('a' + r.nextInt(26)));
            }
        }
    },

    /**
     * Sparse prose and dense stretches in turn, hundreds of chars each: backends that switch
     * strategy with the density of specials must switch back and forth correctly.
     */
    MIXED {
        @Override
        void append(SplittableRandom r, StringBuilder sb) {
            TextKind stretch = r.nextInt(3) == 0 ? DENSE_SPECIALS : ASCII_PROSE;
            for (int i = r.nextInt(1, 600); i > 0; i--) {
                stretch.append(r, sb);
            }
        }
    },
    /**
     * Chars above Latin-1 whose low byte is a special char or NUL (U+0126, U+013C, U+2600, ...),
     * among specials and prose: a backend that scans only the low byte of each char must not take
     * them for specials.
     */
    LOW_BYTE_ALIASES {
        @Override
        void append(SplittableRandom r, StringBuilder sb) {
            int roll = r.nextInt(10);
            if (roll < 4) {
                char low = (SPECIALS + "\0").charAt(r.nextInt(6));
                sb.append((char) (r.nextInt(1, 256) << 8 | low));
            } else if (roll < 5) {
                sb.append(SPECIALS.charAt(r.nextInt(5)));
            } else {
                sb.append((char) ('a' + r.nextInt(26)));
            }
        }
    };

    static final String SPECIALS = "&<>\"'";

    /** Appends one unit of text (a char, a surrogate pair, or for {@link #MIXED} a stretch). */
    abstract void append(SplittableRandom r, StringBuilder sb);

    /** A string of exactly {@code length} chars (a trailing pair may be cut, leaving a lone half). */
    String generate(int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(length + 1);
        while (sb.length() < length) {
            append(r, sb);
        }
        sb.setLength(length);
        return sb.toString();
    }
}
