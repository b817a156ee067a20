package dev.kida.compiler;

import dev.kida.engine.analysis.Names;
import dev.kida.engine.render.Frame;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.util.LinkedHashSet;

import static dev.kida.compiler.BodyPart.F;
import static dev.kida.compiler.BodyPart.VALUES;

/**
 * Generates the code of one body (a method of the template's class). Mirrors the evaluator
 * statement by statement: same evaluation order, same scopes, same runtime calls. Variables of
 * scopes that nothing can capture live in JVM locals; the others live in {@link Frame}s exactly
 * where the evaluator keeps them. Before each operation that can raise, the index of the node the
 * evaluator would blame is given to the render state, which the class's entry methods use to
 * locate the error (see {@link Positions}); a body method has no catch-all handler of its own.
 *
 * <p>The work is split by concern into parts that share this method's state:
 * <ul>
 *   <li>{@link StatementCompiler}: the dispatch over statements, Jinja2's statements, delegation
 *       to the evaluator; {@link LoopCompiler} ({@code for}, fast loops),
 *       {@link KidaStatementCompiler} and {@link MatchCompiler} (Kida's statements);</li>
 *   <li>{@link ExpressionCompiler}: expressions and conditions; {@link CallCompiler} (calls,
 *       filters, tests), {@link KidaExpressionCompiler} (Kida's operators);</li>
 *   <li>{@link PrintCompiler} (output of {@code {{ }}}), {@link FusedSites} (attribute reads
 *       fused with a print or comparison), {@link DefInlining} (defs printed in place);</li>
 *   <li>{@link Variables} (scopes, names, assignment), {@link Jumps} (break/continue and the
 *       clean-up of the blocks they leave);</li>
 *   <li>state-free helpers: {@link Positions}, {@link Constants}, {@link ConstantFolding},
 *       {@link StaticText}, {@link Descriptors}.</li>
 * </ul>
 */
final class BodyCompiler {
    final TemplateCompiler tc;
    final CodeBuilder cb;
    final TemplateCompiler.BodySpec spec;
    /** The autoescape state where code is being generated, when known statically; null when not. */
    Boolean escape;

    final Constants constants;
    final Positions positions;
    final StaticText text;
    final Variables variables;
    final Jumps jumps;
    final StatementCompiler statements;
    final LoopCompiler loops;
    final KidaStatementCompiler kidaStatements;
    final MatchCompiler matches;
    final ExpressionCompiler expressions;
    final CallCompiler calls;
    final KidaExpressionCompiler kidaExpressions;
    final PrintCompiler printing;
    final FusedSites fusedSites;
    final DefInlining inlining;

    BodyCompiler(TemplateCompiler tc, CodeBuilder cb, TemplateCompiler.BodySpec spec) {
        this.tc = tc;
        this.cb = cb;
        this.spec = spec;
        this.escape = spec.autoescape();
        this.constants = new Constants(cb, tc);
        this.positions = new Positions(cb, tc, constants);
        this.text = new StaticText(cb, tc, constants);
        this.variables = new Variables(this);
        this.jumps = new Jumps(this);
        this.statements = new StatementCompiler(this);
        this.loops = new LoopCompiler(this);
        this.kidaStatements = new KidaStatementCompiler(this);
        this.matches = new MatchCompiler(this);
        this.expressions = new ExpressionCompiler(this);
        this.calls = new CallCompiler(this);
        this.kidaExpressions = new KidaExpressionCompiler(this);
        this.printing = new PrintCompiler(this);
        this.fusedSites = new FusedSites(this);
        this.inlining = new DefInlining(this);
    }

    void compile() {
        Label ret = cb.newLabel();
        variables.push(new Scope(false, F));
        if (spec.params() != null) {
            // a def body whose parameters live in JVM locals, read from the values array; F is the
            // def's closure, where every other name is looked up at call time
            Scope params = Scope.locals();
            variables.declare(params, new LinkedHashSet<>(spec.params()), Names.setNames(spec.body()));
            for (int k = 0; k < spec.params().size(); k++) {
                cb.aload(VALUES).loadConstant(k).aaload().astore(params.slots.get(spec.params().get(k)));
            }
            variables.push(params);
        }
        // the texts of the running template (instance data: a class serves every template of its
        // shape), read once: each text is then an array element of a local, not a class-data constant
        if (tc.recordsShape()) {
            tc.loadData(cb, TemplateCompiler.DATA_TEXTS, TemplateCompiler.cd(dev.kida.engine.output.PreEncodedText[].class));
            text.textsLocal = cb.allocateLocal(java.lang.classfile.TypeKind.REFERENCE);
            cb.astore(text.textsLocal);
        }
        jumps.push(new JumpTarget.Stop(ret));
        statements.emitAll(spec.body());
        text.flush();
        cb.labelBinding(ret);
        cb.return_();
    }
}
