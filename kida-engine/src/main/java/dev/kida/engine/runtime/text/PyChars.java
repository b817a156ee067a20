package dev.kida.engine.runtime.text;

/** Python's character classes (str.isspace, isalpha...) for code points. */
public final class PyChars {
    private PyChars() {
    }

    /** Python's str.isspace() for one code point. */
    public static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85 || (cp >= 0x1c && cp <= 0x1f);
    }

    /** Python's str.isalpha() for one code point. */
    public static boolean isAlpha(int cp) {
        return Character.isLetter(cp);
    }

    /** Python's str.isdigit() (close enough: decimal digits plus superscripts and other digits). */
    public static boolean isDigit(int cp) {
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || (t == Character.OTHER_NUMBER && Character.getNumericValue(cp) >= 0
                && Character.getNumericValue(cp) <= 9);
    }

    /** Python's str.isalnum() for one code point. */
    public static boolean isAlnum(int cp) {
        return isAlpha(cp) || isDigit(cp) || Character.getType(cp) == Character.LETTER_NUMBER
                || Character.getType(cp) == Character.OTHER_NUMBER;
    }

    /** A cased character: has distinct upper/lower forms or is upper/lower/title case. */
    public static boolean isCased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    /** Python's line boundaries for str.splitlines(). */
    public static boolean isLineBreak(int cp) {
        return switch (cp) {
            case '\n', '\r', 0x0b, 0x0c, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029 -> true;
            default -> false;
        };
    }
}
