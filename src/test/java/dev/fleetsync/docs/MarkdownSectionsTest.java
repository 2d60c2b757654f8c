package dev.fleetsync.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownSectionsTest {
    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    @Test
    void theSectionEndsAtTheNextHeadingOfTheSameLevel() {
        List<String> text = lines("""
                ## One
                ```sh
                echo one
                ```
                ## Two
                ```sh
                echo two
                ```
                """);

        assertThat(MarkdownSections.shellBlocks(text, "## One")).containsExactly("echo one\n");
    }

    @Test
    void aDeeperHeadingStaysInsideTheSectionAndAHigherOneEndsIt() {
        List<String> text = lines("""
                ### Three
                ```sh
                a
                ```
                #### Deeper
                ```sh
                b
                ```
                # Top
                ```sh
                c
                ```
                """);

        assertThat(MarkdownSections.shellBlocks(text, "### Three")).containsExactly("a\n", "b\n");
    }

    @Test
    void aShellCommentInsideABlockIsNotAHeading() {
        List<String> text = lines("""
                ## One
                ```sh
                aws robomaker create-robot-application-version
                # 1
                ```
                ```sh
                echo after
                ```
                """);

        assertThat(MarkdownSections.shellBlocks(text, "## One"))
                .containsExactly("aws robomaker create-robot-application-version\n# 1\n", "echo after\n");
    }

    @Test
    void blocksOfOtherLanguagesAreLeftOut() {
        List<String> text = lines("""
                ## One
                ```java
                client.call();
                ```
                ```
                plain
                ```
                ```sh
                echo sh
                ```
                """);

        assertThat(MarkdownSections.shellBlocks(text, "## One")).containsExactly("echo sh\n");
    }

    @Test
    void aMissingHeadingIsAnErrorNotAnEmptySection() {
        assertThatThrownBy(() -> MarkdownSections.shellBlocks(lines("## Other\n"), "## Gone"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("## Gone");
    }

    @Test
    void aHeadingMustBeMatchedWholeNotAsAPrefix() {
        List<String> text = lines("""
                ## One more
                ```sh
                wrong
                ```
                ## One
                ```sh
                right
                ```
                """);

        assertThat(MarkdownSections.shellBlocks(text, "## One")).containsExactly("right\n");
    }
}
