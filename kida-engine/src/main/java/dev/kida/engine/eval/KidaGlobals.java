package dev.kida.engine.eval;

import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.GlobalFunction;
import dev.kida.engine.i18n.GettextGlobals;
import dev.kida.engine.runtime.Values;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kida's own globals: {@code consume(key, default=None)}, which needs the running render, and
 * {@code _()}/{@code _n()}, the identity translations (kida-semantics.md, section 15) that the
 * i18n extension's globals replace when it is on (environment globals win over these).
 */
final class KidaGlobals {
    private KidaGlobals() {
    }

    /** Kida's render-bound globals, by name. */
    static final Map<String, Object> ALL = build();

    private static Map<String, Object> build() {
        Map<String, Object> m = new LinkedHashMap<>(GettextGlobals.identity());
        m.put("consume", (GlobalFunction) KidaGlobals::consume);
        return Collections.unmodifiableMap(m);
    }

    /** The innermost value {@code provide}d under the key, or the default (None when not given). */
    private static Object consume(CallContext context, Arguments args) {
        if (!(context instanceof Renderer r)) {
            throw new IllegalStateException("consume() reads the provided values of a running render");
        }
        args.check("consume", "key", "default");
        String key = Values.str(args.require(0, "key"));
        Object fallback = args.get(1, "default", null);
        return r.provided(key, fallback);
    }
}
