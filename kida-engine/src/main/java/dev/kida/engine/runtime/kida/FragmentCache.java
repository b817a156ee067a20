package dev.kida.engine.runtime.kida;

import dev.kida.engine.runtime.Values;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
     * string with an optional unit ({@code "30s"}, {@code "5m"}, {@code "2h"}, {@code "1d"}; a bare
     * number string is seconds). Like Kida's own coercion, anything else (none, a boolean, a
     * negative number, text that is not a duration) means no expiry rather than an error: the
     * ttl never changes what the block outputs.
     */
    public static long parseTtl(Object ttl) {
        if (ttl == null || ttl instanceof Boolean) {
            return NO_TTL;
        }
        if (ttl instanceof Number n) {
            return seconds(n.doubleValue());
        }
        Matcher m = DURATION.matcher(Values.str(ttl));
        if (!m.matches()) {
            return NO_TTL;
        }
        long factor = switch (Character.toLowerCase(m.group(3).isEmpty() ? 's' : m.group(3).charAt(0))) {
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86_400;
            default -> 1;
        };
        String fraction = m.group(2) == null ? "" : "." + asciiDigits(m.group(2));
        return seconds(Double.parseDouble(asciiDigits(m.group(1)) + fraction) * factor);
    }

    /** Kida's duration text: digits, an optional fraction, an optional unit, blanks around. */
    private static final Pattern DURATION = Pattern.compile(
            "\\s*(\\d+)(?:\\.(\\d+))?\\s*([smhdSMHD]?)\\s*", Pattern.UNICODE_CHARACTER_CLASS);

    /** Python's float() reads any Unicode decimal digit, Java's parser only ASCII ones. */
    private static String asciiDigits(String digits) {
        StringBuilder b = new StringBuilder(digits.length());
        digits.codePoints().forEach(cp -> b.append((char) ('0' + Character.digit(cp, 10))));
        return b.toString();
    }

    private static long seconds(double seconds) {
        if (!(seconds >= 0)) {
            return NO_TTL;
        }
        return (long) Math.min(seconds * TimeUnit.SECONDS.toNanos(1), Long.MAX_VALUE / 2);
    }
}
