package dev.fleetsync.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Bodies that must be refused, generated from the project's own shapes: every resource method that reads a body is an
 * operation, and its wire record, walked through its components, lists, maps and enums, gives the sites where a member
 * can be given twice, a string can hold bad UTF-8, U+0000 or a lone surrogate, and an enum can be misspelt. Variants are
 * drawn from a fixed seed, so a failure names a case that comes back on every run.
 */
final class StrictBodyCorpus {
    static final long SEED = 20261202L;
    private static final int MAX_DEPTH = 8;
    private static final Set<Class<? extends Annotation>> NOT_BODY = Set.of(PathParam.class, QueryParam.class, HeaderParam.class,
            CookieParam.class, FormParam.class, MatrixParam.class, BeanParam.class, Context.class);

    /** Malformed UTF-8: overlong forms, encoded surrogates, stray continuations, truncations, bytes past U+10FFFF. */
    static final List<String> BAD_UTF8 = List.of("c181", "c0af", "e080af", "f08080af", "eda080", "edbfbf", "80", "bf", "c3", "e282",
            "f4908080", "f888808080", "fe", "ff");

    /** What each kind of refusal must say, so that a case is not passed by some other check naming the same member. */
    static final Map<String, String> REASONS = Map.of("duplicate", "only once", "utf8", "UTF-8", "nul", "U+0000",
            "surrogate", "unpaired surrogate", "enum", "enum value set");

    /** One request body and what its refusal must name: a member's path, or null for the body as a whole. */
    record Case(String kind, String operation, String path, byte[] body, String member) {
        String reason() {
            return REASONS.get(kind);
        }

        @Override
        public String toString() {
            return kind + " " + operation + " " + (member == null ? "(body)" : member) + " " + printable(body);
        }
    }

    /** A place in a body: the steps from the root, each a member name, a list index or a map key. */
    record Step(String name, boolean mapKey, boolean index) {
        static Step member(String name) {
            return new Step(name, false, false);
        }

        static Step key(String key) {
            return new Step(key, true, false);
        }

        static Step first() {
            return new Step("0", false, true);
        }
    }

    record Operation(String name, String path, Type body) {
    }

    private enum Leaf { TEXT, ENUM, OTHER }

    private record Site(List<Step> steps, Type type, Leaf leaf, boolean mapKeySite) {
    }

    private StrictBodyCorpus() {
    }

    static List<Case> cases(String pathArn) {
        Random random = new Random(SEED);
        List<Case> cases = new ArrayList<>();
        for (Operation op : operations()) {
            String path = op.path().replaceAll("\\{[^}]+}", java.net.URLEncoder.encode(pathArn, StandardCharsets.UTF_8));
            List<Site> sites = new ArrayList<>();
            walk(op.body(), new ArrayList<>(), sites, 0);
            for (Site site : sites) {
                if (!site.mapKeySite() && !site.steps().get(site.steps().size() - 1).index()) {
                    cases.add(duplicate(op, path, site)); // a list element has no name to repeat; its list's own case covers it
                }
                if (site.leaf() == Leaf.TEXT) {
                    cases.addAll(text(op, path, site, random));
                }
                if (site.leaf() == Leaf.ENUM) {
                    cases.addAll(enums(op, path, site, random));
                }
            }
        }
        return cases;
    }

