package dev.kida.compiler;

import dev.kida.engine.analysis.Traversal;
import dev.kida.engine.ast.Pos;
import dev.kida.engine.ast.Stmt;
import dev.kida.engine.core.Compiled;
import dev.kida.engine.core.CompiledCode;
import dev.kida.engine.core.Engine;
import dev.kida.engine.render.Frame;
import dev.kida.engine.render.RenderState;
import dev.kida.engine.core.PreparedTemplate;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.constantpool.ConstantPoolBuilder;
import java.lang.classfile.BootstrapMethodEntry;
import java.lang.classfile.constantpool.LoadableConstantEntry;
import java.lang.classfile.constantpool.MethodHandleEntry;
import java.lang.classfile.constantpool.NameAndTypeEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.constant.DynamicCallSiteDesc;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a template to one hidden class: a static method per body (the main body, each block,
 * each macro), plus {@link CompiledCode#run} dispatching to them. Constants the code needs (filter
 * objects, pre-encoded text, AST nodes handed to the evaluator, the position table) travel as the
 * class's class data and are loaded as dynamic constants, so the JIT sees them as constants. The
 * class is defined weakly: it is unloaded with the template that holds it.
 */
public final class TemplateCompiler {
    static final ClassDesc SELF = ClassDesc.of("dev.kida.compiler.KidaTemplate");
    static final MethodTypeDesc BODY_TYPE = MethodTypeDesc.of(ConstantDescs.CD_void, cd(RenderState.class),
            cd(Frame.class));
    /** A def body with its parameters in JVM locals: renderer, closure, parameter values. */
    static final MethodTypeDesc DEF_TYPE = MethodTypeDesc.of(ConstantDescs.CD_void, cd(RenderState.class),
            cd(Frame.class), ConstantDescs.CD_Object.arrayType());

