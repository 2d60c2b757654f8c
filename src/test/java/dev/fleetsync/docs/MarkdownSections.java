package dev.fleetsync.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ```sh} blocks of one section of a Markdown text, in order. A section runs from its heading to the next
 * heading of the same or a higher level; lines inside fenced blocks are never headings (a shell comment {@code #   1}
 * is output, not a title).
 */
final class MarkdownSections {
    private MarkdownSections() {
    }

    /** @param heading the heading line exactly as written, e.g. {@code "## A worked example with the AWS CLI"} */
    static List<String> shellBlocks(List<String> lines, String heading) {
        int level = level(heading);
        if (level == 0) {
            throw new IllegalArgumentException("not a Markdown heading: " + heading);
        }
        List<String> blocks = new ArrayList<>();
        boolean inSection = false;
        boolean found = false;
        StringBuilder block = null;
        boolean inFence = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                if (inFence) {
                    if (block != null) {
                        blocks.add(block.toString());
                    }
                    inFence = false;
                    block = null;
                } else {
                    inFence = true;
                    block = inSection && line.strip().equals("```sh") ? new StringBuilder() : null;
                }
            } else if (inFence) {
                if (block != null) {
                    block.append(line).append('\n');
                }
            } else if (line.strip().equals(heading)) {
                inSection = true;
                found = true;
            } else if (inSection && level(line) > 0 && level(line) <= level) {
                inSection = false;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no heading \"" + heading + "\" in the text");
        }
        return blocks;
    }

    /** The number of leading {@code #} of a heading line, 0 for any other line. */
    private static int level(String line) {
        int hashes = 0;
        while (hashes < line.length() && line.charAt(hashes) == '#') {
            hashes++;
        }
        return hashes > 0 && hashes < line.length() && line.charAt(hashes) == ' ' ? hashes : 0;
    }
}