    /** Every resource method under dev.fleetsync.api that takes a body, found in the compiled classes. */
    static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                if (!isHttpMethod(method)) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = ("/" + base + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                for (Parameter parameter : method.getParameters()) {
                    if (Stream.of(parameter.getAnnotations()).noneMatch(a -> NOT_BODY.contains(a.annotationType()))) {
                        operations.add(new Operation(resource.getSimpleName() + "." + method.getName(), path, parameter.getParameterizedType()));
                    }
                }
            }
        }
        operations.sort(Comparator.comparing(Operation::name));
        return operations;
    }

    private static boolean isHttpMethod(Method method) {
        return Stream.of(method.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
    }

    private static List<Class<?>> resourceClasses() {
        try {
            // the build's own output: under Quarkus the class loader's resources are not a directory to walk
            java.nio.file.Path root = java.nio.file.Path.of("target/classes/dev/fleetsync/api");
            List<Class<?>> classes = new ArrayList<>();
            try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                    String name = "dev.fleetsync.api." + root.relativize(file).toString().replace(java.io.File.separatorChar, '.')
                            .replaceAll("\\.class$", "");
                    Class<?> type = Class.forName(name, false, StrictBodyCorpus.class.getClassLoader());
                    if (type.isAnnotationPresent(Path.class)) {
                        classes.add(type);
                    }
                }
            }
            return classes;
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot list the resource classes", e);
        }
    }

    private static void walk(Type type, List<Step> steps, List<Site> sites, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw == String.class) {
            sites.add(new Site(List.copyOf(steps), type, Leaf.TEXT, false));
        } else if (raw.isEnum()) {
            sites.add(new Site(List.copyOf(steps), type, Leaf.ENUM, false));
        } else if (raw.isRecord()) {
            if (!steps.isEmpty()) {
                sites.add(new Site(List.copyOf(steps), type, Leaf.OTHER, false));
            }
            for (RecordComponent component : raw.getRecordComponents()) {
                steps.add(Step.member(component.getName()));
                walk(component.getGenericType(), steps, sites, depth + 1);
                steps.remove(steps.size() - 1);
            }
        } else if (List.class.isAssignableFrom(raw)) {
            sites.add(new Site(List.copyOf(steps), type, Leaf.OTHER, false));
            steps.add(Step.first());
            walk(argument(type, 0), steps, sites, depth + 1);
            steps.remove(steps.size() - 1);
        } else if (Map.class.isAssignableFrom(raw)) {
            sites.add(new Site(List.copyOf(steps), type, Leaf.OTHER, false));
            sites.add(new Site(List.copyOf(steps), argument(type, 0), Leaf.TEXT, true)); // the map's keys
            steps.add(Step.key("k1"));
            walk(argument(type, 1), steps, sites, depth + 1);
            steps.remove(steps.size() - 1);
        } else {
            sites.add(new Site(List.copyOf(steps), type, Leaf.OTHER, false));
        }
    }

    /** The site's member given twice in its object (for a map site: a key given twice). */
    private static Case duplicate(Operation op, String path, Site site) {
        List<Step> parent = site.steps().subList(0, site.steps().size() - 1);
        Step last = site.steps().get(site.steps().size() - 1);
        byte[] value = sample(site.type());
        byte[] object = concat(ascii("{\"" + last.name() + "\":"), value, ascii(",\"" + last.name() + "\":"), value, ascii("}"));
        return new Case("duplicate", op.name(), path, nest(parent, object), render(site.steps()));
    }

    private static List<Case> text(Operation op, String path, Site site, Random random) {
        List<Case> cases = new ArrayList<>();
        String member = render(site.steps()); // for a key, the map: a malformed key cannot be echoed
        for (int i = 0; i < 2; i++) {
            byte[] bad = HexFormat.of().parseHex(BAD_UTF8.get(random.nextInt(BAD_UTF8.size())));
            cases.add(textCase("utf8", op, path, site, concat(ascii(word(random)), bad, ascii(word(random))), member));
        }
        cases.add(textCase("nul", op, path, site, ascii(word(random) + "\\u0000" + word(random)), member));
        int high = 0xD800 + random.nextInt(0x400);
        int low = 0xDC00 + random.nextInt(0x400);
        String[] lone = {
            String.format("\\u%04x", high),
            String.format("\\u%04X%s", high, word(random)),
            String.format("%s\\u%04x", word(random), low),
            String.format("\\u%04x\\u%04x", low, high),
            String.format("\\u%04x\\u%04x", high, high)};
        cases.add(textCase("surrogate", op, path, site, ascii(word(random) + lone[random.nextInt(lone.length)]), member));
        return cases;
    }

    private static Case textCase(String kind, Operation op, String path, Site site, byte[] content, String member) {
        byte[] quoted = concat(ascii("\""), content, ascii("\""));
        byte[] body = site.mapKeySite() ? nest(site.steps(), concat(ascii("{"), quoted, ascii(":\"v\"}"))) : nest(site.steps(), quoted);
        return new Case(kind, op.name(), path, body, member.isEmpty() ? null : member);
    }

    /** Near misses of a constant: padded, recased, with a control or invisible character, none equal to any constant. */
    private static List<Case> enums(Operation op, String path, Site site, Random random) {
        Object[] constants = raw(site.type()).getEnumConstants();
        Set<String> names = new java.util.HashSet<>();
        for (Object c : constants) {
            names.add(((Enum<?>) c).name());
        }
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = ((Enum<?>) constants[random.nextInt(constants.length)]).name();
            String[] misses = {" " + name, name + " ", "\\t" + name, name + "\\n", name.toLowerCase(Locale.ROOT),
                name.toUpperCase(Locale.ROOT), name + "\\u0000", "\\u200b" + name, name.substring(0, name.length() - 1), ""};
            String miss = misses[random.nextInt(misses.length)];
            if (names.contains(miss)) {
                miss = " " + name + " ";
            }
            cases.add(new Case("enum", op.name(), path, nest(site.steps(), ascii("\"" + miss + "\"")), render(site.steps())));
        }
        return cases;
    }

    /** A well-typed value of the type, so that only the repetition is wrong. */
    private static byte[] sample(Type type) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return ascii("\"a\"");
        }
        if (raw.isEnum()) {
            return ascii("\"" + ((Enum<?>) raw.getEnumConstants()[0]).name() + "\"");
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return ascii("1");
        }
        if (raw == Float.class || raw == float.class || raw == Double.class || raw == double.class) {
            return ascii("1.5");
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return ascii("true");
        }
        return ascii(List.class.isAssignableFrom(raw) ? "[]" : "{}");
    }

    private static byte[] nest(List<Step> steps, byte[] leaf) {
        byte[] out = leaf;
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step step = steps.get(i);
            out = step.index() ? concat(ascii("["), out, ascii("]")) : concat(ascii("{\"" + step.name() + "\":"), out, ascii("}"));
        }
        return out;
    }

    /** The path as the service names members: {@code launchConfig.packageName}, {@code tags[k1]}, {@code filters[0].name}. */
    static String render(List<Step> steps) {
        StringBuilder out = new StringBuilder();
        for (Step step : steps) {
            if (step.index() || step.mapKey()) {
                out.append('[').append(step.name()).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(step.name());
            }
        }
        return out.toString();
    }

    private static String word(Random random) {
        String letters = "abcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            out.append(letters.charAt(random.nextInt(letters.length())));
        }
        return out.toString();
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type argument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }

    private static String printable(byte[] body) {
        StringBuilder out = new StringBuilder();
        for (byte b : body) {
            out.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff));
        }
        return out.toString();
    }
}
