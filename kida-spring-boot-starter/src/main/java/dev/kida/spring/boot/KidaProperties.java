package dev.kida.spring.boot;

import dev.kida.api.UndefinedKind;
import dev.kida.engine.ExecutionMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The {@code kida.*} properties of a Spring Boot application.
 *
 * <pre>
 * kida.prefix=classpath:/templates/   # where templates live: classpath:/... or file:...
 * kida.suffix=.html                   # appended to the view name
 * kida.cache=true                     # keep parsed templates and resolved views
 * kida.reload=false                   # check sources for edits on each use (development)
 * kida.reload-check-interval=0        # with reload: use a template found current this long unchecked
 * kida.mode=tiered                    # interpreted, compiled or tiered
 * kida.compile-threshold=50           # tiered: runs in the evaluator before a template is compiled
 * kida.shape-classes=256              # compiled: shape classes kept (0: a class per template)
 * kida.own-class-after=1000           # compiled: renders before a template gets a class of its own
 * kida.escaper=                       # force an escaper backend (java, simd, ffi)
 * kida.autoescape=true                # HTML-escape printed values
 * kida.undefined=strict               # strict, default, chainable, debug (Jinja2's Undefined kinds)
 * kida.request-context-attribute=rc   # Spring's RequestContext in the template
 * </pre>
 */
@ConfigurationProperties(prefix = "kida")
public class KidaProperties {
    private boolean enabled = true;
    private String prefix = "classpath:/templates/";
    private String suffix = ".html";
    private boolean cache = true;
    private boolean reload;
    private Duration reloadCheckInterval = Duration.ZERO;
    private ExecutionMode mode = ExecutionMode.TIERED;
    private Integer compileThreshold;
    private Integer shapeClasses;
    private Integer ownClassAfter;
    private String escaper;
    private boolean autoescape = true;
    private UndefinedKind undefined = UndefinedKind.STRICT;
    private String contentType = "text/html;charset=UTF-8";
    private String requestContextAttribute = "rc";

    /** Whether the Kida view resolver is set up at all. */
    public boolean isEnabled() {
        return enabled;
    }

    /** See {@link #isEnabled()}. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Where templates live: {@code classpath:/templates/} (default) or {@code file:src/main/resources/templates/}. */
    public String getPrefix() {
        return prefix;
    }

    /** See {@link #getPrefix()}. */
    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    /** Appended to a view name to make the template name; {@code .html} by default. */
    public String getSuffix() {
        return suffix;
    }

    /** See {@link #getSuffix()}. */
    public void setSuffix(String suffix) {
        this.suffix = suffix;
    }

    /** Whether parsed templates and resolved views are kept (true by default). */
    public boolean isCache() {
        return cache;
    }

    /** See {@link #isCache()}. */
    public void setCache(boolean cache) {
        this.cache = cache;
    }

    /** Whether a cached template is checked against its source on each use (false by default; true in development). */
    public boolean isReload() {
        return reload;
    }

    /** See {@link #isReload()}. */
    public void setReload(boolean reload) {
        this.reload = reload;
    }

    /**
     * With {@link #isReload() reload} on, how long a template found current is used before its
     * source is asked again ({@code 0}, the default, asks at every use; {@code 1s} makes that at
     * most one file-status call per template per second). Spring's duration syntax: {@code 500ms},
     * {@code 2s}, {@code 1m}.
     */
    public Duration getReloadCheckInterval() {
        return reloadCheckInterval;
    }

    /** See {@link #getReloadCheckInterval()}. */
    public void setReloadCheckInterval(Duration reloadCheckInterval) {
        this.reloadCheckInterval = reloadCheckInterval;
    }

    /** How templates run. */
    public ExecutionMode getMode() {
        return mode;
    }

    /** See {@link #getMode()}. */
    public void setMode(ExecutionMode mode) {
        this.mode = mode;
    }

    /**
     * In tiered mode, how many times a template runs in the evaluator before it is compiled; null
     * for the engine's default ({@code Environment.Builder.compileThreshold}).
     */
    public Integer getCompileThreshold() {
        return compileThreshold;
    }

    /** See {@link #getCompileThreshold()}. */
    public void setCompileThreshold(Integer compileThreshold) {
        this.compileThreshold = compileThreshold;
    }

    /**
     * In compiled mode, how many shape classes the engine keeps; null for the engine's default
     * ({@code Environment.Builder.shapeClasses}).
     */
    public Integer getShapeClasses() {
        return shapeClasses;
    }

    /** See {@link #getShapeClasses()}. */
    public void setShapeClasses(Integer shapeClasses) {
        this.shapeClasses = shapeClasses;
    }

    /**
     * In compiled mode, after how many renders a template on a shared shape class gets a class of
     * its own (0: never); null for the engine's default ({@code Environment.Builder.ownClassAfter}).
     */
    public Integer getOwnClassAfter() {
        return ownClassAfter;
    }

    /** See {@link #getOwnClassAfter()}. */
    public void setOwnClassAfter(Integer ownClassAfter) {
        this.ownClassAfter = ownClassAfter;
    }

    /** A forced escaper backend, or null for the best available. */
    public String getEscaper() {
        return escaper;
    }

    /** See {@link #getEscaper()}. */
    public void setEscaper(String escaper) {
        this.escaper = escaper;
    }

    /** Whether printed values are HTML-escaped (true by default). */
    public boolean isAutoescape() {
        return autoescape;
    }

    /** See {@link #isAutoescape()}. */
    public void setAutoescape(boolean autoescape) {
        this.autoescape = autoescape;
    }

    /** What a missing name or attribute evaluates to; strict by default. */
    public UndefinedKind getUndefined() {
        return undefined;
    }

    /** See {@link #getUndefined()}. */
    public void setUndefined(UndefinedKind undefined) {
        this.undefined = undefined;
    }

    /** The response's content type. */
    public String getContentType() {
        return contentType;
    }

    /** See {@link #getContentType()}. */
    public void setContentType(String contentType) {
        this.contentType = contentType;
    }

    /** The name of Spring's RequestContext in templates ({@code rc}); empty for none. */
    public String getRequestContextAttribute() {
        return requestContextAttribute;
    }

    /** See {@link #getRequestContextAttribute()}. */
    public void setRequestContextAttribute(String requestContextAttribute) {
        this.requestContextAttribute = requestContextAttribute;
    }
}
