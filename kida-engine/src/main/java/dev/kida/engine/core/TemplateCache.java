package dev.kida.engine.core;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates an engine has loaded, by name, at most {@code capacity} of them.
 *
 * <p>A read is one {@link ConcurrentHashMap#get} and, the first time an entry is read after an
 * eviction pass, one plain write of its mark: no lock, no shared counter, so threads reading the
 * same hot templates do not contend. Eviction (only when an insert goes over the bound, on the
 * slow path of a load that has just parsed a template) follows the CLOCK policy: a hand walks the
 * entries, clearing marks; the first entry found unmarked has not been read since the hand last
 * passed it and goes. Templates in use keep their mark and stay. A template evicted or cleared
 * while a caller holds it keeps working: the cache only forgets it.
 */
final class TemplateCache {
    /**
     * A cached unit and whether it was read since the hand last passed. A new entry starts
     * unmarked: a template loaded once and never asked for again is the first to go, and a
     * stream of one-off templates cannot push out the ones in use.
     */
    private static final class Entry {
        final PreparedTemplate unit;
        /** The caller's handle of the unit (Environment's Template), made once with the entry. */
        final Object view;
        volatile boolean used;
        /** When the loader last said this unit is current ({@link System#nanoTime}); loading counts. */
        volatile long checkedAt = System.nanoTime();

        Entry(PreparedTemplate unit, Object view) {
            this.unit = unit;
            this.view = view;
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final int capacity;
    /** The CLOCK hand; guarded by {@code this}. */
    private Iterator<Map.Entry<String, Entry>> hand;

    /** @param capacity how many templates to keep; 0 keeps none */
    TemplateCache(int capacity) {
        this.capacity = capacity;
    }

    /** The cached unit of that name, or null. */
    PreparedTemplate get(String name) {
        Entry e = hit(name);
        return e == null ? null : e.unit;
    }

    /** The handle of the cached unit of that name, or null. */
    Object view(String name) {
        Entry e = hit(name);
        return e == null ? null : e.view;
    }

    /** The handle cached with {@code unit} under that name, or null when another unit (or none) is cached. */
    Object viewOf(String name, PreparedTemplate unit) {
        Entry e = entries.get(name);
        return e != null && e.unit == unit ? e.view : null;
    }

    private Entry hit(String name) {
        Entry e = entries.get(name);
        if (e != null && !e.used) {
            e.used = true;
        }
        return e;
    }

    /**
     * Whether {@code unit}, still the cached one for {@code name}, was found current less than
     * {@code intervalNanos} ago, so that auto-reload need not ask the loader again.
     */
    boolean checkedWithin(String name, PreparedTemplate unit, long intervalNanos) {
        if (intervalNanos <= 0) {
            return false;
        }
        Entry e = entries.get(name);
        return e != null && e.unit == unit && System.nanoTime() - e.checkedAt < intervalNanos;
    }

    /** Notes that the loader has just said {@code unit} is current. */
    void checked(String name, PreparedTemplate unit) {
        Entry e = entries.get(name);
        if (e != null && e.unit == unit) {
            e.checkedAt = System.nanoTime();
        }
    }

    /** Caches a unit, evicting the least recently used ones (approximately) when over the bound. */
    void put(String name, PreparedTemplate unit, Object view) {
        if (capacity == 0) {
            return;
        }
        entries.put(name, new Entry(unit, view));
        if (entries.size() > capacity) {
            evict();
        }
    }

    private synchronized void evict() {
        // Each full turn of the hand clears every mark, so at most two turns find a victim.
        int steps = 2 * entries.size() + 2;
        while (entries.size() > capacity && steps-- > 0) {
            if (hand == null || !hand.hasNext()) {
                hand = entries.entrySet().iterator();
                if (!hand.hasNext()) {
                    return;
                }
            }
            Map.Entry<String, Entry> candidate = hand.next();
            Entry e = candidate.getValue();
            if (e.used) {
                e.used = false;
            } else {
                entries.remove(candidate.getKey(), e);
            }
        }
    }

    /** Forgets every template. */
    void clear() {
        entries.clear();
    }

    /** How many templates are cached. */
    int size() {
        return entries.size();
    }
}
