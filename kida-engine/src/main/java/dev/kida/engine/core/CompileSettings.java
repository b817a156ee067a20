package dev.kida.engine.core;

/**
 * When an engine's templates get compiled code, and of which kind.
 *
 * @param threshold     in tiered mode, after how many runs in the evaluator a template is compiled
 * @param shapeClasses  in compiled mode, how many shape classes the engine keeps: templates whose
 *                      trees differ only in text, positions and names share one generated class,
 *                      each with its own data (docs/architecture.md, "Shape classes"); 0 gives
 *                      every template a class of its own
 * @param ownClassAfter after how many runs a template on a shared shape class is compiled again,
 *                      in the background, into a class of its own (its texts then constants the
 *                      JIT folds); 0: never
 */
public record CompileSettings(int threshold, int shapeClasses, int ownClassAfter) {
    /** System property that sets {@link #shapeClasses} when the builder does not. */
    public static final String SHAPE_CLASSES_PROPERTY = "kida.compiler.shapeClasses";
    /** System property that sets {@link #ownClassAfter} when the builder does not. */
    public static final String OWN_CLASS_AFTER_PROPERTY = "kida.compiler.ownClassAfter";

    /** Checks the counts (the rules the builder's setters apply too). */
    public CompileSettings {
        requireThreshold(threshold);
        requireShapeClasses(shapeClasses);
        requireOwnClassAfter(ownClassAfter);
    }

    /** {@code runs} if it is a valid {@link #threshold}: at least 1. */
    public static int requireThreshold(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("compile threshold must be at least 1, not " + runs);
        }
        return runs;
    }

    /** {@code classes} if it is a valid {@link #shapeClasses}: 0 or more. */
    public static int requireShapeClasses(int classes) {
        if (classes < 0) {
            throw new IllegalArgumentException("shape classes must be 0 (none) or more, not " + classes);
        }
        return classes;
    }

    /** {@code renders} if it is a valid {@link #ownClassAfter}: 0 or more. */
    public static int requireOwnClassAfter(int renders) {
        if (renders < 0) {
            throw new IllegalArgumentException("own class threshold must be 0 (never) or more renders, not " + renders);
        }
        return renders;
    }

    /**
     * Settings with {@code threshold} and the shape-class counts given; where one is null, that of
     * its system property: {@value #SHAPE_CLASSES_PROPERTY} (default 256),
     * {@value #OWN_CLASS_AFTER_PROPERTY} (default 1,000), a negative property counting as 0. So a
     * count set in code wins over the property.
     */
    public static CompileSettings of(int threshold, Integer shapeClasses, Integer ownClassAfter) {
        return new CompileSettings(threshold,
                shapeClasses != null ? shapeClasses : property(SHAPE_CLASSES_PROPERTY, 256),
                ownClassAfter != null ? ownClassAfter : property(OWN_CLASS_AFTER_PROPERTY, 1000));
    }

    private static int property(String name, int fallback) {
        return Math.max(0, Integer.getInteger(name, fallback));
    }
}
