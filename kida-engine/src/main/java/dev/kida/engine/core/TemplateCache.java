package dev.kida.engine.core;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates an engine has loaded, by name, at most {@code capacity} of them.
 *
 * <p>A read of a cached template's handle ({@link #views}: the whole of {@code getTemplate} when
 * auto-reload is off) is one {@link ConcurrentHashMap#get} of a map from name to handle: no lock,
 * no counter, no write. Eviction (only when an insert goes over the bound, on the slow path of a
 * load that has just parsed a template) follows the CLOCK policy over marks that renders set
 * ({@link CompilationState#noteRun}) and loads from the cache set ({@link #get}): a hand walks the
 * entries, clearing marks; the first entry found unmarked has not run since the hand last passed
 * it and goes. Templates in use keep their mark and stay. A template evicted or cleared while a
 * caller holds it keeps working: the cache only forgets it.
 *
 * <p>Why the handles have a map of their own, and the marks are not set on a read: the issue-9
 * target is a lookup within 10% of a bare {@code ConcurrentHashMap} with 16 threads. With the
 * handle and its mark in a per-entry object, every read went map node, entry, handle and tested
 * the mark: a dependent load more than the bare map, which was about half of the gap
 * (docs/performance.md, "Template cache"). A render touches the template's state anyway, so
 * marking there costs nothing measurable.
 */
final class TemplateCache {
    /** What the reload path needs besides the handle: the unit and when the loader last vouched for it. */
    private static final class Entry {
        final PreparedTemplate unit;
        final Object view;
        /** When the loader last said this unit is current ({@link System#nanoTime}); loading counts. */
        volatile long checkedAt = System.nanoTime();

        Entry(PreparedTemplate unit, Object view) {
            this.unit = unit;
            this.view = view;
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** The same names to the entries' handles; written only together with {@link #entries}, under the lock. */
    private final ConcurrentHashMap<String, Object> views = new ConcurrentHashMap<>();
    private final int capacity;
    /** The CLOCK hand; guarded by {@code this}. */
    private Iterator<Map.Entry<String, Entry>> hand;

    /** @param capacity how many templates to keep; 0 keeps none */
    TemplateCache(int capacity) {
        this.capacity = capacity;
    }

    /** The cached unit of that name (marked used), or null. */
    PreparedTemplate get(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            return null;
        }
        e.unit.compilation().markUsed();
        return e.unit;
    }

    /** The live map from name to handle of the cached units, read-only to callers. */
    Map<String, Object> views() {
        return views;
    }

    /** The handle cached with {@code unit} under that name, or null when another unit (or none) is cached. */
    Object viewOf(String name, PreparedTemplate unit) {
        Entry e = entries.get(name);
        return e != null && e.unit == unit ? e.view : null;
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

    /**
     * Caches a unit, evicting the least recently used ones (approximately) when over the bound.
     * A new unit starts unmarked: a template loaded once and never run or asked for again is the
     * first to go, and a stream of one-off templates cannot push out the ones in use.
     */
    synchronized void put(String name, PreparedTemplate unit, Object view) {
        if (capacity == 0) {
            return;
        }
        // Both maps under the lock, so an eviction pass never leaves a handle whose entry it removed.
        entries.put(name, new Entry(unit, view));
        views.put(name, view);
        if (entries.size() > capacity) {
            evict();
        }
    }

    private void evict() {
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
            CompilationState state = candidate.getValue().unit.compilation();
            if (state.used()) {
                state.clearUsed();
            } else {
                entries.remove(candidate.getKey());
                views.remove(candidate.getKey());
            }
        }
    }

    /** Forgets every template. */
    synchronized void clear() {
        entries.clear();
        views.clear();
    }

    /** How many templates are cached. */
    int size() {
        return entries.size();
    }
}
