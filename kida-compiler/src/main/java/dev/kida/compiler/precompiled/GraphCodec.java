package dev.kida.compiler.precompiled;

import dev.kida.api.Filter;
import dev.kida.api.Test;
import dev.kida.engine.core.Compiled;
import dev.kida.engine.core.Engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
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
            writeString(r.getClass().getName());
            for (Method accessor : shape.accessors()) {
                try {
                    write(accessor.invoke(r));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + accessor, e);
                }
            }
        }

        private void writeString(String s) throws IOException {
            // Not writeUTF: template text may exceed its 64 KB limit.
            out.writeInt(s.length());
            out.writeChars(s);
        }
    }

    /** Reads a graph written by {@link Writer}. */
    static final class Reader {
        private final DataInputStream in;
        private final Engine engine;
        private final List<Object> objects = new ArrayList<>();

        Reader(DataInputStream in, Engine engine) {
            this.in = in;
            this.engine = engine;
        }

        Object read() throws IOException {
            int tag = in.readUnsignedByte();
            Object o = switch (tag) {
                case NULL -> null;
                case REF -> {
                    int id = in.readInt();
                    if (id < 0 || id >= objects.size()) {
                        throw new IOException("bad back-reference " + id);
                    }
                    yield objects.get(id);
                }
                case STRING -> readString();
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case INT -> in.readInt();
                case LONG -> in.readLong();
                case DOUBLE -> in.readDouble();
                case BIG -> new BigInteger(readBytes());
                case BYTES -> readBytes();
                case STRINGS -> {
                    String[] a = new String[length()];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = (String) read();
                    }
                    yield a;
                }
                case HOLDER -> new Compiled[1];
                case ARRAY -> {
                    Class<?> type = allowed(readString());
                    Object[] a = (Object[]) Array.newInstance(type, length());
                    for (int i = 0; i < a.length; i++) {
                        a[i] = type.cast(read());
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
            Class<?> type = allowed(readString());
            if (!type.isRecord()) {
                throw new IOException(type.getName() + " is not a record");
            }
            Shape shape = shape(type);
            Object[] args = new Object[shape.components().length];
            for (int i = 0; i < args.length; i++) {
                args[i] = read();
            }
            try {
                return shape.constructor().newInstance(args);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new IOException("cannot rebuild a " + type.getSimpleName() + ": " + e, e);
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

        private int length() throws IOException {
            int n = in.readInt();
            if (n < 0 || n > 64 << 20) {
                throw new IOException("bad length " + n);
            }
            return n;
        }

        private byte[] readBytes() throws IOException {
            byte[] b = new byte[length()];
            in.readFully(b);
            return b;
        }

        private String readString() throws IOException {
            int n = length();
            char[] c = new char[n];
            for (int i = 0; i < n; i++) {
                c[i] = in.readChar();
            }
            return new String(c);
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
