package dev.kida.api;

/**
 * A template's text as a loader found it.
 *
 * @param name     the name it was asked for
 * @param source   the template text
 * @param origin   where it came from (a path, a URL, "memory"), for messages
 * @param version  a value that changes when the source changes (e.g. a modification time), so a
 *                 cache can tell a stale entry; 0 when the source never changes
 */
public record TemplateSource(String name, String source, String origin, long version) {
}
