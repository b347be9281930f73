package org.sinterscope.camera.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XrdReadersTest {

    @TempDir
    Path dir;

    /** 2θ 10..(10 + 0.1·(n-1)) with intensity 100 + i. */
    private static String rows(int n, String sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(String.format(Locale.ROOT, "%.2f%s%d%n", 10 + 0.1 * i, sep, 100 + i));
        }
        return b.toString();
    }

    private static List<XrdPattern> text(String s) throws XrdFormatException {
        return new XrdTextReader().read("t.xy", s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<XrdPattern> xrdml(String s) throws XrdFormatException {
        return new XrdmlReader().read("t.xrdml", s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void text_with_metadata_and_blank_separated_columns_is_read() throws Exception {
        XrdPattern p = text("# roll: R-17\n# y_mm: 1520.5\n# sample: S3\n# measured by the lab\n" + rows(60, "  ")).get(0);
        assertThat(p.size()).isEqualTo(60);
        assertThat(p.twoThetaDeg()[59]).isEqualTo(15.9);
        assertThat(p.intensity()[3]).isEqualTo(103);
        assertThat(p.tag()).isEqualTo(new XrdPattern.SampleTag("R-17", 1520.5, "S3"));
        assertThat(p.wavelengthA()).isNaN();
    }

    @Test
    void csv_with_header_row_is_read() throws Exception {
        XrdPattern p = text("two_theta_deg,intensity\r\n" + rows(60, ",").replace("\n", "\r\n")).get(0);
        assertThat(p.size()).isEqualTo(60);
        assertThat(p.tag().rollId()).isNull();
        assertThat(p.tag().yMm()).isNaN();
    }

    @Test
    void malformed_text_is_refused_with_the_line_and_reason() {
        assertThatThrownBy(() -> text(rows(60, ",") + "16.0,abc\n")).hasMessage("t.xy: line 61: intensity value 'abc' is not a number");
        assertThatThrownBy(() -> text(rows(60, ",") + "16.0,NaN\n")).hasMessageContaining("line 61").hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> text(rows(60, ",") + "15.0,3\n")).hasMessageContaining("line 61").hasMessageContaining("does not increase");
        assertThatThrownBy(() -> text(rows(60, ",") + "16.0,-3\n")).hasMessageContaining("line 61").hasMessageContaining("negative intensity");
        assertThatThrownBy(() -> text(rows(60, ",") + "16.0,3,4\n")).hasMessageContaining("line 61: 3 values, expected 2");
        assertThatThrownBy(() -> text("angle,foo\n" + rows(60, ","))).hasMessageContaining("line 1: not a number and not a known header");
        assertThatThrownBy(() -> text("# y_mm: far\n" + rows(60, ","))).hasMessageContaining("line 1: y_mm value 'far' is not a number");
        assertThatThrownBy(() -> text(rows(10, ","))).hasMessageContaining("only 10 data rows");
        assertThatThrownBy(() -> text("# nothing\n")).hasMessageContaining("no data rows");
        assertThatThrownBy(() -> text("200,1\n" + rows(60, ","))).hasMessageContaining("line 1: 2θ = 200° is outside");
    }

    @Test
    void files_are_picked_by_extension_and_checked_for_size_and_existence() throws Exception {
        Path xy = Files.writeString(dir.resolve("a.xy"), rows(60, " "));
        assertThat(XrdReaders.forFile(xy).read(xy)).hasSize(1);
        Path bad = Files.writeString(dir.resolve("b.xy"), rows(60, " ") + "20 x\n");
        assertThatThrownBy(() -> XrdReaders.forFile(bad).read(bad))
                .hasMessage(bad + ": line 61: intensity value 'x' is not a number");
        assertThatThrownBy(() -> XrdReaders.forFile(dir.resolve("a.raw"))).hasMessageContaining("unknown diffraction file type");
        assertThatThrownBy(() -> new XrdTextReader().read(dir.resolve("missing.xy"))).hasMessageContaining("no such file");
        Path empty = Files.createFile(dir.resolve("e.csv"));
        assertThatThrownBy(() -> new XrdTextReader().read(empty)).hasMessageEndingWith("empty file");
    }

    static String xrdmlDoc(String comment, String dataPoints) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<xrdMeasurements xmlns=\"http://www.xrdml.com/XRDMeasurement/2.1\">\n"
                + "  <comment>" + comment + "</comment>\n"
                + "  <sample type=\"To be analyzed\"><id>S-9</id><name>electrode</name></sample>\n"
                + "  <xrdMeasurement measurementType=\"Scan\">\n"
                + "    <usedWavelength intended=\"K-Alpha 1\"><kAlpha1 unit=\"Angstrom\">1.5405980</kAlpha1>"
                + "<kAlpha2 unit=\"Angstrom\">1.5444260</kAlpha2></usedWavelength>\n"
                + "    <scan appendNumber=\"0\" mode=\"Continuous\" scanAxis=\"Gonio\">\n"
                + "      <dataPoints>\n" + dataPoints + "      </dataPoints>\n"
                + "    </scan>\n  </xrdMeasurement>\n</xrdMeasurements>\n";
    }

    static String counts(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(100 + i).append(i % 20 == 19 ? "\n" : " ");
        }
        return b.toString();
    }

    @Test
    void xrdml_scan_with_start_and_end_positions_is_read_with_its_tag() throws Exception {
        String dp = "        <positions axis=\"2Theta\" unit=\"deg\"><startPosition>10</startPosition><endPosition>79.99</endPosition></positions>\n"
                + "        <positions axis=\"Omega\" unit=\"deg\"><startPosition>5</startPosition><endPosition>40</endPosition></positions>\n"
                + "        <commonCountingTime unit=\"seconds\">1.0</commonCountingTime>\n"
                + "        <intensities unit=\"counts\">" + counts(100) + "</intensities>\n";
        XrdPattern p = xrdml(xrdmlDoc("<entry>roll: R-17</entry><entry>y_mm=2040</entry>", dp)).get(0);
        assertThat(p.size()).isEqualTo(100);
        assertThat(p.twoThetaDeg()[0]).isEqualTo(10.0);
        assertThat(p.twoThetaDeg()[99]).isEqualTo(79.99);
        assertThat(p.intensity()[99]).isEqualTo(199);
        assertThat(p.wavelengthA()).isEqualTo(1.540598);
        assertThat(p.tag()).isEqualTo(new XrdPattern.SampleTag("R-17", 2040, "S-9"));
    }

    @Test
    void old_xrdml_counts_with_list_positions_and_attenuation_are_read() throws Exception {
        StringBuilder list = new StringBuilder();
        StringBuilder att = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            list.append(20 + 0.05 * i).append(' ');
            att.append(i == 5 ? "10 " : "1 ");
        }
        String dp = "        <positions axis=\"2Theta\" unit=\"deg\"><listPositions>" + list + "</listPositions></positions>\n"
                + "        <beamAttenuationFactors>" + att + "</beamAttenuationFactors>\n"
                + "        <counts unit=\"counts\">" + counts(60) + "</counts>\n";
        XrdPattern p = xrdml(xrdmlDoc("<entry>no tag here</entry>", dp)).get(0);
        assertThat(p.twoThetaDeg()[1]).isEqualTo(20.05);
        assertThat(p.intensity()[5]).isEqualTo(1050);
        assertThat(p.tag().rollId()).isNull();
    }

    @Test
    void malformed_xrdml_is_refused_with_the_line_and_reason() {
        String pos = "        <positions axis=\"2Theta\" unit=\"deg\"><startPosition>10</startPosition><endPosition>80</endPosition></positions>\n";
        // line 10 holds <intensities>; value 42 (141) sits on its third line (20 values per line)
        String badValue = counts(60).replaceFirst("141", "14x1");
        assertThatThrownBy(() -> xrdml(xrdmlDoc("", pos + "        <intensities>" + badValue + "</intensities>\n")))
                .hasMessage("t.xrdml: line 12: intensity '14x1' is not a number");
        assertThatThrownBy(() -> xrdml(xrdmlDoc("", pos + "        <intensities>" + counts(60) + "</intensities>\n").replace("</scan>", "")))
                .hasMessageContaining("t.xrdml: line ").hasMessageContaining("not well-formed XML");
        assertThatThrownBy(() -> xrdml(xrdmlDoc("", pos)))
                .hasMessage("t.xrdml: line 7: the scan has no <intensities> (or <counts>) element");
        assertThatThrownBy(() -> xrdml(xrdmlDoc("", "<intensities>" + counts(60) + "</intensities>\n")))
                .hasMessageContaining("the scan has no 2θ positions");
        assertThatThrownBy(() -> xrdml(xrdmlDoc("", pos.replace(">80<", ">5<") + "<intensities>" + counts(60) + "</intensities>")))
                .hasMessageContaining("endPosition 5° is not above startPosition 10°");
        assertThatThrownBy(() -> xrdml(xrdmlDoc("", pos + "<intensities>" + counts(60).replace("110", "-110") + "</intensities>")))
                .hasMessageContaining("intensity 11 is negative");
        assertThatThrownBy(() -> xrdml("<?xml version=\"1.0\"?>\n<html><body/></html>"))
                .hasMessage("t.xrdml: line 2: not an XRDML file: the root element is <html>, expected <xrdMeasurements>");
        assertThatThrownBy(() -> xrdml(xrdmlDoc("", pos + "<intensities></intensities>")))
                .hasMessageContaining("no intensity values");
    }

    @Test
    void xrdml_with_a_doctype_is_refused_whatever_it_declares() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE xrdMeasurements [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n"
                + "<xrdMeasurements><comment><entry>roll: &x;</entry></comment></xrdMeasurements>";
        assertThatThrownBy(() -> xrdml(xxe)).isInstanceOf(XrdFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("DOCTYPE declarations are not allowed");
        String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n"
                + "<xrdMeasurements><comment><entry>&lol2;</entry></comment></xrdMeasurements>";
        assertThatThrownBy(() -> xrdml(laughs)).hasMessageContaining("DOCTYPE declarations are not allowed");
    }

    @Test
    void a_tag_given_by_the_caller_fills_gaps_and_a_conflict_is_refused() {
        XrdPattern.SampleTag file = new XrdPattern.SampleTag("R-1", Double.NaN, null);
        assertThat(file.orElse(new XrdPattern.SampleTag(null, 300, null))).isEqualTo(new XrdPattern.SampleTag("R-1", 300, null));
        assertThatThrownBy(() -> file.orElse(new XrdPattern.SampleTag("R-2", 300, null)))
                .hasMessageContaining("the file names roll 'R-1' but roll 'R-2' was given");
    }
}
