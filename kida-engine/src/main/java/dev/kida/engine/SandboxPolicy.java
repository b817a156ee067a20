package dev.kida.engine;

import dev.kida.engine.runtime.value.Sandbox;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a sandboxed environment ({@link Environment.Builder#sandbox(SandboxPolicy)}) lets templates
 * written by untrusted authors do, in the spirit of Jinja2's SandboxedEnvironment and
 * ImmutableSandboxedEnvironment together. By default ({@link #defaults()}):
 * <ul>
 *   <li>templates hold, print and read the properties (record components, getters, public
 *       fields) of JDK value types (strings, numbers, {@code java.time}, UUID, Locale, Optional),
 *       collections and the application's own records, beans and enums; nothing from
 *       {@code java.io}, {@code java.nio.file}, {@code java.net}, {@code java.lang.reflect},
 *       {@code java.lang.invoke}, {@code java.util.concurrent}, threads, processes or class loading;
 *   <li>they call Java methods only of {@code java.time} values and Optional (immutable), and of
 *       the types and names {@link #allowMethods} adds;
 *   <li>list and dict methods that change them ({@code append}, {@code update}...) are refused;
 *   <li>functions the application supplied (globals, context values) are not called unless
 *       allowed; filters and tests registered on the environment are;
 *   <li>the limits are {@link Limits#sandbox()}.
 * </ul>
 * A violation raises {@link dev.kida.api.TemplateSecurityException} with the template, line and
 * column. Immutable: each method returns a new policy.
 */
public final class SandboxPolicy {
    private final Set<Class<?>> types;
    private final Map<Class<?>, Set<String>> methods;
    private final boolean mutation;
    private final boolean hostFunctions;
    private final Set<String> functions;
    private final Limits limits;

    private SandboxPolicy(Set<Class<?>> types, Map<Class<?>, Set<String>> methods, boolean mutation,
                          boolean hostFunctions, Set<String> functions, Limits limits) {
        this.types = Set.copyOf(types);
        this.methods = Map.copyOf(methods);
        this.mutation = mutation;
        this.hostFunctions = hostFunctions;
        this.functions = Set.copyOf(functions);
        this.limits = limits;
    }

    /** The default sandbox (see the class comment). */
    public static SandboxPolicy defaults() {
        return new SandboxPolicy(Set.of(), Map.of(), false, false, Set.of(), Limits.sandbox());
    }

    /**
     * Also allows values of {@code type} and its subtypes (holding, printing, reading properties).
     * A refused type (class machinery, threads, processes) stays refused.
     */
    public SandboxPolicy allowType(Class<?> type) {
        Set<Class<?>> t = new LinkedHashSet<>(types);
        t.add(Objects.requireNonNull(type, "type"));
        return new SandboxPolicy(t, methods, mutation, hostFunctions, functions, limits);
    }

    /** Lets templates call the methods {@code names} ({@code "*"}: all public methods) of {@code type} and subtypes. */
    public SandboxPolicy allowMethods(Class<?> type, String... names) {
        Map<Class<?>, Set<String>> m = new HashMap<>(methods);
        Set<String> set = new HashSet<>(m.getOrDefault(Objects.requireNonNull(type, "type"), Set.of()));
        set.addAll(Set.of(names));
        m.put(type, set);
        return allowType(type).with(m);
    }

    private SandboxPolicy with(Map<Class<?>, Set<String>> m) {
        return new SandboxPolicy(types, m, mutation, hostFunctions, functions, limits);
    }

    /** Lets list and dict methods change their receiver ({@code append}, {@code update}, {@code pop}...). */
    public SandboxPolicy allowMutation() {
        return new SandboxPolicy(types, methods, true, hostFunctions, functions, limits);
    }

    /** Lets templates call the environment's global {@code name} (a function the application registered). */
    public SandboxPolicy allowFunction(String name) {
        Set<String> f = new LinkedHashSet<>(functions);
        f.add(Objects.requireNonNull(name, "name"));
        return new SandboxPolicy(types, methods, mutation, hostFunctions, f, limits);
    }

    /** Lets templates call every function the application supplied, as globals or in the context. */
    public SandboxPolicy allowHostFunctions() {
        return new SandboxPolicy(types, methods, mutation, true, functions, limits);
    }

    /** The limits of the sandboxed environment ({@link Limits#sandbox()} unless set). */
    public SandboxPolicy limits(Limits limits) {
        return new SandboxPolicy(types, methods, mutation, hostFunctions, functions,
                Objects.requireNonNull(limits, "limits"));
    }

    /** The limits this policy sets. */
    public Limits limits() {
        return limits;
    }

    /** The runtime's form, with the named globals resolved to the values the environment holds. */
    Sandbox toRuntime(Map<String, Object> globals) {
        Set<Object> allowed = new HashSet<>();
        for (String name : functions) {
            if (!globals.containsKey(name)) {
                throw new IllegalArgumentException("SandboxPolicy.allowFunction(\"" + name
                        + "\"): the environment has no global of that name; register it with Environment.Builder.global");
            }
            allowed.add(globals.get(name));
        }
        return new Sandbox(types, methods, mutation, hostFunctions, allowed);
    }
}
