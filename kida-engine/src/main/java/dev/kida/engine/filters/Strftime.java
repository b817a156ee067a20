package dev.kida.engine.filters;

import dev.kida.engine.runtime.value.PyNumbers;
import dev.kida.engine.runtime.value.Undefined;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Date;

/**
 * Kida's {@code date(format="%Y-%m-%d")}: Python's {@code strftime} in the C locale over a
 * {@code java.time} value, a {@link Date}, or an epoch number of seconds (read in the JVM's time
 * zone, as Python's {@code fromtimestamp} uses the local one). None and values of other kinds give
 * {@code ""}, as in Kida. Directives Python does not know are kept as written.
 */
final class Strftime {
    /** Made at the first message: {@code System.getLogger} starts the logging back end, which a
     * cold start that logs nothing should not pay for. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("dev.kida.engine.filters");
    }
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private Strftime() {
    }

    /** A date, time or moment: its fields, and its offset when it has one. */
    private record Moment(LocalDate date, LocalTime time, ZoneOffset offset, ZoneId zone) {}

    static String format(Object value, String format) {
        if (value instanceof Undefined u) {
            throw u.fail();
        }
        Moment m = moment(value);
        return m == null ? "" : render(m, format);
    }

    private static Moment moment(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate d -> new Moment(d, LocalTime.MIDNIGHT, null, null);
            case LocalDateTime dt -> new Moment(dt.toLocalDate(), dt.toLocalTime(), null, null);
            case OffsetDateTime o -> new Moment(o.toLocalDate(), o.toLocalTime(), o.getOffset(), null);
            case ZonedDateTime z -> new Moment(z.toLocalDate(), z.toLocalTime(), z.getOffset(), z.getZone());
            case LocalTime t -> new Moment(LocalDate.of(1900, 1, 1), t, null, null);
            case Instant i -> local(i);
            case Date d -> local(d.toInstant());
            case Boolean b -> local(Instant.ofEpochSecond(b ? 1 : 0));
            default -> {
                if (PyNumbers.isNumber(value)) {
                    double seconds = PyNumbers.toDouble(value);
                    if (Double.isNaN(seconds) || Math.abs(seconds) > 253_402_300_799.0) {
                        Log.LOG.log(System.Logger.Level.WARNING, "date: epoch " + value
                                + " is outside the years 1-9999; printed as \"\"");
                        yield null;
                    }
                    long whole = (long) Math.floor(seconds);
                    long micros = Math.round((seconds - whole) * 1_000_000);
                    yield local(Instant.ofEpochSecond(whole, micros * 1000));
                }
                yield null;
            }
        };
    }

    /** Python's fromtimestamp: local time without an attached zone. */
    private static Moment local(Instant i) {
        ZonedDateTime z = i.atZone(ZoneId.systemDefault());
        return new Moment(z.toLocalDate(), z.toLocalTime(), null, null);
    }

    private static String render(Moment m, String format) {
        StringBuilder out = new StringBuilder(format.length() + 16);
        int n = format.length();
        for (int i = 0; i < n; i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= n) {
                out.append(c);
                continue;
            }
            char d = format.charAt(i + 1);
            boolean unpadded = d == '-' && i + 2 < n;
            if (unpadded) {
                d = format.charAt(i + 2);
            }
            String field = field(m, d, !unpadded);
            if (field == null) {
                out.append(c);
                continue;
            }
            out.append(field);
            i += unpadded ? 2 : 1;
        }
        return out.toString();
    }

    private static String field(Moment m, char d, boolean padded) {
        LocalDate date = m.date();
        LocalTime time = m.time();
        int hour12 = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        return switch (d) {
            case 'a' -> DAYS[date.getDayOfWeek().getValue() - 1].substring(0, 3);
            case 'A' -> DAYS[date.getDayOfWeek().getValue() - 1];
            case 'w' -> Integer.toString(date.getDayOfWeek().getValue() % 7);
            case 'u' -> Integer.toString(date.getDayOfWeek().getValue());
            case 'd' -> num(date.getDayOfMonth(), 2, padded);
            case 'e' -> String.format("%2d", date.getDayOfMonth());
            case 'b', 'h' -> MONTHS[date.getMonthValue() - 1].substring(0, 3);
            case 'B' -> MONTHS[date.getMonthValue() - 1];
            case 'm' -> num(date.getMonthValue(), 2, padded);
            case 'y' -> num(date.getYear() % 100, 2, padded);
            case 'Y' -> Integer.toString(date.getYear());
            case 'H' -> num(time.getHour(), 2, padded);
            case 'I' -> num(hour12, 2, padded);
            case 'p' -> time.getHour() < 12 ? "AM" : "PM";
            case 'M' -> num(time.getMinute(), 2, padded);
            case 'S' -> num(time.getSecond(), 2, padded);
            case 'f' -> num(time.getNano() / 1000, 6, true);
            case 'j' -> num(date.getDayOfYear(), 3, padded);
            case 'U' -> num((date.getDayOfYear() + 6 - date.getDayOfWeek().getValue() % 7) / 7, 2, padded);
            case 'W' -> num((date.getDayOfYear() + 6 - (date.getDayOfWeek().getValue() + 6) % 7) / 7, 2, padded);
            case 'V' -> num(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, padded);
            case 'G' -> Integer.toString(date.get(IsoFields.WEEK_BASED_YEAR));
            case 'z' -> m.offset() == null ? "" : offset(m.offset());
            case 'Z' -> m.zone() != null ? m.zone().getId() : m.offset() == null ? ""
                    : m.offset().getTotalSeconds() == 0 ? "UTC" : "UTC" + offset(m.offset()).substring(0, 3) + ":"
                    + offset(m.offset()).substring(3);
            case 'c' -> field(m, 'a', true) + " " + field(m, 'b', true) + " " + field(m, 'e', true) + " "
                    + field(m, 'H', true) + ":" + field(m, 'M', true) + ":" + field(m, 'S', true) + " "
                    + date.getYear();
            case 'x' -> field(m, 'm', true) + "/" + field(m, 'd', true) + "/" + field(m, 'y', true);
            case 'X' -> field(m, 'H', true) + ":" + field(m, 'M', true) + ":" + field(m, 'S', true);
            case 'D' -> field(m, 'x', true);
            case 'F' -> date.getYear() + "-" + field(m, 'm', true) + "-" + field(m, 'd', true);
            case 'T' -> field(m, 'X', true);
            case 'R' -> field(m, 'H', true) + ":" + field(m, 'M', true);
            case '%' -> "%";
            default -> null;
        };
    }

    private static String num(int value, int width, boolean padded) {
        String s = Integer.toString(value);
        if (!padded || s.length() >= width) {
            return s;
        }
        return "0".repeat(width - s.length()) + s;
    }

    private static String offset(ZoneOffset o) {
        int total = o.getTotalSeconds();
        char sign = total < 0 ? '-' : '+';
        total = Math.abs(total);
        String s = sign + num(total / 3600, 2, true) + num(total / 60 % 60, 2, true);
        return total % 60 == 0 ? s : s + num(total % 60, 2, true);
    }
}
