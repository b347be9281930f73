package org.sinterscope.camera.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every openGPS sample archive decodes to the values of its XML twin (the unpacked main.xml beside
 * it). The twin is read here independently of the reader: a plain DOM walk that takes the Datum
 * strings and the axis Increment/Offset, and computes the expected coordinates itself.
 *
 * <p>The {@code _bin} twins hold no data (their main.xml only links to {@code bindata/data.bin}), so
 * for them the comparison uses the data of the non-binary sample with the same number, which stores
 * the same surface as XML text ({@code sample1_bin} ↔ {@code sample1}, {@code sample4_bin} ↔
 * {@code sample4}), with the axes of the {@code _bin} twin itself; the test also checks that the twin
 * really holds no DataList but a DataLink with the MD5 of the point data.
 */
class X3pSamplesTest {

    static Stream<String> samples() throws Exception {
        try (Stream<Path> s = Files.list(SharedData.folder("x3p-samples"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".x3p")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void every_x3p_sample_decodes_to_the_values_of_its_xml_twin(String archive) throws Exception {
        Path dir = SharedData.folder("x3p-samples");
        String stem = archive.substring(0, archive.length() - 4);
        Document twin = parse(dir.resolve(stem + ".xml"));
        Element r3 = child(twin.getDocumentElement(), "Record3");
        List<String> datums;
        if (stem.endsWith("_bin")) {
            assertThat(child(r3, "DataList")).as("a _bin twin holds no DataList").isNull();
            assertThat(text(child(r3, "DataLink"), "PointDataLink")).isEqualTo("bindata/data.bin");
            assertThat(text(child(r3, "DataLink"), "MD5ChecksumPointData")).hasSize(32);
            Document sibling = parse(dir.resolve(stem.replace("_bin", "") + ".xml"));
            datums = datums(child(child(sibling.getDocumentElement(), "Record3"), "DataList"));
        } else {
            datums = datums(child(r3, "DataList"));
        }
        Element axes = child(child(twin.getDocumentElement(), "Record1"), "Axes");
        boolean xAbsolute = "A".equals(text(child(axes, "CX"), "AxisType"));
        boolean yAbsolute = "A".equals(text(child(axes, "CY"), "AxisType"));
        double[] cx = incOff(child(axes, "CX"));
        double[] cz = incOff(child(axes, "CZ"));
        Element matrix = child(r3, "MatrixDimension");
        int sizeX = matrix != null ? Integer.parseInt(text(matrix, "SizeX")) : datums.size();

        // expected rows: for a matrix, sizeX points per row; for a point list, runs of equal y
        List<List<double[]>> rows = new ArrayList<>();
        String lastY = null;
        for (int i = 0; i < datums.size(); i++) {
            String d = datums.get(i);
            String[] f = d.isEmpty() ? new String[0] : d.split(";");
            boolean newRow = matrix != null ? i % sizeX == 0 : f.length > 0 && !f[yAbsolute ? (xAbsolute ? 1 : 0) : 0].equals(lastY);
            if (matrix == null && f.length > 0 && yAbsolute) {
                lastY = f[xAbsolute ? 1 : 0];
            }
            if (newRow) {
                rows.add(new ArrayList<>());
            }
            if (f.length == 0) {
                if (!xAbsolute) {
                    rows.get(rows.size() - 1).add(new double[] {1e3 * (cx[1] + cx[0] * (i % sizeX)), Double.NaN});
                }
                continue;
            }
            double x = xAbsolute ? cx[1] + cx[0] * Double.parseDouble(f[0]) : cx[1] + cx[0] * (i % sizeX);
            double z = cz[1] + cz[0] * Double.parseDouble(f[f.length - 1]);
            rows.get(rows.size() - 1).add(new double[] {1e3 * x, 1e6 * z});
        }

        List<Profile> profiles = new X3pProfileReader().read(dir.resolve(archive));

        assertThat(profiles).hasSize(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            double[] xs = profiles.get(r).xMm();
            double[] zs = profiles.get(r).zUm();
            List<double[]> expected = rows.get(r);
            assertThat(xs).as("row %d length", r).hasSize(expected.size());
            for (int k = 0; k < expected.size(); k++) {
                assertThat(xs[k]).as("row %d x[%d] mm", r, k).isCloseTo(expected.get(k)[0], org.assertj.core.data.Offset.offset(1e-9));
                double ez = expected.get(k)[1];
                if (Double.isNaN(ez)) {
                    assertThat(zs[k]).as("row %d z[%d] invalid", r, k).isNaN();
                } else {
                    assertThat(zs[k]).as("row %d z[%d] µm", r, k).isCloseTo(ez, org.assertj.core.data.Offset.offset(1e-6));
                }
            }
        }
    }

    private static double[] incOff(Element axis) {
        String inc = text(axis, "Increment");
        String off = text(axis, "Offset");
        return new double[] {inc == null ? 1 : Double.parseDouble(inc), off == null ? 0 : Double.parseDouble(off)};
    }

    private static List<String> datums(Element dataList) {
        List<String> out = new ArrayList<>();
        NodeList nl = dataList.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            if (nl.item(i) instanceof Element e && e.getTagName().equals("Datum")) {
                out.add(e.getTextContent().trim());
            }
        }
        return out;
    }

    private static Document parse(Path p) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(p)));
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? null : e.getTextContent().trim();
    }
}
