package dev.kida.compiler.precompiled;

import dev.kida.api.Filter;
import dev.kida.api.Test;
import dev.kida.engine.core.Compiled;
import dev.kida.engine.core.Engine;

import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes and reads the object graph a compiled template needs besides its class file: the
 * template's tree (the evaluator runs the statements the compiled code hands it, and inheritance
 * looks blocks up in it) and the class data the code loads its constants from. Shared objects
 * stay shared (an AST node that is also a constant is written once and read back as one object),
 * as the code relies on identity.
 *
 * <p>What can be written: null, strings, booleans, numbers (int, long, double, BigInteger), byte
 * and String arrays, arrays of records, lists, enums, the engine's records (AST nodes, positions,
 * undefined values...), and filters and tests, by the name they have in the engine (resolved
 * again in the reading engine). Anything else makes the template not storable, with the reason.
 * Reading only makes records and enums of the engine's own packages, so a damaged or foreign file
 * can fail to load, but not make arbitrary objects.
 */
final class GraphCodec {
    private static final int NULL = 0;
    private static final int REF = 1;
    private static final int STRING = 2;
    private static final int TRUE = 3;
    private static final int FALSE = 4;
    private static final int INT = 5;
    private static final int LONG = 6;
    private static final int DOUBLE = 7;
    private static final int BIG = 8;
    private static final int BYTES = 9;
    private static final int STRINGS = 10;
    private static final int ARRAY = 11;
    private static final int LIST = 12;
    private static final int ENUM = 13;
    private static final int RECORD = 14;
    private static final int FILTER = 15;
    private static final int TEST = 16;
    private static final int HOLDER = 17;

    private static final String ALLOWED_PREFIX = "dev.kida.engine.";

    /**
     * The components and canonical constructor of a record class, found once. Core reflection,
     * not method handles: in a fresh JVM, adapting a method handle per record shape spins dozens
     * of lambda-form classes (measured: about 70 for the example site, most of the load time).
     */
    private record Shape(RecordComponent[] components, Method[] accessors, Constructor<?> constructor) {
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private GraphCodec() {
    }

    /** Thrown when a graph holds something this format cannot carry. */
    static final class NotStorable extends RuntimeException {
        NotStorable(String message) {
            super(message);
        }
    }

    /** Writes a graph. */
    static final class Writer {
        private final DataOutputStream out;
        private final Engine engine;
        private final Map<Object, Integer> ids = new IdentityHashMap<>();
        private final Map<Class<?>, Integer> recordClasses = new java.util.HashMap<>();

        Writer(DataOutputStream out, Engine engine) {
            this.out = out;
            this.engine = engine;
        }

        void write(Object o) throws IOException {
            if (o == null) {
                out.writeByte(NULL);
                return;
            }
            Integer id = ids.get(o);
            if (id != null) {
                out.writeByte(REF);
                out.writeInt(id);
                return;
            }
            switch (o) {
                case String s -> {
                    out.writeByte(STRING);
                    writeString(s);
                }
                case Boolean b -> out.writeByte(b ? TRUE : FALSE);
                case Integer i -> {
                    out.writeByte(INT);
                    out.writeInt(i);
                }
                case Long l -> {
                    out.writeByte(LONG);
                    out.writeLong(l);
                }
                case Double d -> {
                    out.writeByte(DOUBLE);
                    out.writeDouble(d);
                }
                case BigInteger big -> {
                    out.writeByte(BIG);
                    byte[] b = big.toByteArray();
                    out.writeInt(b.length);
                    out.write(b);
                }
                case byte[] bytes -> {
                    out.writeByte(BYTES);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
                case String[] strings -> {
                    out.writeByte(STRINGS);
                    out.writeInt(strings.length);
                    for (String s : strings) {
                        write(s);
                    }
                }
                case Compiled[] holder -> out.writeByte(HOLDER);
                case Object[] array when array.getClass().getComponentType().isRecord() -> {
                    out.writeByte(ARRAY);
                    writeString(checked(array.getClass().getComponentType()).getName());
                    out.writeInt(array.length);
                    for (Object e : array) {
                        write(e);
                    }
                }
                case List<?> list -> {
                    out.writeByte(LIST);
                    out.writeInt(list.size());
                    for (Object e : list) {
                        write(e);
                    }
                }
                case Enum<?> e -> {
                    out.writeByte(ENUM);
                    writeString(checked(e.getDeclaringClass()).getName());
                    writeString(e.name());
                }
                case Record r -> writeRecord(r);
                case Filter f -> {
                    String name = engine.filterName(f);
                    if (name == null) {
                        throw new NotStorable("a filter that is not registered by name (" + f.getClass().getName() + ")");
                    }
                    out.writeByte(FILTER);
                    writeString(name);
                }
                case Test t -> {
                    String name = engine.testName(t);
                    if (name == null) {
                        throw new NotStorable("a test that is not registered by name (" + t.getClass().getName() + ")");
                    }
                    out.writeByte(TEST);
                    writeString(name);
                }
                default -> throw new NotStorable("a constant of type " + o.getClass().getName());
            }
            if (!(o instanceof Boolean)) {
                // The reader numbers the same objects in the same (post-)order.
                ids.put(o, ids.size());
            }
        }

        private void writeRecord(Record r) throws IOException {
            Shape shape = shape(checked(r.getClass()));
            out.writeByte(RECORD);
            // Each record class once, by name and component count; later records of the class
            // by its number in this file (the reader resolves each class once).
            Integer known = recordClasses.get(r.getClass());
            if (known != null) {
                out.writeInt(known);
            } else {
                recordClasses.put(r.getClass(), recordClasses.size());
                out.writeInt(-1);
                writeString(r.getClass().getName());
                out.writeInt(shape.accessors().length);
            }
            for (Method accessor : shape.accessors()) {
                try {
                    write(accessor.invoke(r));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + accessor, e);
                }
            }
        }

