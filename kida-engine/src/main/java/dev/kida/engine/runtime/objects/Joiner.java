package dev.kida.engine.runtime.objects;

import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.GlobalFunction;

/** {@code joiner(sep=', ')}: returns '' the first time it is called, the separator after. */
public final class Joiner implements GlobalFunction {
    private final String separator;
    private boolean used;

    /** A joiner with the given separator. */
    public Joiner(String separator) {
        this.separator = separator;
    }

    @Override
    public synchronized Object call(CallContext context, Arguments args) {
        args.check("joiner");
        if (!used) {
            used = true;
            return "";
        }
        return separator;
    }
}
