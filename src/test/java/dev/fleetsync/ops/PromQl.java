package dev.fleetsync.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names a PromQL expression reads: a tokenizer, then every identifier that is not a function or an
 * aggregation (followed by {@code (} or by {@code by}/{@code without}), a keyword, a number or duration, a label name
 * (inside {@code {...}} or the lists of {@code by}, {@code without}, {@code on}, {@code ignoring},
 * {@code group_left}, {@code group_right}), a range or subquery (inside {@code [...]}) or a Grafana variable
 * ({@code $name}, {@code ${name}}). Enough PromQL for dashboards; {@code {__name__="..."}} selectors are not read.
 */
final class PromQl {
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "nan", "inf");
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar", "count",
            "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");

    private PromQl() {
    }

    static Set<String> metricNames(String expression) {
        List<String> tokens = tokens(expression);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            if (token.equals("{") || token.equals("[")) {
                i = closing(tokens, i);
            } else if (LABEL_LISTS.contains(token)) {
                if (next.equals("(")) {
                    i = closing(tokens, i + 1);
                }
            } else if (isIdentifier(token) && !KEYWORDS.contains(token.toLowerCase(Locale.ROOT)) && !next.equals("(")
                    && !(AGGREGATIONS.contains(token) && LABEL_LISTS.contains(next))) {
                names.add(token);
            }
        }
        return names;
    }

    /** Identifiers, numbers and durations (one token: {@code 5m}, {@code 1e3}), strings, variables, and single characters. */
    static List<String> tokens(String expression) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            int end = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            } else if (c == '"' || c == '\'' || c == '`') {
                while (end < expression.length() && expression.charAt(end) != c) {
                    end += expression.charAt(end) == '\\' && c != '`' ? 2 : 1;
                }
                end = Math.min(end + 1, expression.length());
            } else if (c == '$') {
                end = expression.startsWith("${", i) ? expression.indexOf('}', i) + 1 : word(expression, end);
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '.') {
                end = word(expression, i);
            }
            tokens.add(expression.substring(i, end));
            i = end;
        }
        return tokens;
    }

    private static int word(String expression, int from) {
        int end = from;
        while (end < expression.length() && (Character.isLetterOrDigit(expression.charAt(end)) || "_:.".indexOf(expression.charAt(end)) >= 0)) {
            end++;
        }
        return end;
    }

    private static boolean isIdentifier(String token) {
        return token.matches("[a-zA-Z_:][a-zA-Z0-9_:]*");
    }

    /** The index of the token that closes the bracket at {@code open}. */
    private static int closing(List<String> tokens, int open) {
        String opening = tokens.get(open);
        String close = opening.equals("{") ? "}" : opening.equals("[") ? "]" : ")";
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).equals(opening)) {
                depth++;
            } else if (tokens.get(i).equals(close) && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed " + opening + " in " + String.join(" ", tokens));
    }
}
