package dev.fleetsync.ops;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.List;

/** One read of /q/metrics in the Prometheus text format. */
record Scrape(List<String> lines) {

    static Scrape now() {
        return new Scrape(Arrays.asList(given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString()
                .split("\n")));
    }

    /** The value of the sample named {@code name} whose labels include every {@code label="value"} given; 0 if absent. */
    double value(String name, String... labels) {
        return lines.stream().filter(l -> !l.startsWith("#"))
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    boolean has(String name) {
        return lines.stream().anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " "));
    }
}
