package dev.kida.engine.eval;

/**
 * How an engine caches the templates it loads.
 *
 * @param size       how many templates are kept (0: none, every load parses again)
 * @param autoReload whether a cached template is checked against its loader at every load (a
 *                   file's modification time, a resource's content) and loaded again when it
 *                   changed; off, a cached template is used with no check at all
 * @param store      compiled templates to use instead of parsing, and to offer parsed ones to
 */
public record CacheSettings(int size, boolean autoReload, CompiledStore store) {
    /** Jinja2's defaults: 400 templates, reload on; no compiled store. */
    public static final CacheSettings DEFAULT = new CacheSettings(400, true, CompiledStore.NONE);

    /** Checks the size. */
    public CacheSettings {
        if (size < 0) {
            throw new IllegalArgumentException("cache size must be 0 or more, not " + size);
        }
    }
}
