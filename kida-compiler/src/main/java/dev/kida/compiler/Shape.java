package dev.kida.compiler;

import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.ast.TemplateNode;
import dev.kida.engine.core.PreparedTemplate;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A template's shape: everything of its syntax tree that can shape generated code, without what
 * is pure data (the contents of its text, the positions of its nodes, its name and source). Two
 * templates of one shape, compiled by one engine, get the same class: the class reads its texts
 * and position table from per-template data ({@link TemplateCompiler.ShapeClass}).
 *
 * <p>The walk lists the data in a fixed order (texts, then positions, in the order met), so a
 * class's recipe for its data, written in terms of those indices while the first template of the
 * shape is compiled, gives any other template of the shape its own data. What the code generator
 * decides from the data itself is kept in the key as a mark: whether a text is empty or holds
 * surrogates, whether a position has a line (nodes without one are blamed on the enclosing node),
 * and which nodes share one position object (the position table is indexed by object).
 */
final class Shape {
    /** The key, compared whole (no hash alone decides); null when the tree holds a value of unknown kind. */
    final List<Object> key;
    private final int hash;
    /** The template's text statements, in walk order. */
    final List<Stmt.Text> texts = new ArrayList<>();
    /** The position objects of its nodes, each once, in walk order. */
    final List<Pos> positions = new ArrayList<>();
    /** Index in {@link #texts} of each text statement. */
    final Map<Stmt.Text, Integer> textIndex = new IdentityHashMap<>();
    /** Index in {@link #positions} of each position object. */
    final Map<Pos, Integer> positionIndex = new IdentityHashMap<>();
    private boolean known = true;

    private static final Object NULL = new Token("null");
    private static final Object LIST = new Token("list");
    private static final Object EMPTY_TEXT = new Token("empty text");
    private static final Object TEXT_WITH_SURROGATES = new Token("text with surrogates");
    private static final Object TEXT = new Token("text");
    private static final Object LINED = new Token("position with a line");
    private static final Object UNLINED = new Token("position without a line");

    private record Token(String what) {
    }

    /** A position object met before: the index of its first occurrence. */
    private record SamePosition(int index) {
    }

    private Shape(PreparedTemplate unit) {
        List<Object> k = new ArrayList<>(512);
        k.add(unit.autoescape());
        walk(unit.node(), k);
        this.key = known ? k : null;
        this.hash = k.hashCode();
    }

    static Shape of(PreparedTemplate unit) {
        return new Shape(unit);
    }

    /** The key as a map key: equal keys are equal shapes. */
    Key mapKey() {
        return key == null ? null : new Key(key, hash);
    }

    record Key(List<Object> tokens, int hash) {
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && other.hash == hash && other.tokens.equals(tokens);
        }
    }

    private void walk(Object o, List<Object> k) {
        switch (o) {
            case null -> k.add(NULL);
            case Pos p -> {
                Integer seen = positionIndex.get(p);
                if (seen != null) {
                    k.add(new SamePosition(seen));
                } else {
                    positionIndex.put(p, positions.size());
                    positions.add(p);
                    k.add(p.line() > 0 ? LINED : UNLINED);
                }
            }
            case Stmt.Text t -> {
                k.add(Stmt.Text.class);
                walk(t.pos(), k);
                String s = t.text();
                k.add(s.isEmpty() ? EMPTY_TEXT : hasSurrogate(s) ? TEXT_WITH_SURROGATES : TEXT);
                textIndex.put(t, texts.size());
                texts.add(t);
            }
            case TemplateNode n -> walk(n.body(), k);
            case List<?> list -> {
                k.add(LIST);
                k.add(list.size());
                for (Object e : list) {
                    walk(e, k);
                }
            }
            case Record r -> {
                k.add(r.getClass());
                for (MethodHandle accessor : ACCESSORS.get(r.getClass())) {
                    try {
                        walk((Object) accessor.invokeExact((Object) r), k);
                    } catch (Throwable e) {
                        throw new IllegalStateException("cannot read " + r.getClass().getName(), e);
                    }
                }
            }
            // values of literals and names: compared by value, their class kept apart (1 and 1.0)
            case String s -> k.add(s);
            case Number n when n instanceof Long || n instanceof Integer || n instanceof Double
                    || n instanceof java.math.BigInteger -> {
                k.add(n.getClass());
                k.add(n);
            }
            case Boolean b -> k.add(b);
            case Enum<?> e -> k.add(e);
            default -> known = false;
        }
    }

    static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Each record class's component accessors, as (Object)Object handles, looked up once. */
    private static final ClassValue<MethodHandle[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            MethodHandle[] handles = new MethodHandle[components.length];
            for (int i = 0; i < components.length; i++) {
                try {
                    handles[i] = MethodHandles.lookup().unreflect(components[i].getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + type.getName(), e);
                }
            }
            return handles;
        }
    };
}
