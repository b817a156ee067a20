package dev.kida.engine.output;

/**
 * Static template text together with its UTF-8 encoding, made once when a template is compiled:
 * what compiled code appends through {@link Output#appendStatic(PreEncodedText)}. One class-data
 * constant carries both forms, so the text is not also a string in the class's constant pool
 * (each one a symbol the JVM hashes when it defines the class).
 *
 * @param text the text, without surrogate chars (such text is appended as a String instead, see
 *             {@link Output#appendStatic(String, byte[])})
 * @param utf8 its UTF-8 encoding; never modified
 */
public record PreEncodedText(String text, byte[] utf8) {
}
