package dev.kida.engine.runtime.value;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;

/**
 * Why a Java object's attribute is missing when the JVM's module system, not the object, is the
 * reason: its class has the member, but its package is not exported to the engine (or the class
 * is not public). The hint names the module-info line or the builder call that fixes it, so the
 * error does not send the user looking for a typo.
 */
final class Encapsulation {
    private Encapsulation() {
    }

    /** A sentence to append to "has no attribute" for {@code owner}, or the empty string. */
    static String hint(Object owner, String name) {
        if (owner == null || name.isEmpty()) {
            return "";
        }
        Class<?> type = owner.getClass();
        Module module = type.getModule();
        Module engine = Encapsulation.class.getModule();
        if (!module.isNamed() || module == engine || isPlatform(module) || !hasMember(type, name)) {
            return "";
        }
        String pkg = type.getPackageName();
        if (!Modifier.isPublic(type.getModifiers())) {
            return " (" + type.getName() + " has it, but templates read public classes only: make the class public)";
        }
        if (module.isExported(pkg, engine)) {
            return "";
        }
        String to = engine.isNamed() ? " to " + engine.getName() : "";
        return " (" + type.getName() + " has it, but module " + module.getName() + " does not export package "
                + pkg + " to the engine: add \"exports " + pkg + to + ";\" to its module-info.java, or build the"
                + " Environment with .lookup(MethodHandles.lookup()) called in that module)";
    }

    private static boolean isPlatform(Module module) {
        String n = module.getName();
        return n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("kida.");
    }

    /** Whether the class declares a public member the attribute rules would use, were it reachable. */
    private static boolean hasMember(Class<?> type, String name) {
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                if (rc.getName().equals(name)) {
                    return true;
                }
            }
        }
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method m : type.getMethods()) {
            String n = m.getName();
            if (!Modifier.isStatic(m.getModifiers())
                    && (n.equals(name) || (m.getParameterCount() == 0 && (n.equals("get" + cap) || n.equals("is" + cap))))) {
                return true;
            }
        }
        try {
            return !Modifier.isStatic(type.getField(name).getModifiers());
        } catch (NoSuchFieldException e) {
            return false;
        }
    }
}
