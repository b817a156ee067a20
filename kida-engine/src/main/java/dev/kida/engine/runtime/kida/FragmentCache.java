package dev.kida.engine.runtime.kida;

import dev.kida.engine.runtime.Values;
import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.TemplateRuntimeException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The fragment cache behind Kida's {@code {% cache key %}}: one per Environment, shared by all
 * renders and threads. Bounded (least recently used entries go first) and with optional
 * time-to-live per entry. Thread-safe: every access holds the cache's lock, which is short.
 */
public final class FragmentCache {
    /** Entries written without a ttl live until the size bound evicts them. */
    public static final long NO_TTL = -1;
    /** The default bound on the number of entries. */
    public static final int DEFAULT_MAX_ENTRIES = 1000;

    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<String, Cached> entries;

    private record Cached(String text, long expiresAt) {}

    /**
     * @param maxEntries the most entries kept (0 disables the cache: every block renders)
     * @param nanoClock  a monotonic clock in nanoseconds ({@code System::nanoTime}; tests inject one)
     */
    public FragmentCache(int maxEntries, LongSupplier nanoClock) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("fragment cache size must be >= 0 (0 disables it), got " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > FragmentCache.this.maxEntries;
            }
        };
    }

    /** The cached text for {@code key}, or null when absent or expired. */
    public synchronized String get(String key) {
        Cached e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (e.expiresAt != NO_TTL && nanoClock.getAsLong() - e.expiresAt >= 0) {
            entries.remove(key);
            return null;
        }
        return e.text;
    }

    /** Stores rendered text for {@code ttlNanos} nanoseconds ({@link #NO_TTL}: no expiry). */
    public synchronized void put(String key, String text, long ttlNanos) {
        if (maxEntries == 0) {
            return;
        }
        entries.put(key, new Cached(text, ttlNanos == NO_TTL ? NO_TTL : nanoClock.getAsLong() + ttlNanos));
    }

    /** How many entries are held now (expired ones included until read). */
    public synchronized int size() {
        return entries.size();
    }

    /** Drops every entry. */
    public synchronized void clear() {
        entries.clear();
    }

    /**
     * A ttl as Kida writes it, in nanoseconds: a number of seconds ({@code 60}, {@code 1.5}) or a
     * string with a unit ({@code "30s"}, {@code "5m"}, {@code "2h"}, {@code "1d"}; a bare number
     * string is seconds).
     */
    public static long parseTtl(Object ttl) {
        if (ttl instanceof Number n && !(ttl instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            return seconds(n.doubleValue(), ttl);
        }
        if (ttl instanceof CharSequence cs) {
            String s = cs.toString().strip();
            if (!s.isEmpty()) {
                char unit = s.charAt(s.length() - 1);
                long factor = switch (unit) {
                    case 's' -> 1;
                    case 'm' -> 60;
                    case 'h' -> 3600;
                    case 'd' -> 86_400;
                    default -> 0;
                };
                String number = factor == 0 ? s : s.substring(0, s.length() - 1).strip();
                try {
                    return seconds(Double.parseDouble(number) * Math.max(factor, 1), ttl);
                } catch (NumberFormatException e) {
                    // reported below with the accepted forms
                }
            }
        }
        throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                "cache ttl must be seconds or a string such as '30s', '5m', '2h'"
                + " or '1d', got " + Values.repr(ttl));
    }

    private static long seconds(double seconds, Object ttl) {
        if (!(seconds >= 0)) {
            throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                    "cache ttl must not be negative, got " + Values.repr(ttl));
        }
        return (long) Math.min(seconds * TimeUnit.SECONDS.toNanos(1), Long.MAX_VALUE / 2);
    }
}
