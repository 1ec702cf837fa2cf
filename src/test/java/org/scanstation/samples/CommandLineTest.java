package org.scanstation.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void options_become_settings() {
        Path[] out = new Path[1];
        GeneratorSettings s = SampleBatchGenerator.parse(new String[] {"/tmp/x", "--seed", "7", "--pages", "80", "--dpi",
            "200", "--formats", "jpg,tif", "--max-level", "2", "--random-layouts", "5", "--no-traps"}, out);
        assertThat(out[0]).isEqualTo(Path.of("/tmp/x"));
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.pages()).isEqualTo(80);
        assertThat(s.dpi()).isEqualTo(200);
        assertThat(s.formats()).isEqualTo(Set.of(PageFormat.JPG, PageFormat.TIF));
        assertThat(s.maxLevel()).isEqualTo(2);
        assertThat(s.randomLayouts()).isEqualTo(5);
        assertThat(s.traps()).isFalse();
    }

    @Test
    void demo_defaults_are_small_grey_jpegs() {
        GeneratorSettings s = SampleBatchGenerator.parse(new String[] {"--demo", "samples"}, new Path[1]);
        assertThat(s.formats()).containsExactly(PageFormat.JPG);
        assertThat(s.jpegQuality()).isEqualTo(0.75f);
        assertThat(s.pages()).isBetween(12, 16);
    }

    @Test
    void bad_arguments_get_a_message_naming_the_problem() {
        assertThatThrownBy(() -> SampleBatchGenerator.parse(new String[] {"out", "--dpi", "150"}, new Path[1]))
                .hasMessageContaining("dpi must be 200 or 300");
        assertThatThrownBy(() -> SampleBatchGenerator.parse(new String[] {"--pages", "3"}, new Path[1]))
                .hasMessageContaining("output folder is missing");
        assertThatThrownBy(() -> SampleBatchGenerator.parse(new String[] {"out", "--formats", "gif"}, new Path[1]))
                .hasMessageContaining("unknown page format 'gif'");
        assertThatThrownBy(() -> SampleBatchGenerator.parse(new String[] {"out", "--layouts", "nope"}, new Path[1]))
                .hasMessageContaining("unknown label layout 'nope'");
        assertThatThrownBy(() -> SampleBatchGenerator.parse(new String[] {"out", "--seed"}, new Path[1]))
                .hasMessageContaining("--seed needs a value");
    }
}
