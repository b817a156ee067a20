package dev.kida.engine.filters;

import dev.kida.api.RuntimeErrorKind;
import dev.kida.api.Arguments;
import dev.kida.api.CallContext;
import dev.kida.api.Markup;
import dev.kida.api.TemplateRuntimeException;
import dev.kida.engine.runtime.text.StrOperations;
import dev.kida.engine.runtime.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code urlize} filter: turns http(s) URLs, www. and bare domains, and e-mail addresses in
 * text into links, escaping the rest, with Jinja2's default {@code rel="noopener"}.
 */
final class Urlize {
    private Urlize() {
    }

    private static final Pattern HTTP = Pattern.compile(
            "^((https?://|www\\.)(([\\w%-]+\\.)+)?([a-z]{2,63}|xn--[\\w%]{2,59})"
                    + "|([\\w%-]{2,63}\\.)+(com|net|int|edu|gov|org|info|mil)"
                    + "|(https?://)((([\\d]{1,3})(\\.[\\d]{1,3}){3})|(\\[([\\da-f]{0,4}:){2}([\\da-f]{0,4}:?){1,6}])))"
                    + "(?::[\\d]{1,5})?(?:[/?#]\\S*)?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern EMAIL = Pattern.compile("^\\S+@\\w[\\w.-]*\\.\\w+$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LEAD = Pattern.compile("^([(<]|&lt;)+");
    private static final Pattern TRAIL = Pattern.compile("([)>.,\\n]|&gt;)+$");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][\\w+.-]*:(//)?$");
    private static final Pattern SPACE = Pattern.compile("(\\s+)", Pattern.UNICODE_CHARACTER_CLASS);

    static Object filter(CallContext ctx, Object value, Arguments a) {
        a.check("urlize", "trim_url_limit", "nofollow", "target", "rel", "extra_schemes");
        Object limitObj = a.get(0, "trim_url_limit", null);
        Integer limit = limitObj == null ? null : Texts.intArg(limitObj, "urlize");
        boolean nofollow = ctx.truthy(a.get(1, "nofollow", false));
        Object target = a.get(2, "target", null);
        Object relObj = a.get(3, "rel", null);
        Object schemesObj = a.get(4, "extra_schemes", null);
        TreeSet<String> relParts = new TreeSet<>();
        if (relObj != null) {
            for (Object p : StrOperations.split(Values.str(relObj), null, -1)) {
                relParts.add((String) p);
            }
        }
        if (nofollow) {
            relParts.add("nofollow");
        }
        relParts.add("noopener");
        String rel = String.join(" ", relParts);
        List<String> schemes = new ArrayList<>();
        if (schemesObj != null) {
            for (Object s : Values.toList(schemesObj)) {
                String scheme = Values.str(s);
                if (!SCHEME.matcher(scheme).matches()) {
                    throw new TemplateRuntimeException(RuntimeErrorKind.VALUE_ERROR,
                            Values.repr(scheme) + " is not a valid URI scheme prefix.");
                }
                schemes.add(scheme);
            }
        }
        String rv = urlize(ctx, value, limit, rel, target == null ? null : Values.str(target), schemes);
        return ctx.autoescape() ? Markup.of(rv) : rv;
    }

    private static String trim(String url, Integer limit) {
        if (limit != null && StrOperations.length(url) > limit) {
            return url.substring(0, url.offsetByCodePoints(0, Math.max(0, limit))) + "...";
        }
        return url;
    }

    private static int count(String s, String sub) {
        return StrOperations.count(s, sub);
    }

    static String urlize(CallContext ctx, Object text, Integer limit, String rel, String target, List<String> schemes) {
        String escaped = ctx.escape(text).toHtml();
        String relAttr = rel.isEmpty() ? "" : " rel=\"" + ctx.escape(rel).toHtml() + "\"";
        String targetAttr = target == null || target.isEmpty() ? "" : " target=\"" + ctx.escape(target).toHtml() + "\"";
        StringBuilder out = new StringBuilder();
        Matcher sm = SPACE.matcher(escaped);
        int last = 0;
        List<String> words = new ArrayList<>();
        while (sm.find()) {
            words.add(escaped.substring(last, sm.start()));
            words.add(sm.group());
            last = sm.end();
        }
        words.add(escaped.substring(last));
        for (String word : words) {
            String head = "";
            String middle = word;
            String tail = "";
            Matcher lead = LEAD.matcher(middle);
            if (lead.find()) {
                head = lead.group();
                middle = middle.substring(lead.end());
            }
            if (middle.endsWith(")") || middle.endsWith(">") || middle.endsWith(".") || middle.endsWith(",")
                    || middle.endsWith("\n") || middle.endsWith("&gt;")) {
                Matcher trail = TRAIL.matcher(middle);
                if (trail.find()) {
                    tail = trail.group();
                    middle = middle.substring(0, trail.start());
                }
            }
            String[][] pairs = {{"(", ")"}, {"<", ">"}, {"&lt;", "&gt;"}};
            for (String[] pair : pairs) {
                int startCount = count(middle, pair[0]);
                if (startCount <= count(middle, pair[1])) {
                    continue;
                }
                int moves = Math.min(startCount, count(tail, pair[1]));
                for (int k = 0; k < moves; k++) {
                    int endIndex = tail.indexOf(pair[1]) + pair[1].length();
                    middle += tail.substring(0, endIndex);
                    tail = tail.substring(endIndex);
                }
            }
            if (HTTP.matcher(middle).matches()) {
                String href = middle.startsWith("https://") || middle.startsWith("http://") ? middle : "https://" + middle;
                middle = "<a href=\"" + href + "\"" + relAttr + targetAttr + ">" + trim(middle, limit) + "</a>";
            } else if (middle.startsWith("mailto:") && EMAIL.matcher(middle.substring(7)).matches()) {
                middle = "<a href=\"" + middle + "\">" + middle.substring(7) + "</a>";
            } else if (middle.contains("@") && !middle.startsWith("www.") && !middle.contains(":")
                    && EMAIL.matcher(middle).matches()) {
                middle = "<a href=\"mailto:" + middle + "\">" + middle + "</a>";
            } else {
                for (String scheme : schemes) {
                    if (!middle.equals(scheme) && middle.startsWith(scheme)) {
                        middle = "<a href=\"" + middle + "\"" + relAttr + targetAttr + ">" + middle + "</a>";
                    }
                }
            }
            out.append(head).append(middle).append(tail);
        }
        return out.toString();
    }
}
