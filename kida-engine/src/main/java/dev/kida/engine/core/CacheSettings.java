package dev.kida.engine.core;

/**
 * How an engine caches the templates it loads.
 *
 * @param size       how many templates are kept (0: none, every load parses again)
 * @param autoReload whether a cached template is checked against its loader at every load (a
 *                   file's modification time, a resource's content) and loaded again when it
 *                   changed; off, a cached template is used with no check at all
 * @param store      compiled templates to use instead of parsing, and to offer parsed ones to
 * @param reloadCheckNanos with auto-reload on, how long a template found current stays trusted
 *                   without asking the loader again (0: asked at every load, as Jinja2 does)
 */
public record CacheSettings(int size, boolean autoReload, CompiledStore store, long reloadCheckNanos) {
    /** Jinja2's defaults: 400 templates, reload on; no compiled store. */
    public static final CacheSettings DEFAULT = new CacheSettings(400, true, CompiledStore.NONE, 0);

    /** Checks the size and the interval. */
    public CacheSettings {
        if (size < 0) {
            throw new IllegalArgumentException("cache size must be 0 or more, not " + size);
        }
        if (reloadCheckNanos < 0) {
            throw new IllegalArgumentException("the reload check interval must be 0 or more, not " + reloadCheckNanos);
        }
    }

    /** Settings that ask the loader at every load when auto-reload is on. */
    public CacheSettings(int size, boolean autoReload, CompiledStore store) {
        this(size, autoReload, store, 0);
    }
}
