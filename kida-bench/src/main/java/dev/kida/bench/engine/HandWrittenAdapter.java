package dev.kida.bench.engine;

import dev.kida.bench.data.Contact;
import dev.kida.bench.data.Person;
import dev.kida.bench.data.Stock;

import java.util.List;

/**
 * The practical limit: the page written by hand into a pre-sized StringBuilder, escaping with a
 * tight loop. No engine can do less work than this for the same bytes.
 */
public final class HandWrittenAdapter implements EngineAdapter {
    @Override
    public Renderer prepare(Scenario scenario) {
        String head = Resources.template("handwritten", scenario.id() + "-head.html");
        String tail = Resources.template("handwritten", scenario.id() + "-tail.html");
        return switch (scenario) {
            case STOCKS -> {
                @SuppressWarnings("unchecked")
                List<Stock> items = (List<Stock>) scenario.context().get("items");
                yield () -> stocks(head, tail, items);
            }
            case LARGE -> {
                @SuppressWarnings("unchecked")
                List<Person> rows = (List<Person>) scenario.context().get("rows");
                yield () -> large(head, tail, rows);
            }
            case ESCAPED -> {
                @SuppressWarnings("unchecked")
                List<Contact> rows = (List<Contact>) scenario.context().get("rows");
                yield () -> escaped(head, tail, rows);
            }
        };
    }

    private static String stocks(String head, String tail, List<Stock> items) {
        StringBuilder out = new StringBuilder(8 * 1024);
        out.append(head);
        for (int i = 0, n = items.size(); i < n; i++) {
            Stock item = items.get(i);
            String minus = item.getChange() < 0 ? " class=\"minus\"" : "";
            out.append("\t\t\t<tr class=\"").append(i % 2 == 0 ? "odd" : "even").append("\">\n")
                    .append("\t\t\t\t<td>").append(i + 1).append("</td>\n")
                    .append("\t\t\t\t<td><a href=\"/stocks/");
            escape(out, item.getSymbol());
            out.append("\">");
            escape(out, item.getSymbol());
            out.append("</a></td>\n\t\t\t\t<td><a href=\"");
            escape(out, item.getUrl());
            out.append("\">");
            escape(out, item.getName());
            out.append("</a></td>\n\t\t\t\t<td><strong>").append(item.getPrice()).append("</strong></td>\n")
                    .append("\t\t\t\t<td").append(minus).append('>').append(item.getChange()).append("</td>\n")
                    .append("\t\t\t\t<td").append(minus).append('>').append(item.getRatio()).append("</td>\n")
                    .append("\t\t\t</tr>\n");
        }
        return out.append(tail).toString();
    }

    private static String large(String head, String tail, List<Person> rows) {
        StringBuilder out = new StringBuilder(160 * 1024);
        out.append(head);
        for (Person r : rows) {
            out.append("<tr><td>");
            escape(out, r.getId());
            out.append("</td><td>");
            escape(out, r.getName());
            out.append("</td><td>");
            escape(out, r.getEmail());
            out.append("</td><td>");
            escape(out, r.getCity());
            out.append("</td><td>");
            escape(out, r.getCompany());
            out.append("</td><td>");
            escape(out, r.getNote());
            out.append("</td></tr>\n");
        }
        return out.append(tail).toString();
    }

    private static String escaped(String head, String tail, List<Contact> rows) {
        StringBuilder out = new StringBuilder(128 * 1024);
        out.append(head);
        for (Contact r : rows) {
            out.append("<tr><td>");
            escape(out, r.getName());
            out.append("</td><td>");
            escape(out, r.getEmail());
            out.append("</td><td>");
            escape(out, r.getCity());
            out.append("</td><td>");
            escape(out, r.getCompany());
            out.append("</td><td>");
            escape(out, r.getNote());
            out.append("</td><td>");
            escape(out, r.getStatus());
            out.append("</td></tr>\n");
        }
        return out.append(tail).toString();
    }

    /** Jinja2's escaping: {@code & < > " '} and NUL dropped; unchanged runs are copied whole. */
    static void escape(StringBuilder out, String s) {
        int start = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            String replacement = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '\0' -> "";
                default -> null;
            };
            if (replacement != null) {
                out.append(s, start, i).append(replacement);
                start = i + 1;
            }
        }
        out.append(s, start, s.length());
    }
}