        private void writeString(String s) throws IOException {
            // Not writeUTF: template text may exceed its 64 KB limit, and its modified UTF-8 has
            // no fast decoder. Plain UTF-8, whose decoding is the String constructor's fast path;
            // a string it cannot carry (a lone surrogate, from an escape in a string literal) is
            // written as UTF-16 chars after a negative length.
            if (hasLoneSurrogate(s)) {
                out.writeInt(-1 - s.length());
                out.writeChars(s);
                return;
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        private static boolean hasLoneSurrogate(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Reads graphs written by {@link Writer}, straight from the file's bytes. Graphs written one
     * after the other by one writer are read one after the other by one reader (later ones may
     * refer back to objects of earlier ones), and not necessarily at once: the template's tree is
     * read at load, its class data only when its code is defined (tiered mode: when it is hot).
     *
     * <p>A cursor over the array, not a {@code DataInputStream}: in a fresh JVM every call is
     * interpreted, and a string read a char at a time through a synchronized
     * {@code ByteArrayInputStream} cost a call pair per character (docs/performance.md, "Cold
     * start"). Not thread-safe; its owner reads from one thread at a time.
     */
    static final class Reader {
        private final byte[] data;
        private final int end;
        private int pos;
        private final Engine engine;
        private final List<Object> objects = new ArrayList<>();
        /** The canonical constructor of each record class of the file, by its number. */
        private final List<Constructor<?>> recordConstructors = new ArrayList<>();

        /** Reads {@code data[from, to)}. */
        Reader(byte[] data, int from, int to, Engine engine) {
            this.data = data;
            this.pos = from;
            this.end = to;
            this.engine = engine;
        }

        Object read() throws IOException {
            int tag = u1();
            Object o = switch (tag) {
                case NULL -> null;
                case REF -> {
                    int id = s4();
                    if (id < 0 || id >= objects.size()) {
                        throw new IOException("bad back-reference " + id);
                    }
                    yield objects.get(id);
                }
                case STRING -> readString();
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case INT -> s4();
                case LONG -> s8();
                case DOUBLE -> Double.longBitsToDouble(s8());
                case BIG -> new BigInteger(readBytes());
                case BYTES -> readBytes();
                case STRINGS -> {
                    String[] a = new String[length()];
                    for (int i = 0; i < a.length; i++) {
                        if (!(read() instanceof String str)) {
                            throw new IOException("a string array holds a non-string");
                        }
                        a[i] = str;
                    }
                    yield a;
                }
                case HOLDER -> new Compiled[1];
                case ARRAY -> {
                    Class<?> type = allowed(readString());
                    Object[] a = (Object[]) Array.newInstance(type, length());
                    for (int i = 0; i < a.length; i++) {
                        Object e = read();
                        if (e != null && !type.isInstance(e)) {
                            throw new IOException("an array of " + type.getSimpleName() + " holds a " + e.getClass().getSimpleName());
                        }
                        a[i] = e;
                    }
                    yield a;
                }
                case LIST -> {
                    int n = length();
                    List<Object> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(read());
                    }
                    yield Collections.unmodifiableList(list);
                }
                case ENUM -> {
                    Class<?> type = allowed(readString());
                    if (!type.isEnum()) {
                        throw new IOException(type.getName() + " is not an enum");
                    }
                    yield enumConstant(type, readString());
                }
                case RECORD -> readRecord();
                case FILTER -> {
                    String name = readString();
                    Filter f = engine.filter(name);
                    if (f == null) {
                        throw new IOException("this environment has no filter '" + name + "'");
                    }
                    yield f;
                }
                case TEST -> {
                    String name = readString();
                    Test t = engine.test(name);
                    if (t == null) {
                        throw new IOException("this environment has no test '" + name + "'");
                    }
                    yield t;
                }
                default -> throw new IOException("unknown tag " + tag);
            };
            if (tag != NULL && tag != REF && tag != TRUE && tag != FALSE) {
                objects.add(o);
            }
            return o;
        }

        private Object readRecord() throws IOException {
            int index = s4();
            Constructor<?> constructor;
            if (index == -1) {
                Class<?> type = allowed(readString());
                if (!type.isRecord()) {
                    throw new IOException(type.getName() + " is not a record");
                }
                constructor = canonicalConstructor(type, s4());
                recordConstructors.add(constructor);
            } else if (index >= 0 && index < recordConstructors.size()) {
                constructor = recordConstructors.get(index);
            } else {
                throw new IOException("bad record class number " + index);
            }
            Object[] args = new Object[constructor.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = read();
            }
            try {
                return constructor.newInstance(args);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new IOException("cannot rebuild a " + constructor.getDeclaringClass().getSimpleName() + ": " + e, e);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object enumConstant(Class<?> type, String name) throws IOException {
            try {
                return Enum.valueOf((Class) type, name);
            } catch (IllegalArgumentException e) {
                throw new IOException("no constant " + name + " in " + type.getName());
            }
        }

        private void need(int n) throws IOException {
            if (n > end - pos) {
                throw new IOException("truncated");
            }
        }

        /** Where the next read starts. */
        int position() {
            return pos;
        }

        void skip(int n) throws IOException {
            need(n);
            pos += n;
        }

        private int u1() throws IOException {
            need(1);
            return data[pos++] & 0xFF;
        }

        int s4() throws IOException {
            need(4);
            int p = pos;
            pos = p + 4;
            return (data[p] & 0xFF) << 24 | (data[p + 1] & 0xFF) << 16 | (data[p + 2] & 0xFF) << 8 | (data[p + 3] & 0xFF);
        }

        long s8() throws IOException {
            long high = s4();
            return high << 32 | (s4() & 0xFFFFFFFFL);
        }

        private int length() throws IOException {
            int n = s4();
            if (n < 0 || n > end - pos) {
                // every element takes at least a byte: a longer length is damage, not a big graph
                throw new IOException("bad length " + n);
            }
            return n;
        }

        byte[] readBytes() throws IOException {
            int n = length();
            byte[] b = java.util.Arrays.copyOfRange(data, pos, pos + n);
            pos += n;
            return b;
        }

        String readString() throws IOException {
            int n = s4();
            if (n < 0) {
                // UTF-16 chars (a string with a lone surrogate, see Writer.writeString)
                int chars = -1 - n;
                if (chars > (end - pos) / 2) {
                    throw new IOException("bad length " + n);
                }
                char[] c = new char[chars];
                for (int i = 0; i < chars; i++) {
                    c[i] = (char) ((data[pos] & 0xFF) << 8 | (data[pos + 1] & 0xFF));
                    pos += 2;
                }
                return new String(c);
            }
            if (n > end - pos) {
                throw new IOException("bad length " + n);
            }
            // UTF-8 (as Writer.writeString writes it): the String constructor's fast path
            String s = new String(data, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }
    }

    private static Class<?> checked(Class<?> type) {
        if (!type.getName().startsWith(ALLOWED_PREFIX)) {
            throw new NotStorable("a value of type " + type.getName());
        }
        return type;
    }

    private static Class<?> allowed(String name) throws IOException {
        if (!name.startsWith(ALLOWED_PREFIX)) {
            throw new IOException("refusing to make a " + name);
        }
        try {
            return Class.forName(name, false, GraphCodec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("no class " + name + " in this engine");
        }
    }

    /** Reading's cache of {@link #canonicalConstructor}, shared by the files of a JVM. */
    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    /**
     * The canonical constructor of a record class with {@code components} components, found
     * without {@link Class#getRecordComponents}: in a fresh JVM that and finding the accessors
     * (all of a class's methods) cost ~55 us per class, most of the reading of a small template
     * (docs/performance.md, "Cold start"). The canonical constructor has one parameter per
     * component, so when exactly one constructor has that many it is the one; otherwise the
     * components decide.
     */
    private static Constructor<?> canonicalConstructor(Class<?> type, int components) throws IOException {
        Constructor<?> known = CONSTRUCTORS.get(type);
        if (known == null) {
            Constructor<?> found = null;
            int candidates = 0;
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (c.getParameterCount() == components) {
                    found = c;
                    candidates++;
                }
            }
            if (candidates != 1) {
                found = shape(type).constructor();
            }
            found.setAccessible(true);
            CONSTRUCTORS.putIfAbsent(type, found);
            known = found;
        }
        if (known.getParameterCount() != components) {
            throw new IOException(type.getName() + " has not " + components + " components in this engine");
        }
        return known;
    }

    private static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, t -> {
            try {
                RecordComponent[] components = t.getRecordComponents();
                Method[] accessors = new Method[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    accessors[i] = components[i].getAccessor();
                    accessors[i].setAccessible(true);
                    types[i] = components[i].getType();
                }
                Constructor<?> constructor = t.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(components, accessors, constructor);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot take record " + t.getName() + " apart", e);
            }
        });
    }
}
