package dev.fleetsync.api.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetsync.api.corpus.CorpusModel.Operation;
import dev.fleetsync.api.corpus.Site.Step;
import dev.fleetsync.common.Validation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The member-level mutations of one site, each breaking exactly one constraint the model states: the member missing or
 * null, of every wrong JSON type, one past each bound, against its pattern (ASCII and awkward Unicode alike), an enum
 * value that is none, and numbers out of their type's range.
 */
final class MemberEdits {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Characters that break a pattern; a candidate is kept only where the pattern really refuses it. */
    private static final List<String> PATTERN_BREAKERS = List.of(" ", "!", "/", "*", "?", "<x>", "../", "%00", ";", "'", "\"");
    /** Awkward Unicode: accents (precomposed, combining), bidi override, emoji, full-width, BOM, NBSP, homoglyphs, line breaks. */
    private static final List<String> AWKWARD = List.of("\u00e9", "e\u0301", "\u202eab", "\ud83d\ude00", "\uff41", "\ufeff", "\u00a0",
            "\u0430", "\u200b", "\n", "\r", "\t", "\u2028", "\u0085", "\uffff", "\udbff\udfff", "\u0007");

    /** A few of them as the whole value, too (a value of nothing but an invisible or combining character). */
    private static final List<String> AWKWARD_ALONE = List.of("\u0301", "\ufeff", "\ud83d\ude00", "\n");

    private MemberEdits() {
    }

    static List<Edit> of(Samples samples, Operation op, Site site) {
        JsonNode shape = samples.model().shape(site.shape());
        List<Edit> edits = new ArrayList<>();
        if (site.mapKey()) {
            keys(samples, op, site, shape, edits);
            return edits;
        }
        boolean element = site.steps().get(site.steps().size() - 1).kind() != Step.Kind.MEMBER;
        boolean json = site.inBody();
        if (site.required() && json) {
            if (!element) {
                edits.add(new Edit(site, null, "missing", "absent"));
            }
            edits.add(new Edit(site, JSON.nullNode(), "missing", "null"));
        }
        JsonNode sample = samples.value(op, site.shape(), last(site));
        String type = shape.path("type").asText();
        if (json) {
            wrongTypes(site, type, sample, edits);
        }
        switch (type) {
            case "string" -> text(site, shape, sample.asText(), edits);
            case "integer", "long" -> integers(site, shape, type, edits);
            case "float", "double" -> decimals(site, shape, edits);
            case "list" -> {
                if (shape.has("min") && shape.path("min").asInt() > 0) {
                    edits.add(new Edit(site, JSON.arrayNode(), "bound", "empty list"));
                }
                if (shape.has("max")) {
                    ArrayNode many = JSON.arrayNode();
                    for (int i = 0; i <= shape.path("max").asInt(); i++) {
                        many.add(sample.get(0));
                    }
                    edits.add(new Edit(site, many, "bound", many.size() + " elements"));
                }
            }
            case "map" -> {
                if (shape.has("max")) {
                    ObjectNode many = JSON.objectNode();
                    String key = samples.key(shape);
                    for (int i = 0; i <= shape.path("max").asInt(); i++) {
                        many.set(key + i, sample.elements().next());
                    }
                    edits.add(new Edit(site, many, "bound", many.size() + " entries"));
                }
            }
            default -> { }
        }
        return edits;
    }

    private static String last(Site site) {
        return site.steps().get(site.steps().size() - 1).name();
    }

    private static void wrongTypes(Site site, String type, JsonNode sample, List<Edit> edits) {
        List<JsonNode> wrong = new ArrayList<>();
        switch (type) {
            case "string" -> {
                wrong.add(JSON.numberNode(7));
                wrong.add(JSON.numberNode(1.5));
                wrong.add(JSON.booleanNode(true));
                wrong.add(JSON.arrayNode());
                wrong.add(JSON.arrayNode().add(sample));
                wrong.add(JSON.objectNode());
            }
            case "integer", "long" -> {
                wrong.add(JSON.textNode("10"));
                wrong.add(JSON.numberNode(1.5));
                wrong.add(JSON.numberNode(new BigDecimal("1E+1")));
                wrong.add(JSON.booleanNode(true));
                wrong.add(JSON.arrayNode().add(sample));
                wrong.add(JSON.objectNode());
            }
            case "float", "double" -> {
                wrong.add(JSON.textNode("1"));
                wrong.add(JSON.textNode("NaN"));
                wrong.add(JSON.booleanNode(false));
                wrong.add(JSON.arrayNode().add(sample));
                wrong.add(JSON.objectNode());
            }
            case "boolean" -> {
                wrong.add(JSON.textNode("true"));
                wrong.add(JSON.numberNode(1));
            }
            default -> { // list, map, structure
                wrong.add(JSON.textNode("x"));
                wrong.add(JSON.numberNode(1));
                wrong.add(JSON.booleanNode(true));
                wrong.add(type.equals("list") ? JSON.objectNode() : JSON.arrayNode());
            }
        }
        wrong.forEach(w -> edits.add(new Edit(site, w, "type", w.toString())));
    }