    /**
     * One ClassFile context for all templates, so that the class hierarchy the stack maps need
     * (engine and JDK types only: generated code never names user classes) is looked up once,
     * not read from class files again for every template.
     */
    private static final ClassFile CLASS_FILE = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
            ClassHierarchyResolver.defaultResolver()
                    .orElse(ClassHierarchyResolver.ofClassLoading(TemplateCompiler.class.getClassLoader()))
                    .cached(java.util.concurrent.ConcurrentHashMap::new)));

    /* Class data: the first template's data (holder, position table, texts), then the constants the code loads. */
    private static final int HOLDER = 0;
    private static final int POSITIONS = 1;
    private static final int TEXTS = 2;
    /*
     * Per-template data, an Object[] held by each instance and handed to the render state while
     * its code runs (RenderState.data): what differs between templates of one shape.
     */
    static final int DATA_POSITIONS = 0;
    static final int DATA_HOLDER = 1;
    static final int DATA_TEXTS = 2;
    private static final ClassDesc CD_DATA = ConstantDescs.CD_Object.arrayType();
    private static final MethodTypeDesc MTD_INIT = MethodTypeDesc.of(ConstantDescs.CD_void, CD_DATA);

    final PreparedTemplate unit;
    final Engine engine;
    private final List<Object> constants = new ArrayList<>();
    private final Map<Object, Integer> constantIndex = new IdentityHashMap<>();
    private final List<Pos> positions = new ArrayList<>();
    private final Map<Integer, DynamicConstantDesc<Object>> descs = new HashMap<>();
    /** Pool entries of call sites, by description. */
    private final Map<Object, PoolEntry> entries = new HashMap<>();
    /** Position table indices: by value for a class of one template, by object for a shape's (see {@link Shape}). */
    private final Map<Pos, Integer> positionIndex;
    /** The template's shape when its class may serve others of the shape (compile), else null (generate). */
    private final Shape shape;
    /** Whether the class may serve other templates of its shape: cleared by anything its recipe could not rebuild. */
    private boolean shareable;
    /** Per position table entry: its index in {@link Shape#positions}, -1 for {@link Pos#NONE}. */
    private final List<Integer> positionRecipe = new ArrayList<>();
    /** The static texts, by text index. */
    private final List<dev.kida.engine.output.PreEncodedText> texts = new ArrayList<>();
    /** Per text index: its parts, a String (the shape's own: a folded constant) or an Integer (a text statement of the shape). */
    private final List<Object[]> textRecipes = new ArrayList<>();
    /** Bodies to generate, by id; grows while compiling as macros are found. */
    final List<BodySpec> bodies = new ArrayList<>();
    /** Call-site constants named so far ({@link #nextSiteName}). */
    private int sites;

    /**
     * One method to generate: its statements and the autoescape state known on entry (null:
     * dynamic); {@code params}: for a def body with its parameters in JVM locals, their names in
     * the order of the values array ({@link dev.kida.engine.eval.DefFunction#slotNames}), else null.
     */
    record BodySpec(List<Stmt> body, Boolean autoescape, List<String> params) {
        BodySpec(List<Stmt> body, Boolean autoescape) {
            this(body, autoescape, null);
        }
    }

    /** Whether the template extends another: its text and prints must check for discarding. */
    final boolean hasExtends;

    private TemplateCompiler(PreparedTemplate unit, Engine engine, Shape shape) {
        this.unit = unit;
        this.engine = engine;
        this.shape = shape;
        this.shareable = shape != null;
        this.positionIndex = shape != null ? new IdentityHashMap<>() : new HashMap<>();
        boolean[] found = {false};
        Traversal.thisScope(unit.node().body(), n -> found[0] |= n instanceof Stmt.Extends);
        this.hasExtends = found[0];
        constants.add(new Compiled[1]);
        constants.add(null);
        constants.add(null);
        positions.add(Pos.NONE);
        positionIndex.put(Pos.NONE, 0);
        positionRecipe.add(-1);
    }

    /**
     * Compiles a parsed template into code ready to run. A template of a shape this engine has
     * compiled before gets an instance of that shape's class, with its own data (texts, position
     * table): parse, shape key and a few small arrays instead of generating and defining a class
     * (docs/architecture.md, "Shape classes").
     */
    public static Compiled compile(PreparedTemplate unit, Engine engine) {
        // compiled at load, the cost of making the template matters: a shape class. Compiled
        // because it is hot (tiered), it would soon get a class of its own (ownClass): that at once
        int limit = engine.compileSettings().shapeClasses();
        Shape shape = limit > 0 && engine.compilePolicy() == dev.kida.engine.core.CompilePolicy.AT_LOAD
                ? Shape.of(unit) : null;
        Shape.Key key = shape == null ? null : shape.mapKey();
        Shapes shapes = key == null ? null : engine.generatorState(Shapes.class, () -> new Shapes(limit));
        if (shapes != null) {
            Reuse reuse = shapes.get(key);
            if (reuse != null) {
                return reuse.instantiate(shape, unit, engine);
            }
        }
        TemplateCompiler tc = new TemplateCompiler(unit, engine, key == null ? null : shape);
        Generated generated = tc.build();
        Compiled compiled = define(unit.name(), generated);
        if (shapes != null && tc.shareable) {
            Reuse reuse = tc.reuse(compiled);
            shapes.put(key, reuse);
            compiled = shared(compiled.code(), compiled.blocks(), unit, engine);
            ((Compiled[]) generated.classData().get(HOLDER))[0] = compiled;
        }
        return compiled;
    }

    /**
     * A template's code on its shape's shared class, on the way to a class of its own. A shape
     * class reads each text from an array (the texts are instance data); a template's own class
     * has them as class-data constants, which the JIT folds (length known, copy unrolled): the
     * stocks page renders ~12% faster that way (interleaved A/B, docs/performance.md). So a
     * template is made fast to load on its shape's class, and once it has been rendered often
     * enough to matter ({@link dev.kida.engine.core.CompileSettings#ownClassAfter}), the engine's
     * background compiler compiles it again into a class of its own (what compiling cost before
     * shape classes, once per hot template) and installs that in the shared class's place.
     */
    private static Compiled shared(CompiledCode code, Map<String, Integer> blocks, PreparedTemplate unit, Engine engine) {
        return new Compiled(code, blocks, () -> define(unit.name(), new TemplateCompiler(unit, engine, null).build()));
    }

    /** Implemented by every template class: another instance of the class, with other data. */
    interface ShapeClass {
        CompiledCode instantiate(Object[] data);
    }

    /** What making another template of a shape needs: the class (through an instance) and the recipe of its data. */
    record Reuse(ShapeClass prototype, Map<String, Integer> blocks, int[] positions, Object[][] texts) {
        Compiled instantiate(Shape shape, PreparedTemplate unit, Engine engine) {
            Pos[] table = new Pos[positions.length];
            for (int i = 0; i < table.length; i++) {
                table[i] = positions[i] < 0 ? Pos.NONE : shape.positions.get(positions[i]);
            }
            dev.kida.engine.output.PreEncodedText[] made = new dev.kida.engine.output.PreEncodedText[texts.length];
            for (int i = 0; i < made.length; i++) {
                Object[] parts = texts[i];
                String text;
                if (parts.length == 1) {
                    text = part(parts[0], shape);
                } else {
                    StringBuilder b = new StringBuilder();
                    for (Object part : parts) {
                        b.append(part(part, shape));
                    }
                    text = b.toString();
                }
                made[i] = new dev.kida.engine.output.PreEncodedText(text, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            Compiled[] holder = new Compiled[1];
            Object[] data = new Object[3];
            data[DATA_POSITIONS] = table;
            data[DATA_HOLDER] = holder;
            data[DATA_TEXTS] = made;
            Compiled compiled = shared(prototype.instantiate(data), blocks, unit, engine);
            holder[0] = compiled;
            return compiled;
        }

        private static String part(Object part, Shape shape) {
            return part instanceof Integer i ? shape.texts.get(i).text() : (String) part;
        }
    }

    private Reuse reuse(Compiled compiled) {
        int[] table = new int[positionRecipe.size()];
        for (int i = 0; i < table.length; i++) {
            table[i] = positionRecipe.get(i);
        }
        return new Reuse((ShapeClass) compiled.code(), compiled.blocks(), table, textRecipes.toArray(new Object[0][]));
    }

    /**
     * An engine's shape classes: a bounded map, least recently used out first, so that an
     * application making templates without end (a template per request) cannot grow it without
     * limit; an evicted class is unloaded once no template uses it. Look-ups are short and
     * synchronized: the work they save (generating and defining a class) is a thousand times longer.
     */
    static final class Shapes {
        private final LinkedHashMap<Shape.Key, Reuse> map;

        Shapes(int limit) {
            this.map = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Shape.Key, Reuse> eldest) {
                    return size() > limit;
                }
            };
        }

        synchronized Reuse get(Shape.Key key) {
            return map.get(key);
        }

        synchronized void put(Shape.Key key, Reuse reuse) {
            map.putIfAbsent(key, reuse);
        }

        synchronized int size() {
            return map.size();
        }
    }

    /**
     * A template's class before it is defined: what precompiled templates and the on-disk cache
     * store.
     *
     * @param bytes     the class file
     * @param classData the class data: entry 0 is the holder of the {@link Compiled} (an empty
     *                  one-element array, filled by {@link #define}), entry 1 the position table,
     *                  entry 2 the static texts (the data of the instance the class's initializer
     *                  makes), then the constants the code loads
     * @param blocks    the body id of each block
     */
    public record Generated(byte[] bytes, List<Object> classData, Map<String, Integer> blocks) {
    }

    /** Generates a template's class without defining it. */
    public static Generated generate(PreparedTemplate unit, Engine engine) {
        return new TemplateCompiler(unit, engine, null).build();
    }

    /**
     * Defines a generated class (of this JVM, or read back from a precompiled file with its class
     * data rebuilt) and returns the code ready to run.
     */
    public static Compiled define(String templateName, Generated generated) {
        SiteLinkage.prepare();
        List<Object> classData = generated.classData();
        Object[] first = new Object[3];
        first[DATA_POSITIONS] = classData.get(POSITIONS);
        first[DATA_HOLDER] = classData.get(HOLDER);
        first[DATA_TEXTS] = classData.get(TEXTS);
        FIRST_DATA.set(first);
        try {
            Class<?> defined = LOOKUP.defineHiddenClassWithClassData(generated.bytes(),
                    Collections.unmodifiableList(generated.classData()), true).lookupClass();
            // The class's initializer made its instance and handed it over (see created); a
            // method handle to the constructor, looked up and invoked here instead, cost 8-13 us
            // per template, more than a tenth of defining it.
            CompiledCode code = CREATED.get();
            CREATED.remove();
            if (code == null || code.getClass() != defined) {
                throw new IllegalStateException("the class of template '" + templateName + "' made no instance");
            }
            Compiled compiled = new Compiled(code, Map.copyOf(generated.blocks()));
            ((Compiled[]) generated.classData().get(HOLDER))[0] = compiled;
            return compiled;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot define compiled template '" + templateName + "'", t);
        } finally {
            FIRST_DATA.remove();
        }
    }

    /** The data of the instance a class's initializer makes, on the thread that defines it. */
    private static final ThreadLocal<Object[]> FIRST_DATA = new ThreadLocal<>();

    /** Called by a template class's initializer (run by {@link #define}): its first instance's data. */
    static Object[] firstData() {
        Object[] data = FIRST_DATA.get();
        if (data == null) {
            throw new IllegalStateException("a template class is initialized only by TemplateCompiler.define");
        }
        return data;
    }

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    /** The instance a template class's initializer just made, on the thread that defines it. */
    private static final ThreadLocal<CompiledCode> CREATED = new ThreadLocal<>();

    /** Called by a template class's initializer (run by {@link #define}) with its one instance. */
    static void created(CompiledCode code) {
        CREATED.set(code);
    }

    /** Statements the compiled code hands to the evaluator whole. */
    static boolean isDelegated(Stmt s) {
        return switch (s) {
            case Stmt.Include i -> true;
            case Stmt.Import i -> true;
            case Stmt.FromImport i -> true;
            case Stmt.Extends e -> true;
            // rare enough in hot paths; the evaluator has their scoping and output rules
            case Stmt.SetBlock b -> true;
            case Stmt.FilterBlock b -> true;
            case Stmt.For f -> f.recursive();
            // Kida's rarer blocks: buffers, error boundaries and caches keep one definition
            case Stmt.Cache c -> true;
            case Stmt.Globals g -> true;
            // a def's body is compiled (see BodyCompiler), as are call blocks, slots, yield,
            // provide and push (with the rules FunctionStatements shares); regions, fragments and
            // embeds run in the evaluator
            case Stmt.Def d -> false;
            case Stmt.SlotFill fill -> false;
            case Stmt.SlotPlace place -> false;
            case Stmt.Yield y -> false;
            case Stmt.Provide p -> false;
            case Stmt.Push p -> false;
            case Stmt.StackOut so -> false;
            case Stmt.KidaFunction k -> true;
            default -> false;
        };
    }

    /**
     * Whether a statement needs the scope it stands in as a real Frame ({@code ScopeFacts.needsFrame}):
     * one handed to the evaluator, a call block (its slot bodies run in a Frame over the scope), a
     * slot placeholder or yield (they find the def call's slots through the frames).
     */
    static boolean framed(Stmt s) {
        return isDelegated(s) || s instanceof Stmt.CallBlock || s instanceof Stmt.SlotPlace || s instanceof Stmt.Yield;
    }

    /**
     * Whether a def's body can keep its parameters in JVM locals: nothing in it needs its scope as
     * a Frame, no {@code let} or {@code capture} writes to the def's own scope, and it does not
     * read the names only a call's Frame binds ({@code caller}, {@code has_slot}).
     */
    static boolean paramsInLocals(Stmt.Def d) {
        return !dev.kida.engine.analysis.ScopeFacts.needsFrame(d.body(), TemplateCompiler::framed)
                && !dev.kida.engine.analysis.Traversal.anyNode(d.body(), n -> n instanceof Stmt.Let l && l.templateScope()
                        || n instanceof Stmt.Capture
                        || n instanceof dev.kida.engine.ast.Expr.Name nm
                                && (nm.name().equals("caller") || nm.name().equals("has_slot")));
    }

    /** The number of AST nodes in a body, nested bodies included. */
    static int size(List<Stmt> body) {
        int[] n = {0};
        dev.kida.engine.analysis.Traversal.everything(body, x -> n[0]++);
        return n[0];
    }

    static ClassDesc cd(Class<?> c) {
        return c.describeConstable().orElseThrow();
    }

    private Generated build() {
        bodies.add(new BodySpec(unit.node().body(), unit.autoescape()));
        Map<String, Integer> blockIds = new LinkedHashMap<>();
        unit.blocks().forEach((name, block) -> {
            blockIds.put(name, bodies.size());
            // A block always runs with its own template's autoescape setting (StatementExecutor.runBlock
            // sets it, as Jinja2 compiles a block as a function of the template), so its prints are
            // compiled for that setting. Profile of the escape-heavy page (issue 13) before this: with
            // the setting unknown, {{ r.name }} in a block took the generic attribute site and
            // Renderer.print (67% of the render's samples under print, 0.7x jte); known, the getter's
            // String goes straight to Output.printEscaped from the fused site.
            bodies.add(new BodySpec(block.body(), unit.autoescape()));
        });
        byte[] bytes = CLASS_FILE.build(SELF, clb -> {
            clb.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC);
            clb.withInterfaceSymbols(cd(CompiledCode.class), cd(ShapeClass.class));
            clb.withField("d", CD_DATA, ClassFile.ACC_PRIVATE | ClassFile.ACC_FINAL);
            clb.withMethodBody(ConstantDescs.INIT_NAME, MTD_INIT, ClassFile.ACC_PUBLIC,
                    cob -> cob.aload(0).invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME,
                            ConstantDescs.MTD_void).aload(0).aload(1).putfield(SELF, "d", CD_DATA).return_());
            clb.withMethodBody("instantiate", MethodTypeDesc.of(cd(CompiledCode.class), CD_DATA), ClassFile.ACC_PUBLIC,
                    cob -> cob.new_(SELF).dup().aload(1).invokespecial(SELF, ConstantDescs.INIT_NAME, MTD_INIT).areturn());
            // the first instance, with the data of the template compiled (handed over by define:
            // loading it as dynamic constants here linked four of them at every define, a
            // fifth more CPU time per new class)
            clb.withMethodBody(ConstantDescs.CLASS_INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_STATIC, cob -> {
                cob.new_(SELF).dup().invokestatic(cd(TemplateCompiler.class), "firstData", MethodTypeDesc.of(CD_DATA));
                cob.invokespecial(SELF, ConstantDescs.INIT_NAME, MTD_INIT)
                        .invokestatic(cd(TemplateCompiler.class), "created",
                                MethodTypeDesc.of(ConstantDescs.CD_void, cd(CompiledCode.class)))
                        .return_();
            });
            for (int id = 0; id < bodies.size(); id++) {
                BodySpec spec = bodies.get(id);
                clb.withMethodBody("b" + id, spec.params() == null ? BODY_TYPE : DEF_TYPE,
                        ClassFile.ACC_STATIC | ClassFile.ACC_PRIVATE, cob -> new BodyCompiler(this, cob, spec).compile());
            }
            dispatcher(clb, "run", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int,
                    cd(RenderState.class), cd(Frame.class)), false);
            dispatcher(clb, "call", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int,
                    cd(RenderState.class), cd(Frame.class), ConstantDescs.CD_Object.arrayType()), true);
        });
        constants.set(POSITIONS, positions.toArray(new Pos[0]));
        constants.set(TEXTS, texts.toArray(new dev.kida.engine.output.PreEncodedText[0]));
        GeneratedClassInspection.inspect(CLASS_FILE, unit.name(), bytes);
        return new Generated(bytes, constants, blockIds);
    }

    /**
     * {@link CompiledCode#run} (over the bodies taking a Frame) or {@link CompiledCode#call} (over
     * the def bodies taking parameter values): a switch on the body id calling its method. The
     * class's one exception handler is here: it locates an error at the position the body last
     * gave the render state ({@link Positions}); the caller's position is put back however the
     * body leaves, so a body that called this one still blames its own node.
     */
    private void dispatcher(java.lang.classfile.ClassBuilder clb, String name, MethodTypeDesc type, boolean defs) {
        clb.withMethodBody(name, type, ClassFile.ACC_PUBLIC, cob -> {
            int saved = cob.allocateLocal(java.lang.classfile.TypeKind.INT);
            int savedData = cob.allocateLocal(java.lang.classfile.TypeKind.REFERENCE);
            var start = cob.newLabel();
            var end = cob.newLabel();
            var handler = cob.newLabel();
            cob.aload(2);
            invoke(cob, Member.STATE_BLAMED);
            cob.istore(saved).aload(2).iconst_0();
            invoke(cob, Member.STATE_BLAME);
            // this instance's data for its bodies, the caller's (another template's) put back on the way out
            cob.aload(2);
            invoke(cob, Member.STATE_DATA);
            cob.astore(savedData).aload(2).aload(0).getfield(SELF, "d", CD_DATA);
            invoke(cob, Member.STATE_SET_DATA);
            cob.labelBinding(start);
            List<SwitchCase> cases = new ArrayList<>();
            var dflt = cob.newLabel();
            List<java.lang.classfile.Label> labels = new ArrayList<>();
            for (int id = 0; id < bodies.size(); id++) {
                var l = cob.newLabel();
                labels.add(l);
                cases.add(SwitchCase.of(id, (bodies.get(id).params() != null) == defs ? l : dflt));
            }
            cob.iload(1).tableswitch(0, bodies.size() - 1, dflt, cases);
            for (int id = 0; id < bodies.size(); id++) {
                cob.labelBinding(labels.get(id));
                if ((bodies.get(id).params() != null) == defs) {
                    cob.aload(2).aload(3);
                    if (defs) {
                        cob.aload(4);
                    }
                    cob.invokestatic(SELF, "b" + id, defs ? DEF_TYPE : BODY_TYPE);
                }
                cob.goto_(end);
            }
            cob.labelBinding(dflt);
            cob.labelBinding(end);
            cob.aload(2).iload(saved);
            invoke(cob, Member.STATE_BLAME);
            cob.aload(2).aload(savedData);
            invoke(cob, Member.STATE_SET_DATA);
            cob.return_();
            cob.labelBinding(handler);
            cob.exceptionCatchAll(start, end, handler);
            // locate at the body's position (in this instance's table) first, then give the caller back its own
            cob.aload(2).swap().aload(0).getfield(SELF, "d", CD_DATA).iconst_0().aaload()
                    .checkcast(cd(Pos[].class)).aload(2);
            invoke(cob, Member.STATE_BLAMED);
            cob.aaload();
            invoke(cob, Member.HELPERS_FAIL);
            cob.aload(2).iload(saved);
            invoke(cob, Member.STATE_BLAME);
            cob.aload(2).aload(savedData);
            invoke(cob, Member.STATE_SET_DATA);
            cob.athrow();
        });
    }

    /** The body id of each def's body, given when the def or a call inlining it is compiled first. */
    private final Map<Stmt.Def, Integer> defBodies = new IdentityHashMap<>();
    /** How many more def calls may be inlined (each copies the def's body into the calling method). */
    int inlineBudget = 16;

    /** The body id of a def's body (with its parameters in locals when {@code locals}), added on first use. */
    int defBody(Stmt.Def d, Boolean autoescape, boolean locals) {
        Integer id = defBodies.get(d);
        if (id == null) {
            id = addBody(new BodySpec(d.body(), autoescape,
                    locals ? dev.kida.engine.eval.DefFunction.slotNames(d) : null));
            defBodies.put(d, id);
        }
        return id;
    }

    /** {@link #unobservedDef()}, worked out on first use. */
    private Stmt.Def unobservedDef;
    private boolean unobservedKnown;

    /**
     * The template's top-level def that no render can see in the root frame
     * ({@link dev.kida.engine.analysis.ScopeFacts#unobservedDef}, no statement handed to the
     * evaluator, and no finalize function, which is called with the render as its context), or
     * null. The top-level method keeps it in a JVM local instead of binding it per render
     * ({@link KidaStatementCompiler#def}): the binding was a HashMap write per render, and its
     * code, with the lookup of the name at the first call, was inlined by C2 into the method that
     * also holds the loop calling the def, where it used up the inlining budget (C2's node count
     * cutoff) so that the last appends of each row were left as calls (docs/performance.md, "The
     * stocks page spelled in Kida").
     */
    Stmt.Def unobservedDef() {
        if (!unobservedKnown) {
            unobservedKnown = true;
            List<Stmt> top = unit.node().body();
            Stmt.Def only = null;
            for (Stmt s : top) {
                if (s instanceof Stmt.Def d) {
                    only = d;
                }
            }
            if (only != null && engine.finalizer() == null
                    && !Traversal.anyNode(top, n -> n instanceof Stmt s && isDelegated(s))
                    && dev.kida.engine.analysis.ScopeFacts.unobservedDef(top, only)) {
                unobservedDef = only;
            }
        }
        return unobservedDef;
    }

    /** Whether {@code spec} is the template's top-level body (the method a top-level def runs in). */
    boolean isTopLevel(BodySpec spec) {
        return spec.body() == unit.node().body();
    }

    /** The one def of that name among the template's top-level statements, or null. */
    Stmt.Def topLevelDef(String name) {
        Stmt.Def found = null;
        for (Stmt s : unit.node().body()) {
            if (s instanceof Stmt.Def d && d.name().equals(name)) {
                if (found != null) {
                    return null;
                }
                found = d;
            }
        }
        return found;
    }

    /** Adds a body to generate; returns its id. */
    int addBody(List<Stmt> body, Boolean autoescape) {
        return addBody(new BodySpec(body, autoescape));
    }

    /** Adds a body to generate; returns its id. */
    int addBody(BodySpec spec) {
        bodies.add(spec);
        return bodies.size() - 1;
    }

    private static final DirectMethodHandleDesc BSM_CLASS_DATA_ENTRY = ConstantDescs.ofConstantBootstrap(
            ClassDesc.of("dev.kida.compiler.TemplateCompiler"), "classDataEntry", ConstantDescs.CD_Object);

    /**
     * The bootstrap of every class-data constant: the entry whose index is the constant's name.
     * {@link MethodHandles#classDataAt} as the bootstrap, with the index as a static argument,
     * has the method-handle shape (Lookup, String, Class, int) that no JDK or AOT cache
     * pre-generates: linking the first constant of a fresh JVM spun lambda-form classes (seen
     * with -Djava.lang.invoke.MethodHandle.TRACE_RESOLVE=true), a cost of every first render of
     * a precompiled or cached template. This one has the common (Lookup, String, Class) shape.
     */
    static Object classDataEntry(MethodHandles.Lookup lookup, String name, Class<?> type) throws IllegalAccessException {
        return MethodHandles.classDataAt(lookup, ConstantDescs.DEFAULT_NAME, type, Integer.parseInt(name));
    }

    /** A dynamic constant loading class-data entry {@code value} as {@code type}. */
    DynamicConstantDesc<Object> constant(Object value, ClassDesc type) {
        if (!sameForShape(value)) {
            shareable = false;
        }
        Integer index = constantIndex.get(value);
        if (index == null) {
            index = constants.size();
            constants.add(value);
            constantIndex.put(value, index);
        }
        return at(index, type);
    }

    /**
     * The pool entry of a new class-data constant that nothing else refers to (a static text):
     * made directly from pool entries, without a description to convert and look up. The
     * bootstrap entry and the type's descriptor are made once per class.
     */
    LoadableConstantEntry freshConstant(ConstantPoolBuilder pool, Object value, ClassDesc type) {
        int index = constants.size();
        constants.add(value);
        if (classDataBootstrap == null) {
            classDataBootstrap = bootstrap(pool, BSM_CLASS_DATA_ENTRY, new ConstantDesc[0]);
        }
        var descriptor = typeDescriptors.get(type);
        if (descriptor == null) {
            descriptor = pool.utf8Entry(type.descriptorString());
            typeDescriptors.put(type, descriptor);
        }
        return pool.constantDynamicEntry(classDataBootstrap,
                pool.nameAndTypeEntry(pool.utf8Entry(Integer.toString(index)), descriptor));
    }

    /**
     * Whether a class-data constant is the same for every template of the shape: the engine's
     * filters and tests, and values of the shape's own literals and names. Anything else (a
     * syntax-tree node handed to the evaluator, a message naming a line) is this template's, and
     * its class serves no other template.
     */
    private static boolean sameForShape(Object value) {
        return value instanceof dev.kida.api.Filter || value instanceof dev.kida.api.Test
                || value instanceof String || value instanceof String[] || value instanceof Number
                || value instanceof Boolean || value instanceof Enum<?>;
    }

    /**
     * The index of a static text in the instance's texts; {@code parts} is how it was put
     * together (see {@link #textRecipes}), null when the class serves no other template.
     */
    int text(dev.kida.engine.output.PreEncodedText text, Object[] parts) {
        if (parts == null) {
            shareable = false;
        }
        texts.add(text);
        textRecipes.add(parts);
        return texts.size() - 1;
    }

    /** The class serves only the template being compiled. */
    void unshared() {
        shareable = false;
    }

    /** The index of a text statement in the shape's texts, or null (no shape). */
    Integer textIndex(Stmt.Text t) {
        return shape == null ? null : shape.textIndex.get(t);
    }

    /** Whether texts are recorded as parts for a shape ({@link #text}). */
    boolean recordsShape() {
        return shape != null;
    }

    /** Pushes the running template's holder of its {@link Compiled} (instance data: one per template). */
    java.lang.classfile.CodeBuilder loadHolder(java.lang.classfile.CodeBuilder cb) {
        return loadData(cb, DATA_HOLDER, cd(Compiled[].class));
    }

    /** Pushes entry {@code index} of the running template's data. */
    java.lang.classfile.CodeBuilder loadData(java.lang.classfile.CodeBuilder cb, int index, ClassDesc type) {
        cb.aload(BodyPart.R);
        invoke(cb, Member.STATE_DATA);
        cb.loadConstant(index);
        return cb.aaload().checkcast(type);
    }

    private DynamicConstantDesc<Object> at(int index, ClassDesc type) {
        DynamicConstantDesc<Object> desc = descs.get(index);
        if (desc == null || !desc.constantType().equals(type)) {
            desc = DynamicConstantDesc.ofNamed(BSM_CLASS_DATA_ENTRY, Integer.toString(index), type);
            descs.put(index, desc);
        }
        return desc;
    }

    /**
     * The class's pool entry for a constant or call site description, made once: turning a
     * description into pool entries costs far more than the instruction that uses it. The
     * class-data constants are canonical objects (see {@link #at}) and found by identity; call
     * sites by equality. The pieces several entries share (a bootstrap method's handle, a
     * name-and-type) are made once per class too: the pool's own conversion of a description
     * rebuilds and re-hashes them for every entry (a quarter of the generation time of the
     * stocks page went there).
     */
    PoolEntry entry(ConstantPoolBuilder pool, Object desc) {
        if (desc instanceof DynamicConstantDesc<?> d) {
            PoolEntry e = constantEntries.get(d);
            if (e == null) {
                e = pool.constantDynamicEntry(bootstrap(pool, d.bootstrapMethod(), d.bootstrapArgs()),
                        nameAndType(pool, d.constantName(), d.constantType().descriptorString()));
                constantEntries.put(d, e);
            }
            return e;
        }
        if (!(desc instanceof DynamicCallSiteDesc d)) {
            throw new IllegalArgumentException("no pool entry for " + desc);
        }
        ConstantDesc[] args = d.bootstrapArgs();
        for (ConstantDesc arg : args) {
            if (arg instanceof DynamicConstantDesc<?>) {
                // a site with a constant of its own (an attribute site) is unique in the class:
                // looking it up would only hash the whole description (a fifth of the time
                // spent on pool entries) to miss
                return invokeDynamic(pool, d, args);
            }
        }
        PoolEntry e = entries.get(desc);
        if (e == null) {
            e = invokeDynamic(pool, d, args);
            entries.put(desc, e);
        }
        return e;
    }

    private PoolEntry invokeDynamic(ConstantPoolBuilder pool, DynamicCallSiteDesc d, ConstantDesc[] args) {
        return pool.invokeDynamicEntry(bootstrap(pool, (DirectMethodHandleDesc) d.bootstrapMethod(), args),
                nameAndType(pool, d.invocationName(), d.invocationType().descriptorString()));
    }

    /** The class-data bootstrap's entry and the type descriptors of {@link #freshConstant}, made once per class. */
    private BootstrapMethodEntry classDataBootstrap;
    private final Map<ClassDesc, java.lang.classfile.constantpool.Utf8Entry> typeDescriptors = new IdentityHashMap<>();
    private final Map<Object, PoolEntry> constantEntries = new IdentityHashMap<>();
    private final Map<DirectMethodHandleDesc, MethodHandleEntry> handles = new IdentityHashMap<>();
    private final Map<String, NameAndTypeEntry> namesAndTypes = new HashMap<>();

    private BootstrapMethodEntry bootstrap(ConstantPoolBuilder pool, DirectMethodHandleDesc method, ConstantDesc[] args) {
        MethodHandleEntry handle = handles.get(method);
        if (handle == null) {
            handle = pool.methodHandleEntry(method);
            handles.put(method, handle);
        }
        LoadableConstantEntry[] argEntries = new LoadableConstantEntry[args.length];
        for (int i = 0; i < argEntries.length; i++) {
            argEntries[i] = args[i] instanceof DynamicConstantDesc<?> dc
                    ? (LoadableConstantEntry) entry(pool, dc) : pool.loadableConstantEntry(args[i]);
        }
        return pool.bsmEntry(handle, List.of(argEntries));
    }

    private NameAndTypeEntry nameAndType(ConstantPoolBuilder pool, String name, String descriptor) {
        String key = name + ' ' + descriptor;
        NameAndTypeEntry e = namesAndTypes.get(key);
        if (e == null) {
            e = pool.nameAndTypeEntry(pool.utf8Entry(name), pool.utf8Entry(descriptor));
            namesAndTypes.put(key, e);
        }
        return e;
    }

    /** The name of the next call-site constant: unique in the class, so each site is an object of its own. */
    String nextSiteName() {
        return "s" + sites++;
    }

    private final Map<Member, java.lang.classfile.constantpool.MemberRefEntry> members = new IdentityHashMap<>();

    /** Emits a call of a frequently called method, its pool entry made once per class. */
    void invoke(java.lang.classfile.CodeBuilder cb, Member m) {
        var ref = members.get(m);
        if (ref == null) {
            ref = m.entry(cb.constantPool());
            members.put(m, ref);
        }
        m.emit(cb, ref);
    }

    /** The index of a position in the position table. */
    int position(Pos pos) {
        Integer index = positionIndex.get(pos);
        if (index == null) {
            index = positions.size();
            positions.add(pos);
            positionIndex.put(pos, index);
            Integer leaf = shape == null ? null : shape.positionIndex.get(pos);
            if (leaf == null && shape != null) {
                // a position made by the compiler, not one of the tree's: not rebuilt by the recipe
                shareable = false;
            }
            positionRecipe.add(leaf == null ? -1 : leaf);
        }
        return index;
    }
}
