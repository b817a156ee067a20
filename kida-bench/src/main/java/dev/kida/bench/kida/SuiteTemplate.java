package dev.kida.bench.kida;

import dev.kida.bench.data.PersonData;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kida's own suite: templates of growing size and feature use (under {@code templates/kida/suite}),
 * each with its context of plain Java maps and lists, the way data usually reaches a template.
 */
public enum SuiteTemplate {
    /** One variable. */
    MINIMAL(Map.of("name", "World & <friends>")),
    /** A filter, a condition and a short loop. */
    SMALL(Map.of(
            "title", "Weekly report",
            "user", Map.of("name", "Ada <admin>", "admin", true),
            "items", List.of("alpha", "beta & gamma", "delta", "epsilon", "zeta"))),
    /** A macro per item, filters, loop.first/last and for-else: 50 product cards. */
    MEDIUM(medium()),
    /** 1,000 table rows of 7 cells, loop.cycle and loop.index. */
    LARGE(Map.of("rows", PersonData.people())),
    /** Three levels of inheritance with super(), an imported macro library, an include and set. */
    COMPLEX(complex());

    private final Map<String, Object> context;

    SuiteTemplate(Map<String, Object> context) {
        this.context = context;
    }

    /** The template's name for the loader of {@code templates/kida}. */
    public String templateName() {
        return "suite/" + name().toLowerCase(java.util.Locale.ROOT) + ".html";
    }

    /** The template's variables. */
    public Map<String, Object> context() {
        return context;
    }

    private static Map<String, Object> medium() {
        List<Map<String, Object>> products = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            Map<String, Object> p = new HashMap<>();
            p.put("name", "product number " + i);
            p.put("description", i % 4 == 0 ? null : "Useful & durable item <" + i + ">");
            p.put("price", 10 + i * 1.25);
            p.put("sale", i % 5 == 0);
            p.put("tags", i % 3 == 0 ? List.of() : List.of("new", "tag" + (i % 7)));
            products.add(p);
        }
        return Map.of(
                "shop", Map.of("name", "The <Kida> Shop", "categories", List.of("tools", "toys", "books"),
                        "footer", "Prices Include VAT"),
                "products", products);
    }

    private static Map<String, Object> complex() {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (int s = 1; s <= 5; s++) {
            List<Map<String, Object>> posts = new ArrayList<>();
            for (int p = 1; p <= 8; p++) {
                Map<String, Object> post = new HashMap<>();
                post.put("title", "Post " + s + "." + p + " & more");
                post.put("summary", "What happened when x < " + p + " and y > " + s);
                post.put("author", p % 3 == 0 ? null : "author" + p);
                posts.add(post);
            }
            sections.add(Map.of("heading", "Section <" + s + ">", "posts", posts));
        }
        List<Map<String, Object>> links = List.of(
                Map.of("url", "/blog", "title", "Blog", "active", true),
                Map.of("url", "/about", "title", "About & contact", "active", false),
                Map.of("url", "/archive", "title", "Archive", "active", false));
        List<Map<String, Object>> tags = new ArrayList<>();
        for (int t = 1; t <= 12; t++) {
            tags.add(Map.of("name", "tag<" + t + ">", "count", t * 3));
        }
        return Map.of(
                "site", Map.of("year", 2025, "owner", "Kida & co", "description", "A blog <about> templates",
                        "links", links, "tags", tags),
                "page", Map.of("title", "Archive", "sections", sections));
    }
}
