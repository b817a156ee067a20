package dev.kida.engine.runtime.objects;

import dev.kida.engine.runtime.value.TemplateObject;
import dev.kida.engine.runtime.value.Tuple;
import java.util.List;

/** One group of the {@code groupby} filter: prints as a tuple, with {@code grouper} and {@code list} attributes. */
public final class GroupTuple extends Tuple implements TemplateObject {
    /** The group's key and its items. */
    public GroupTuple(Object grouper, List<Object> list) {
        super(new Object[]{grouper, list});
    }

    /** The value the items share. */
    public Object grouper() {
        return get(0);
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "grouper" -> get(0);
            case "list" -> get(1);
            default -> MISSING;
        };
    }

    @Override
    public String jinjaTypeName() {
        return "jinja2.filters._GroupTuple";
    }
}
