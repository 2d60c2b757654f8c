package dev.fleetsync.common;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.hibernate.common.runtime.PanacheJpaUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Every place in the compiled service that hands HQL text to Hibernate: Panache's string methods ({@code find("...")},
 * {@code count}, {@code update}, {@code delete}, {@code list}, {@code stream}) and the session's
 * {@code createSelectionQuery}, {@code createMutationQuery} and {@code createQuery}. Read from the bytecode, where a
 * constant (a {@code static final} field, a concatenation of them, a text block) is already the literal it stands for;
 * the argument's origin comes from ASM's data-flow analysis, so a literal held in a local variable is found too.
 */
final class HqlCallSites {
    /** Panache's methods that take HQL (or its shorthand) as their first argument. */
    static final Set<String> PANACHE_METHODS = Set.of("find", "count", "update", "delete", "list", "stream");
    /** Their signatures (name and parameters): a repository's own {@code find(accountId, arn)} is not one. */
    private static final Set<String> PANACHE_SIGNATURES = Stream.of(PanacheRepositoryBase.class, PanacheEntityBase.class)
            .flatMap(type -> Arrays.stream(type.getMethods())).filter(m -> PANACHE_METHODS.contains(m.getName()))
            .map(m -> m.getName() + Type.getMethodDescriptor(m).substring(0, Type.getMethodDescriptor(m).indexOf(')') + 1))
            .collect(Collectors.toSet());
    private static final Set<String> SESSION_METHODS = Set.of("createSelectionQuery", "createMutationQuery", "createQuery");
    private static final Set<String> SESSIONS = Set.of("org/hibernate/reactive/mutiny/Mutiny$Session",
            "org/hibernate/reactive/mutiny/Mutiny$StatelessSession");

    enum Via {
        PANACHE, SESSION
    }

    /**
     * One call: where, which method, and what its HQL argument is. {@code literals} holds every constant that can reach
     * the argument; it is empty when the text is computed (a parameter, a method's result). {@code resultType} is the
     * class literal passed with it, if the call passes one.
     */
    record Site(String where, Via via, Class<?> owner, String method, List<String> literals, Class<?> resultType) {
        @Override
        public String toString() {
            return where + " " + method + "(" + (literals.isEmpty() ? "<computed>" : literals) + ")";
        }
    }

    private HqlCallSites() {
    }

