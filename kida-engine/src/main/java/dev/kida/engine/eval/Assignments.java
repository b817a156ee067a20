package dev.kida.engine.eval;

import dev.kida.api.TemplateRuntimeException;
import dev.kida.engine.runtime.Namespace;
import dev.kida.engine.runtime.Undefined;

/** {@code set obj.attr = value}: allowed on {@code namespace()} objects only, as in Jinja2. */
final class Assignments {
    private Assignments() {
    }

    static void setAttribute(Object target, String attr, Object value) {
        if (target instanceof Undefined u) {
            throw u.fail();
        }
        if (target instanceof Namespace ns) {
            ns.set(attr, value);
            return;
        }
        throw new TemplateRuntimeException("cannot assign attribute on non-namespace object");
    }
}
