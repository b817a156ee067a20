package dev.kida.compiler;

/** The class-file format's size limits that template content can reach. */
final class ConstantPoolLimits {
    /** A CONSTANT_Utf8 entry stores its length in an unsigned 16-bit field (JVMS 4.4.7). */
    static final int MAX_UTF8_BYTES = 65_535;

    private ConstantPoolLimits() {}

    /** Whether {@code s} fits one CONSTANT_Utf8 entry, measured in modified UTF-8. */
    static boolean fitsUtf8Entry(String s) {
        int n = s.length();
        if (n * 3L <= MAX_UTF8_BYTES) {
            return true; // no char takes more than 3 bytes
        }
        if (n > MAX_UTF8_BYTES) {
            return false; // every char takes at least 1 byte
        }
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3; // modified UTF-8 writes NUL in 2 bytes
        }
        return bytes <= MAX_UTF8_BYTES;
    }
}
