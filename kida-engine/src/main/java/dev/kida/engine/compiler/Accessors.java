package dev.kida.engine.compiler;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;

/**
 * Direct accessors for attribute call sites: only where {@code Values.getAttr} is known to return
 * exactly what the accessor returns. Anything else (maps, engine objects, undefined members)
 * stays on the generic path.
 */
final class Accessors {
    private Accessors() {
    }

    /** A handle {@code (C)Object} reading attribute {@code name} of instances of {@code cls}, or null. */
    static MethodHandle find(Class<?> cls, String name) {
        if (!cls.isRecord() || !Modifier.isPublic(cls.getModifiers())) {
            return null;
        }
        for (RecordComponent c : cls.getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return MethodHandles.publicLookup().unreflect(c.getAccessor());
                } catch (IllegalAccessException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
