package dev.kida.engine.runtime.value;

import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.GlobalFunction;

/**
 * A Python built-in method bound to its receiver, such as {@code 'a b'.split} or
 * {@code d.items}: what attribute access returns for the methods of str, dict and list.
 *
 * @param self the receiver
 * @param name the method's name
 * @param body the implementation
 */
public record BuiltinMethod(Object self, String name, Body body) implements GlobalFunction {
    /** A method's implementation: receives the receiver and the call's arguments. */
    @FunctionalInterface
    public interface Body {
        Object call(Object self, CallContext context, Arguments args);
    }

    @Override
    public Object call(CallContext context, Arguments args) {
        return body.call(self, context, args);
    }

    @Override
    public String toString() {
        return "<built-in method " + name + " of " + PyTypes.typeName(self) + " object>";
    }
}
