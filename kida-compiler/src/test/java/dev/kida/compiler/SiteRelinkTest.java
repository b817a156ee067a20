package dev.kida.compiler;

import dev.kida.api.escape.Escaper;
import dev.kida.compiler.output.SiteReceivers.Counted;
import dev.kida.compiler.output.SiteReceivers.Priced;
import dev.kida.engine.output.Output;
import dev.kida.engine.output.StringOutput;
import dev.kida.engine.runtime.value.Undefined;
import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The attribute sites as the generated code links and calls them ({@link SiteLinkage}): made by
 * their dynamic-constant bootstraps, linked by {@link SiteLinkage#link}, called with the site as
 * an argument. Each answers as the generic path does while cold (its first target, a plain static
 * method), when it relinks once warm, and after the receiver's class changes (a new guard, then
 * the generic path again for classes it cannot specialize).
 */
class SiteRelinkTest {
    private static final Escaper ESCAPER = new Escaper() {
        @Override
        public String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;");
        }

        @Override
        public void escapeTo(String text, StringBuilder out) {
            out.append(escape(text));
        }
    };

    private static MethodHandle linked(Object site) {
        java.lang.invoke.CallSite callSite = (java.lang.invoke.CallSite) SiteLinkage.link(
                MethodHandles.lookup(), "test", ((java.lang.invoke.CallSite) site).type(), site);
        assertSame(site, callSite);
        return callSite.dynamicInvoker();
    }

    @Test
    void attributeSiteAnswersColdWarmAndAcrossReceiverClasses() throws Throwable {
        AttributeSite site = (AttributeSite) AttributeSite.bootstrap(MethodHandles.lookup(), "s0",
                AttributeSite.class, "price");
        MethodHandle call = linked(site);
        MethodHandle cold = site.getTarget();
        Priced teapot = new Priced("teapot", 24.5);
        for (int i = 0; i < FusedAttributeSite.SPECIALIZE_AFTER; i++) {
            assertEquals(24.5, (Object) call.invokeExact((Object) teapot, site));
            assertSame(cold, site.getTarget(), "cold for its first calls: call " + i);
        }
        assertEquals(24.5, (Object) call.invokeExact((Object) teapot, site));
        MethodHandle warm = site.getTarget();
        assertNotSame(cold, warm, "relinked once warm");
        assertEquals(24.5, (Object) call.invokeExact((Object) new Priced("mug", 24.5), site));
        assertSame(warm, site.getTarget(), "the same class takes the fast path");

        // another class with the attribute: the guard fails, the fallback answers and adds a case
        Counted towel = new Counted("towel", 7L);
        assertEquals(7L, (Object) call.invokeExact((Object) towel, site));
        assertNotSame(warm, site.getTarget());
        assertEquals(7L, (Object) call.invokeExact((Object) towel, site));
        assertEquals(24.5, (Object) call.invokeExact((Object) teapot, site));

        // classes with no accessor stay on the generic path, the others keep theirs
        for (Object receiver : List.of(Map.of("price", 3), "text", 12L)) {
            Object expected = CompiledHelpers.getAttr(receiver, "price");
            assertEquals(expected, (Object) call.invokeExact(receiver, site), () -> "receiver " + receiver);
        }
        assertEquals(3, (Object) call.invokeExact((Object) Map.of("price", 3), site));
        assertEquals(7L, (Object) call.invokeExact((Object) towel, site));
        assertInstanceOf(Undefined.class, (Object) call.invokeExact((Object) null, site));
    }

    @Test
    void aMapOnlySiteSettlesOnTheGenericLookupInsteadOfStayingCold() throws Throwable {
        AttributeSite site = (AttributeSite) AttributeSite.bootstrap(MethodHandles.lookup(), "s4",
                AttributeSite.class, "price");
        MethodHandle call = linked(site);
        MethodHandle cold = site.getTarget();
        for (int i = 0; i <= FusedAttributeSite.SPECIALIZE_AFTER; i++) {
            assertEquals(i, (Object) call.invokeExact((Object) Map.of("price", i), site));
        }
        MethodHandle settled = site.getTarget();
        assertNotSame(cold, settled, "a class without an accessor is guarded to the generic lookup");
        for (int i = 0; i < 50; i++) {
            assertEquals(i, (Object) call.invokeExact((Object) Map.of("price", i), site));
            assertInstanceOf(Undefined.class, (Object) call.invokeExact((Object) Map.of("other", i), site));
        }
        assertSame(settled, site.getTarget(), "no relinking for later calls of the same class");
        Priced teapot = new Priced("teapot", 24.5);
        assertEquals(24.5, (Object) call.invokeExact((Object) teapot, site), "another class still answers");
    }

    @Test
    void attributeSiteSeeingManyClassesSettlesOnTheGenericLookup() throws Throwable {
        AttributeSite site = (AttributeSite) AttributeSite.bootstrap(MethodHandles.lookup(), "s1",
                AttributeSite.class, "name");
        MethodHandle call = linked(site);
        List<Object> receivers = List.of(new Priced("a<", 1.0), new Counted("b", 2L), Map.of("name", "c"),
                new AttributeSitesProduct("d"), new Priced("e", 3.0));
        for (int round = 0; round < 20; round++) {
            for (Object r : receivers) {
                assertEquals(CompiledHelpers.getAttr(r, "name"), (Object) call.invokeExact(r, site),
                        "round " + round + ", " + r);
            }
        }
    }

    /** A fifth receiver class with a name (records of the output package are exported to the engine). */
    private record AttributeSitesProduct(String name) {
    }

    /** What the generic path prints for a value at an escaping site. */
    private static String generic(Object value) {
        StringOutput out = new StringOutput();
        out.printEscaped(value, ESCAPER);
        return out.toString();
    }

    @Test
    void printSitePrintsOnlyOnceWarmAndOnlyForItsClasses() throws Throwable {
        FusedAttributeSite site = (FusedAttributeSite) FusedAttributeSite.bootstrapPrint(MethodHandles.lookup(),
                "s2", FusedAttributeSite.class, "name", "ESCAPED");
        MethodHandle call = linked(site);
        Priced teapot = new Priced("tea & <cake>", 1.5);
        for (int i = 0; i < FusedAttributeSite.SPECIALIZE_AFTER; i++) {
            StringOutput out = new StringOutput();
            assertNull((Object) call.invokeExact((Object) teapot, site, (Output) out, ESCAPER),
                    "not handled while cold: the generic path prints");
            assertEquals("", out.toString());
        }
        StringOutput out = new StringOutput();
        // the call that relinks still answers "not handled"; the next one prints
        assertNull((Object) call.invokeExact((Object) teapot, site, (Output) out, ESCAPER));
        assertNotNull((Object) call.invokeExact((Object) teapot, site, (Output) out, ESCAPER));
        assertEquals(generic(teapot.name()), out.toString());

        // a new class: not handled at first, then printed too; a map is never handled
        Counted towel = new Counted("towel<", 2L);
        StringOutput second = new StringOutput();
        assertNull((Object) call.invokeExact((Object) towel, site, (Output) second, ESCAPER));
        assertNotNull((Object) call.invokeExact((Object) towel, site, (Output) second, ESCAPER));
        assertNull((Object) call.invokeExact((Object) Map.of("name", "x"), site, (Output) second, ESCAPER));
        assertNotNull((Object) call.invokeExact((Object) teapot, site, (Output) second, ESCAPER));
        assertEquals(generic(towel.name()) + generic(teapot.name()), second.toString());
    }

    @Test
    void compareSiteComparesUnboxedOnceWarmAndHandsOtherReceiversBack() throws Throwable {
        FusedAttributeSite site = (FusedAttributeSite) FusedAttributeSite.bootstrapCompare(MethodHandles.lookup(),
                "s3", FusedAttributeSite.class, "price", "GT", 2L);
        MethodHandle call = linked(site);
        Priced cheap = new Priced("a", 1.5);
        Priced dear = new Priced("b", 2.5);
        for (int i = 0; i <= FusedAttributeSite.SPECIALIZE_AFTER; i++) {
            assertEquals(-1, (int) call.invokeExact((Object) cheap, site), "not handled while cold");
        }
        assertEquals(0, (int) call.invokeExact((Object) cheap, site));
        assertEquals(1, (int) call.invokeExact((Object) dear, site));
        Counted counted = new Counted("c", 3L);
        assertEquals(-1, (int) call.invokeExact((Object) counted, site), "a new class: generic this once");
        assertEquals(1, (int) call.invokeExact((Object) counted, site));
        assertEquals(0, (int) call.invokeExact((Object) new Counted("d", 2L), site));
        assertEquals(-1, (int) call.invokeExact((Object) Map.of("price", 9), site), "maps take the generic path");
        assertEquals(-1, (int) call.invokeExact((Object) Map.of("price", 9), site));
        assertEquals(-1, (int) call.invokeExact((Object) null, site));
        assertEquals(1, (int) call.invokeExact((Object) dear, site));
    }
}
