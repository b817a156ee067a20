package dev.kida.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {
    @Test
    void objectsKeepDocumentOrderInALinkedHashMap() throws JsonException {
        Object value = Json.parse("{\"z\": 1, \"a\": 2, \"m\": 3}");
        LinkedHashMap<?, ?> map = assertInstanceOf(LinkedHashMap.class, value);
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(map.keySet()));
    }

    @Test
    void arraysAreArrayLists() throws JsonException {
        Object value = Json.parse("[1, \"two\", [], {}, null, true, false]");
        ArrayList<?> list = assertInstanceOf(ArrayList.class, value);
        assertEquals(Arrays.asList(1L, "two", List.of(), Map.of(), null, true, false), list);
    }

    @Test
    void integersAreLongsAndFloatsAreDoubles() throws JsonException {
        assertEquals(42L, Json.parse("42"));
        assertEquals(-7L, Json.parse("-7"));
        assertEquals(0L, Json.parse("-0"));
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
        assertEquals(4.0, Json.parse("4.0"));
        assertEquals(1e16, Json.parse("1e16"));
        assertEquals(2.5e-3, Json.parse("25E-4"));
        assertEquals(-0.5, Json.parse("-0.5"));
        assertInstanceOf(Double.class, Json.parse("1E+2"));
    }

    @Test
    void integersBeyondLongAreBigIntegers() throws JsonException {
        assertEquals(new BigInteger("9223372036854775808"), Json.parse("9223372036854775808"));
        assertEquals(new BigInteger("-123456789012345678901234567890"),
                Json.parse("-123456789012345678901234567890"));
        // 19 digits that still fit stay a Long.
        assertEquals(1234567890123456789L, Json.parse("1234567890123456789"));
    }

    @Test
    void stringEscapes() throws JsonException {
        assertEquals("a\"b\\c/d\be\ff\ng\rh\ti", Json.parse("\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\""));
        assertEquals("é€", Json.parse("\"\\u00e9\\u20AC\""));
        assertEquals("😀", Json.parse("\"\\ud83d\\ude00\""));
        assertEquals("x\uD800y", Json.parse("\"x\\ud800y\""), "an unpaired surrogate is kept");
        assertEquals("\u0000", Json.parse("\"\\u0000\""));
        assertEquals("naïve 日本 😀", Json.parse("\"naïve 日本 😀\""));
    }

    @Test
    void whitespaceAndByteOrderMarkAreSkipped() throws JsonException {
        assertEquals(Map.of("a", List.of(1L)), Json.parse("\uFEFF \t\r\n{ \"a\" : [ 1 ] } \n"));
    }

    @Test
    void emptyKeyAndEmptyString() throws JsonException {
        assertEquals(Map.of("", ""), Json.parse("{\"\":\"\"}"));
    }

    @Test
    void nullLiteral() throws JsonException {
        assertNull(Json.parse("null"));
    }

    static Stream<Arguments> malformedDocuments() {
        return Stream.of(
                Arguments.of("", 1, 1, "unexpected end of input"),
                Arguments.of("{\"a\": 1,}", 1, 9, "trailing comma"),
                Arguments.of("[1, 2,]", 1, 7, "trailing comma"),
                Arguments.of("{\"a\" 1}", 1, 6, "expected ':'"),
                Arguments.of("{a: 1}", 1, 2, "expected a string key"),
                Arguments.of("[01]", 1, 2, "leading zeros"),
                Arguments.of("[+1]", 1, 2, "unexpected '+'"),
                Arguments.of("[1.]", 1, 4, "digit after the decimal point"),
                Arguments.of("[1e]", 1, 4, "digit in the exponent"),
                Arguments.of("[-]", 1, 2, "'-' must be followed by a digit"),
                Arguments.of("[tru]", 1, 2, "expected a value"),
                Arguments.of("[1] x", 1, 5, "after the end of the JSON value"),
                Arguments.of("\"\\x\"", 1, 2, "invalid escape sequence '\\x'"),
                Arguments.of("\"\\u12g4\"", 1, 2, "four hex digits"),
                Arguments.of("\"abc", 1, 1, "string is not closed"),
                Arguments.of("[1, 2", 1, 1, "array is not closed"),
                Arguments.of("{\"a\": 1", 1, 1, "object is not closed"),
                Arguments.of("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate key \"a\""),
                Arguments.of("[1 2]", 1, 4, "expected ',' or ']'"),
                Arguments.of("[NaN]", 1, 2, "unexpected 'N'"),
                Arguments.of("// c\n1", 1, 1, "unexpected '/'"));
    }

    @ParameterizedTest
    @MethodSource("malformedDocuments")
    void errorsSayWhatAndWhere(String text, int line, int column, String fragment) {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().startsWith(line + ":" + column + ": "), e.getMessage());
    }

    @Test
    void errorLocationCountsLinesAndCodePoints() {
        String text = "{\n  \"a\": 1,\r\n  \"😀b\": [1,\n    2,,\n  ]\n}";
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));
        assertEquals(4, e.line(), e.getMessage());
        assertEquals(7, e.column(), e.getMessage());
    }

    @Test
    void rawControlCharactersInStringsAreRejected() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("\"a\nb\""));
        assertTrue(e.getMessage().contains("U+000A"), e.getMessage());
        assertEquals(1, e.line());
        assertEquals(3, e.column());
    }

    @Test
    void tooDeepNestingIsAnErrorNotAStackOverflow() {
        String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nesting"), e.getMessage());
    }

    @Test
    void nestingUpToTheLimitIsFine() throws JsonException {
        String deep = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertInstanceOf(List.class, Json.parse(deep));
    }

    @Test
    void anyValueIsADocument() throws Exception {
        // RFC 8259 allows any value at the top, not only an object or array.
        assertEquals(Boolean.TRUE, Json.parse("true"));
        assertEquals(Boolean.FALSE, Json.parse(" false "));
        assertNull(Json.parse("null"));
        assertEquals(0L, Json.parse("0"));
        assertEquals("s", Json.parse("\"s\""));
        assertEquals(List.of(), Json.parse("[]"));
        assertEquals(Map.of(), Json.parse("{}"));
    }
}
