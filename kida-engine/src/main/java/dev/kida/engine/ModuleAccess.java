package dev.kida.engine;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;

/**
 * Acting on behalf of a user's module through a {@link MethodHandles.Lookup} it handed over. Two
 * JDK methods, {@link Module#addExports(String, Module)} and {@link Module#getResourceAsStream(String)},
 * check their caller; called through a method handle found with the user's full-privilege lookup,
 * the caller is the user's class, so the engine can export the user's packages to itself and read
 * the user's encapsulated resources without any line in the user's module-info.
 */
final class ModuleAccess {
    private ModuleAccess() {
    }

    /**
     * Exports every package of the lookup's module to this engine, as {@code exports P to
     * kida.engine;} lines would. A no-op for the class path (the unnamed module exports all).
     */
    static void grant(MethodHandles.Lookup lookup) {
        Module module = checked(lookup).lookupClass().getModule();
        if (!module.isNamed()) {
            return;
        }
        Module engine = ModuleAccess.class.getModule();
        MethodHandle addExports = callerSensitive(lookup, "addExports",
                MethodType.methodType(Module.class, String.class, Module.class));
        for (String pkg : module.getPackages()) {
            if (!module.isExported(pkg, engine)) {
                try {
                    Module ignored = (Module) addExports.invokeExact(module, pkg, engine);
                } catch (Throwable e) {
                    throw new IllegalStateException("could not export " + pkg + " of module " + module.getName()
                            + " to " + engine.getName() + " through the given lookup", e);
                }
            }
        }
    }

    /** A resource of the lookup's module, read as that module reads its own resources; null when absent. */
    static InputStream resource(MethodHandles.Lookup lookup, String path) throws IOException {
        Module module = lookup.lookupClass().getModule();
        MethodHandle get = callerSensitive(lookup, "getResourceAsStream",
                MethodType.methodType(InputStream.class, String.class));
        try {
            return (InputStream) get.invokeExact(module, path);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lookup, when it can act for its module: one from {@code MethodHandles.lookup()} in that module. */
    static MethodHandles.Lookup checked(MethodHandles.Lookup lookup) {
        Objects.requireNonNull(lookup, "lookup");
        if (!lookup.hasFullPrivilegeAccess()) {
            throw new IllegalArgumentException("the lookup of " + lookup.lookupClass().getName()
                    + " lacks full privilege access; pass MethodHandles.lookup() called in a class of your own module"
                    + " (not publicLookup(), in(...) or dropLookupMode(...))");
        }
        return lookup;
    }

    private static MethodHandle callerSensitive(MethodHandles.Lookup lookup, String name, MethodType type) {
        try {
            return lookup.findVirtual(Module.class, name, type);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("Module." + name + " is not reachable through the lookup of "
                    + lookup.lookupClass().getName(), e);
        }
    }
}
