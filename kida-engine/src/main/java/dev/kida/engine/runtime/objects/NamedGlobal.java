package dev.kida.engine.runtime.objects;

import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.GlobalFunction;

/**
 * A built-in global that prints as Python prints the class behind it ({@code <class 'range'>}).
 *
 * @param repr     what {@code str()} of the global gives
 * @param function the implementation
 */
record NamedGlobal(String repr, GlobalFunction function) implements GlobalFunction {
    @Override
    public Object call(CallContext context, Arguments args) {
        return function.call(context, args);
    }

    @Override
    public String toString() {
        return repr;
    }
}
