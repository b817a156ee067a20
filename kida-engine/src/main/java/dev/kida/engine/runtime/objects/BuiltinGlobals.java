package dev.kida.engine.runtime.objects;

import dev.kida.engine.runtime.Args;
import dev.kida.engine.runtime.value.Budget;
import dev.kida.engine.runtime.html.Html;
import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.value.Range;
import dev.kida.engine.runtime.StrMethods;
import dev.kida.engine.runtime.Values;
import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.GlobalFunction;
import dev.kida.api.Markup;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.api.TemplateTypeException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Jinja2's default globals: range, dict, lipsum, cycler, joiner and namespace. */
public final class BuiltinGlobals {
    /**
     * The largest range: Jinja2's plain environment has no limit (only its sandbox does), and a
     * Range is lazy, so the bound is only what an int index can address.
     */
    public static final int MAX_RANGE = Integer.MAX_VALUE;

    private BuiltinGlobals() {
    }

    private static final Map<String, Object> ALL = build();

    /** The globals by name; the functions are {@link GlobalFunction}s. */
    public static Map<String, Object> all() {
        return ALL;
    }

    private static Map<String, Object> build() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("range", new NamedGlobal("<class 'range'>", BuiltinGlobals::range));
        m.put("dict", new NamedGlobal("<class 'dict'>", BuiltinGlobals::dict));
        m.put("lipsum", (GlobalFunction) BuiltinGlobals::lipsum);
        m.put("cycler", new NamedGlobal("<class 'jinja2.utils.Cycler'>", (ctx, args) -> {
            if (!args.keywords().isEmpty()) {
                throw new TemplateTypeException("cycler() got an unexpected keyword argument");
            }
            return new Cycler(args.positional());
        }));
        m.put("joiner", new NamedGlobal("<class 'jinja2.utils.Joiner'>", (ctx, args) -> {
            args.check("joiner", "sep");
            return new Joiner(Values.str(args.get(0, "sep", ", ")));
        }));
        m.put("namespace", new NamedGlobal("<class 'jinja2.utils.Namespace'>", BuiltinGlobals::namespace));
        // A read-only view, not Map.copyOf: hashing every entry again into a new table is work a
        // fresh JVM's interpreter does at every start (~0.3 ms for the built-ins;
        // docs/performance.md, "Cold start", session 20), and lookups are as fast either way.
        return Collections.unmodifiableMap(m);
    }

    private static long rangeArg(Object v) {
        if (!PyNumbers.isIntegral(v)) {
            throw new TemplateTypeException("'" + Values.typeName(v) + "' object cannot be interpreted as an integer");
        }
        if (PyNumbers.isBig(v)) {
            throw new TemplateRuntimeException(RuntimeErrorKind.OVERFLOW_ERROR,
                    "Python int too large to convert to C ssize_t");
        }
        return PyNumbers.toLong(v);
    }

    /** {@code range(stop)}, {@code range(start, stop[, step])}. */
    public static Object range(CallContext ctx, Arguments args) {
        if (!args.keywords().isEmpty()) {
            throw new TemplateTypeException("range() takes no keyword arguments");
        }
        List<Object> a = args.positional();
        if (a.isEmpty() || a.size() > 3) {
            throw new TemplateTypeException("range expected at least 1 argument, got " + a.size());
        }
        long start = 0;
        long stop;
        long step = 1;
        if (a.size() == 1) {
            stop = rangeArg(a.get(0));
        } else {
            start = rangeArg(a.get(0));
            stop = rangeArg(a.get(1));
            if (a.size() == 3) {
                step = rangeArg(a.get(2));
            }
        }
        if (step == 0) {
            throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR, "range() arg 3 must not be zero");
        }
        long count = Range.count(start, stop, step);
        if (count > MAX_RANGE) {
            throw new TemplateRuntimeException(RuntimeErrorKind.OVERFLOW_ERROR,
                    "Python int too large to convert to C ssize_t");
        }
        return new Range(start, stop, step, (int) count);
    }

    /** {@code dict(mapping_or_pairs, **kwargs)}. */
    public static Object dict(CallContext ctx, Arguments args) {
        if (args.size() > 1) {
            throw new TemplateTypeException("dict expected at most 1 argument, got " + args.size());
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        if (args.size() == 1) {
            Object src = args.positional().get(0);
            if (src instanceof Map<?, ?> m) {
                out.putAll(m);
            } else {
                Iterator<Object> it = Values.iterate(src);
                while (it.hasNext()) {
                    List<Object> pair = Values.toList(it.next());
                    if (pair.size() != 2) {
                        throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                                "dictionary update sequence element has length "
                                + pair.size() + "; 2 is required");
                    }
                    out.put(pair.get(0), pair.get(1));
                }
            }
        }
        out.putAll(args.keywords());
        return out;
    }

    /** {@code namespace(mapping?, **kwargs)}. */
    public static Object namespace(CallContext ctx, Arguments args) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        if (args.size() > 1) {
            throw new TemplateTypeException("namespace expected at most 1 argument, got " + args.size());
        }
        if (args.size() == 1) {
            Object dict = dict(ctx, new Args(args.positional(), Map.of()));
            ((Map<?, ?>) dict).forEach((k, v) -> attrs.put(Values.str(k), v));
        }
        attrs.putAll(args.keywords());
        return new Namespace(attrs);
    }

    /** Split at the first lipsum(), not with the globals: a fresh JVM would split these ~150
     * words in its interpreter at every start (docs/performance.md, "Cold start", session 20). */
    private static final class Lipsum {
        static final String[] WORDS = ("a ac accumsan ad adipiscing aenean aliquam aliquet amet ante aptent arcu "
                + "at auctor augue bibendum blandit class commodo condimentum congue consectetuer consequat conubia "
                + "convallis cras cubilia cum curabitur curae cursus dapibus diam dictum dictumst dignissim dis dolor "
                + "donec dui duis egestas eget eleifend elementum elit enim erat eros est et etiam eu euismod facilisi "
                + "facilisis fames faucibus felis fermentum feugiat fringilla fusce gravida habitant habitasse hac "
                + "hendrerit hymenaeos iaculis id imperdiet in inceptos integer interdum ipsum justo lacinia lacus "
                + "laoreet lectus leo libero ligula litora lobortis lorem luctus maecenas magna magnis malesuada massa "
                + "mattis mauris metus mi molestie mollis montes morbi mus nam nascetur natoque nec neque netus nibh "
                + "nisi nisl non nonummy nostra nulla nullam nunc odio orci ornare parturient pede pellentesque "
                + "penatibus per pharetra phasellus placerat platea porta porttitor posuere potenti praesent pretium "
                + "primis proin pulvinar purus quam quis quisque rhoncus ridiculus risus rutrum sagittis sapien "
                + "scelerisque sed sem semper senectus sit sociis sociosqu sodales sollicitudin suscipit suspendisse "
                + "taciti tellus tempor tempus tincidunt torquent tortor tristique turpis ullamcorper ultrices "
                + "ultricies urna ut varius vehicula vel velit venenatis vestibulum vitae vivamus viverra volutpat "
                + "vulputate").split(" ");
    }

    /** {@code lipsum(n=5, html=True, min=20, max=100)}: random lorem ipsum paragraphs. */
    public static Object lipsum(CallContext ctx, Arguments args) {
        args.check("lipsum", "n", "html", "min", "max");
        int n = (int) StrMethods.intArg(args.get(0, "n", 5L), "lipsum");
        boolean html = Values.truthy(args.get(1, "html", true));
        int min = (int) StrMethods.intArg(args.get(2, "min", 20L), "lipsum");
        int max = (int) StrMethods.intArg(args.get(3, "max", 100L), "lipsum");
        if (min > max) {
            throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                    "empty range for randrange() (" + min + ", " + (max + 1) + ")");
        }
        // words are at most 13 characters with their punctuation and space
        Budget.string((long) Math.max(0, n) * Math.max(0, max) * 14);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            int words = random.nextInt(min, max + 1);
            StringBuilder sb = new StringBuilder();
            boolean startSentence = true;
            int sinceComma = 0;
            int sincePeriod = 0;
            String last = null;
            for (int i = 0; i < words; i++) {
                String word;
                do {
                    word = Lipsum.WORDS[random.nextInt(Lipsum.WORDS.length)];
                } while (word.equals(last));
                last = word;
                if (startSentence) {
                    word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                    startSentence = false;
                }
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(word);
                sinceComma++;
                sincePeriod++;
                boolean lastWord = i == words - 1;
                if (!lastWord && sincePeriod > 10 && random.nextInt(10) < 3) {
                    sb.append('.');
                    startSentence = true;
                    sincePeriod = 0;
                    sinceComma = 0;
                } else if (!lastWord && sinceComma > 7 && random.nextInt(10) < 3) {
                    sb.append(',');
                    sinceComma = 0;
                }
            }
            sb.append('.');
            paragraphs.add(sb.toString());
        }
        if (!html) {
            return String.join("\n\n", paragraphs);
        }
        List<String> wrapped = new ArrayList<>();
        for (String p : paragraphs) {
            wrapped.add("<p>" + Html.escape(p).toHtml() + "</p>");
        }
        return Markup.of(String.join("\n", wrapped));
    }
}