    private static void text(Site site, JsonNode shape, String sample, List<Edit> edits) {
        if (shape.has("enum")) {
            Set<String> names = new LinkedHashSet<>();
            shape.path("enum").forEach(e -> names.add(e.asText()));
            String first = names.iterator().next();
            for (String miss : List.of("NOT_A_VALUE", first.toLowerCase(Locale.ROOT), first + "s")) {
                if (!names.contains(miss)) {
                    edits.add(new Edit(site, JSON.textNode(miss), "enum", miss));
                }
            }
            return;
        }
        int min = shape.path("min").asInt(0);
        int max = shape.path("max").asInt(Integer.MAX_VALUE);
        Pattern pattern = shape.has("pattern") ? Pattern.compile(shape.path("pattern").asText()) : null;
        boolean uri = "uri".equals(site.location());
        if (min > 0 && !uri) {
            edits.add(new Edit(site, JSON.textNode(sample.substring(0, Math.min(sample.length(), min - 1))), "bound", "length " + (min - 1)));
        }
        if (max < Integer.MAX_VALUE && max < 100_000) {
            edits.add(new Edit(site, JSON.textNode(pad(sample, max + 1, pattern)), "bound", "length " + (max + 1)));
        }
        if (pattern == null) {
            return;
        }
        Set<String> candidates = new LinkedHashSet<>();
        for (String c : PATTERN_BREAKERS) {
            candidates.add(sample + c);
            candidates.add(c + sample);
        }
        for (String c : AWKWARD) {
            candidates.add(sample + c);
        }
        candidates.addAll(AWKWARD_ALONE);
        for (String candidate : candidates) {
            boolean inBounds = candidate.length() >= Math.max(min, uri ? 1 : 0) && candidate.length() <= max;
            if (inBounds && !pattern.matcher(candidate).matches()) {
                boolean ascii = candidate.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f);
                edits.add(new Edit(site, JSON.textNode(candidate), ascii ? "pattern" : "unicode", Validation.printable(candidate)));
            }
        }
    }

    /** The sample grown to the length with a character the pattern allows there, so only the length is wrong. */
    private static String pad(String sample, int length, Pattern pattern) {
        for (char c : "a0A_".toCharArray()) {
            String padded = sample + String.valueOf(c).repeat(Math.max(0, length - sample.length()));
            if (pattern == null || pattern.matcher(padded).matches()) {
                return padded;
            }
        }
        return sample + "a".repeat(Math.max(0, length - sample.length()));
    }

    private static void integers(Site site, JsonNode shape, String type, List<Edit> edits) {
        if (shape.has("min")) {
            edits.add(new Edit(site, JSON.numberNode(shape.path("min").asLong() - 1), "bound", "min - 1"));
        }
        if (shape.has("max")) {
            edits.add(new Edit(site, JSON.numberNode(shape.path("max").asLong() + 1), "bound", "max + 1"));
        }
        BigInteger top = BigInteger.valueOf(type.equals("long") ? Long.MAX_VALUE : Integer.MAX_VALUE);
        BigInteger bottom = BigInteger.valueOf(type.equals("long") ? Long.MIN_VALUE : Integer.MIN_VALUE);
        for (BigInteger out : List.of(top.add(BigInteger.ONE), bottom.subtract(BigInteger.ONE), new BigInteger("123456789012345678901234567890"))) {
            edits.add(new Edit(site, JSON.numberNode(out), "range", out.toString()));
        }
        edits.add(new Edit(site, JSON.numberNode(new BigDecimal("1E+400")), "range", "1E+400"));
    }

    private static void decimals(Site site, JsonNode shape, List<Edit> edits) {
        if (shape.has("min")) {
            edits.add(new Edit(site, JSON.numberNode(shape.path("min").asDouble() - 0.5), "bound", "min - 0.5"));
        }
        if (shape.has("max")) {
            edits.add(new Edit(site, JSON.numberNode(shape.path("max").asDouble() + 0.5), "bound", "max + 0.5"));
        }
        for (String out : List.of("1E+39", "-1E+39", "1E+400", "-1E+400")) {
            edits.add(new Edit(site, JSON.numberNode(new BigDecimal(out)), "range", out));
        }
    }

    /** A map whose one key is empty, too long or against the key's pattern. */
    private static void keys(Samples samples, Operation op, Site site, JsonNode mapShape, List<Edit> edits) {
        Site valueSite = new Site(site.steps(), site.shapes(), false, site.location(), false);
        JsonNode value = samples.value(op, mapShape.path("value").path("shape").asText(), "value");
        String keyShapeName = mapShape.path("key").path("shape").asText();
        List<Edit> keyEdits = new ArrayList<>();
        text(valueSite, samples.model().shape(keyShapeName), samples.key(mapShape), keyEdits);
        for (Edit e : keyEdits) {
            ObjectNode map = JSON.objectNode();
            map.set(e.value().asText(), value);
            edits.add(new Edit(site, map, e.kind(), "key " + e.label()));
        }
    }
}
