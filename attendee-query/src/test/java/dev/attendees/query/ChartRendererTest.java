package dev.attendees.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartRendererTest {
    static final ChartSpec BARS = new ChartSpec(ChartSpec.Kind.BAR, "Top companies", "company", "attendees",
            List.of("Google", "R&D <Labs>", "Acme"), List.of(new ChartSpec.Series("attendees", Arrays.asList(12.0, 7.0, null))));

    @Test
    void should_draw_a_png_of_the_requested_size() throws Exception {
        byte[] png = new ChartRenderer().png(BARS);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
        assertThat(new ChartRenderer(400, 300).png(BARS)).satisfies(p -> assertThat(ImageIO.read(new ByteArrayInputStream(p)).getWidth()).isEqualTo(400));
    }

    @Test
    void should_draw_an_svg_that_no_label_can_break() throws Exception {
        String svg = new ChartRenderer().svg(BARS);

        assertThat(svg).contains("<svg").doesNotContain("<Labs>");
        assertThat(offline()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .getDocumentElement().getTagName()).isEqualTo("svg");
    }

    @Test
    void should_draw_pies_and_lines() throws Exception {
        ChartSpec pie = new ChartSpec(ChartSpec.Kind.PIE, "Sizes", "company size", "percent", List.of("Startup", "Enterprise"),
                List.of(new ChartSpec.Series("percent", List.of(40.0, 60.0))));
        ChartSpec line = new ChartSpec(ChartSpec.Kind.LINE, "Arrivals", "arrival hour", "attendees", List.of("08:00", "09:00", "10:00"),
                List.of(new ChartSpec.Series("attendees", List.of(3.0, 9.0, 4.0))));

        assertThat(ImageIO.read(new ByteArrayInputStream(new ChartRenderer().png(pie)))).isNotNull();
        assertThat(ImageIO.read(new ByteArrayInputStream(new ChartRenderer().png(line)))).isNotNull();
    }

    @Test
    void should_refuse_to_draw_nothing_or_absurd_sizes() {
        assertThatThrownBy(() -> new ChartRenderer().png(ChartSpec.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChartRenderer(10, 10)).hasMessageContaining("100 to 4000");
    }

    /** An XML parser that never fetches the DTD the SVG names. */
    static javax.xml.parsers.DocumentBuilder offline() throws Exception {
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder();
    }
}
