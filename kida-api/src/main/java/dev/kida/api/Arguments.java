package dev.kida.api;

import java.util.List;
import java.util.Map;

/**
 * The arguments of a filter, test or function call as the template wrote them: positional ones in
 * order and keyword ones by name. The binding helpers follow Python's rules, so a parameter may be
 * passed either way, and errors are the ones Python would raise (as {@link TemplateTypeException}).
 */
public interface Arguments {
    /** The positional arguments, not counting a filter's or test's subject value. */
    List<Object> positional();

    /** The keyword arguments, in the order written. */
    Map<String, Object> keywords();

    /** Number of positional arguments. */
    default int size() {
        return positional().size();
    }

    /**
     * The parameter at {@code position} (0-based, not counting the subject) or named {@code name},
     * or {@code defaultValue} when it was passed neither way.
     *
     * @throws TemplateTypeException when it was passed both ways
     */
    Object get(int position, String name, Object defaultValue);

    /**
     * Like {@link #get} for a required parameter.
     *
     * @throws TemplateTypeException when it is missing
     */
    Object require(int position, String name);

    /**
     * Raises {@link TemplateTypeException} if more positional arguments were passed than the
     * callee has parameters, or a keyword that is not among {@code names}.
     *
     * @param callee the name used in the error message
     * @param names  the parameter names, in positional order
     */
    void check(String callee, String... names);
}