    /** Every call site under {@code classes} (a compiled output directory). */
    static List<Site> in(Path classes) {
        List<Site> sites = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                sites.addAll(of(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sites;
    }

    static int classCount(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return (int) files.filter(f -> f.toString().endsWith(".class")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Site> of(Path file) throws IOException {
        ClassNode type = new ClassNode();
        try (InputStream in = Files.newInputStream(file)) {
            new ClassReader(in).accept(type, 0);
        }
        List<Site> sites = new ArrayList<>();
        for (MethodNode method : type.methods) {
            Frame<SourceValue>[] frames = null;
            for (AbstractInsnNode insn : method.instructions) {
                if (!(insn instanceof MethodInsnNode call)) {
                    continue;
                }
                Via via = via(call);
                if (via == null) {
                    continue;
                }
                if (frames == null) {
                    frames = frames(type, method);
                }
                Frame<SourceValue> frame = frames[method.instructions.indexOf(insn)];
                if (frame == null) {
                    continue; // unreachable code
                }
                Type[] arguments = Type.getArgumentTypes(call.desc);
                int first = frame.getStackSize() - arguments.length;
                List<String> literals = literals(frame.getStack(first));
                Class<?> resultType = arguments.length > 1 && arguments[1].getClassName().equals(Class.class.getName())
                        ? classLiteral(frame.getStack(first + 1)) : null;
                String where = type.name.replace('/', '.') + "." + method.name + ":" + line(insn);
                sites.add(new Site(where, via, owner(call), call.name, literals, resultType));
            }
        }
        return sites;
    }

    /**
     * The sites whose HQL {@link HqlWarmUp} has not interpreted at start-up, so Hibernate would parse it on first use,
     * on the event loop. A literal handed to the session must be a declared statement with the result type it is run
     * with (together they key Hibernate's cache). Panache turns what it is given into the HQL it runs (shorthand such
     * as {@code "accountId"} into {@code from Entity where accountId = ?1}), and with a result type of its choosing, so
     * its string methods take a declared statement or a {@code #named} query, nothing else, and never computed text.
     * Text the session is handed computed (a {@link Hql#variant} of declared clauses) cannot be read here: the rollout
     * test in {@code HqlWarmUpTest} sees it through Hibernate's statistics.
     */
    static List<String> undeclared(List<Site> sites, List<Hql> declared) {
        List<String> problems = new ArrayList<>();
        for (Site site : sites) {
            if (site.via() == Via.SESSION) {
                for (String literal : site.literals()) {
                    boolean found = declared.stream().anyMatch(hql -> hql.text().equals(literal)
                            && (site.resultType() == null || site.resultType().equals(hql.resultType())));
                    if (!found) {
                        problems.add(site.where() + ": " + site.method() + "(\"" + literal + "\""
                                + (site.resultType() == null ? "" : ", " + site.resultType().getSimpleName() + ".class")
                                + ") is not a declared statement of that result type");
                    }
                }
            } else if (site.literals().isEmpty()) {
                problems.add(site.where() + ": Panache's " + site.method() + "(String) is handed computed HQL");
            } else {
                for (String literal : site.literals()) {
                    if (!literal.startsWith("#") && declared.stream().map(Hql::text).noneMatch(ranBy(site, literal)::contains)) {
                        problems.add(site.where() + ": Panache's " + site.method() + "(\"" + literal + "\") runs HQL that is not declared");
                    }
                }
            }
        }
        return problems;
    }

    /** The texts Panache may run for the literal, as its own helpers rewrite it for 0 to 3 parameters. */
    private static List<String> ranBy(Site site, String literal) {
        Class<?> entity = entity(site.owner());
        List<String> texts = new ArrayList<>(List.of(literal));
        if (entity == null) {
            return texts;
        }
        for (int parameters = 0; parameters <= 3; parameters++) {
            try {
                texts.add(switch (site.method()) {
                    case "count" -> PanacheJpaUtil.createQueryForCount(entity, literal, parameters);
                    case "update" -> PanacheJpaUtil.createUpdateQuery(entity, literal, parameters);
                    case "delete" -> PanacheJpaUtil.createDeleteQuery(entity, literal, parameters);
                    default -> PanacheJpaUtil.createFindQuery(entity, literal, parameters);
                });
            } catch (RuntimeException e) {
                // a form Panache refuses for that many parameters
            }
        }
        return texts;
    }

    /** The entity a Panache repository or entity class works on. */
    private static Class<?> entity(Class<?> owner) {
        if (owner == null || PanacheEntityBase.class.isAssignableFrom(owner)) {
            return owner;
        }
        for (java.lang.reflect.Type implemented : owner.getGenericInterfaces()) {
            if (implemented instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                    && PanacheRepositoryBase.class.isAssignableFrom(raw) && generic.getActualTypeArguments()[0] instanceof Class<?> entity) {
                return entity;
            }
        }
        return null;
    }

    /** How the call hands HQL to Hibernate, or null when it does not. */
    private static Via via(MethodInsnNode call) {
        Type[] arguments = Type.getArgumentTypes(call.desc);
        if (arguments.length == 0 || !arguments[0].getClassName().equals(String.class.getName())) {
            return null;
        }
        if (SESSION_METHODS.contains(call.name) && SESSIONS.contains(call.owner)) {
            return Via.SESSION;
        }
        if (PANACHE_METHODS.contains(call.name)) {
            Class<?> owner = owner(call);
            if (owner != null && (PanacheRepositoryBase.class.isAssignableFrom(owner) || PanacheEntityBase.class.isAssignableFrom(owner))
                    && PANACHE_SIGNATURES.contains(call.name + call.desc.substring(0, call.desc.indexOf(')') + 1))) {
                return Via.PANACHE;
            }
        }
        return null;
    }

    private static Class<?> owner(MethodInsnNode call) {
        try {
            return Class.forName(Type.getObjectType(call.owner).getClassName(), false, HqlCallSites.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Frame<SourceValue>[] frames(ClassNode type, MethodNode method) {
        try {
            return new Analyzer<>(new SourceInterpreter()).analyze(type.name, method);
        } catch (AnalyzerException e) {
            throw new IllegalStateException("Could not analyse " + type.name + "." + method.name, e);
        }
    }

    /** The string constants that can be the value, or none when any of its origins is not a constant. */
    private static List<String> literals(SourceValue value) {
        List<String> literals = new ArrayList<>();
        for (AbstractInsnNode origin : value.insns) {
            if (origin instanceof LdcInsnNode ldc && ldc.cst instanceof String text) {
                literals.add(text);
            } else {
                return List.of();
            }
        }
        return literals;
    }

    private static Class<?> classLiteral(SourceValue value) {
        if (value.insns.size() == 1 && value.insns.iterator().next() instanceof LdcInsnNode ldc && ldc.cst instanceof Type type) {
            try {
                String name = type.getSort() == Type.ARRAY ? type.getDescriptor().replace('/', '.') : type.getClassName();
                return Class.forName(name, false, HqlCallSites.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return null;
            }
        }
        return null;
    }

    private static int line(AbstractInsnNode insn) {
        for (AbstractInsnNode at = insn; at != null; at = at.getPrevious()) {
            if (at instanceof LineNumberNode number) {
                return number.line;
            }
        }
        return -1;
    }
}
