import dev.kida.api.escape.Escaper;
import dev.kida.api.escape.EscaperProvider;
import dev.kida.engine.Escapers;

/**
 * Run by LazyEscaperStartTest in a fresh JVM (source-file mode): escapes strings of the given
 * length with every backend, through the escaper an environment would use.
 */
public class Probe {
    public static void main(String[] args) {
        int length = Integer.parseInt(args[0]);
        String text = "<" + "x".repeat(Math.max(0, length - 2)) + ">";
        for (EscaperProvider p : Escapers.providers()) {
            if (p.availability().available()) {
                Escaper e = Escapers.escaper(p, false);
                StringBuilder out = new StringBuilder();
                e.escapeTo(text, out);
                System.out.println(p.name() + " " + out.length() + " " + e.escape(text).equals(out.toString()));
            }
        }
    }
}
