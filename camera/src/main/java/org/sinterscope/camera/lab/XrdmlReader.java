package org.sinterscope.camera.lab;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads PANalytical XRDML files (the {@code XRDMeasurement} schema, versions 1.x and 2.x), one
 * {@link XrdPattern} per {@code <scan>}:
 *
 * <pre>{@code
 * <xrdMeasurements xmlns="http://www.xrdml.com/XRDMeasurement/2.1">
 *   <comment><entry>roll: R-2026-0117</entry><entry>y_mm: 1520</entry></comment>
 *   <sample><id>S-3</id></sample>
 *   <xrdMeasurement>
 *     <usedWavelength><kAlpha1 unit="Angstrom">1.5405980</kAlpha1>...</usedWavelength>
 *     <scan scanAxis="Gonio">
 *       <dataPoints>
 *         <positions axis="2Theta" unit="deg"><startPosition>10</startPosition><endPosition>80</endPosition></positions>
 *         <beamAttenuationFactors>1 1 ...</beamAttenuationFactors>      optional
 *         <intensities unit="counts">312 305 ...</intensities>          or <counts> (older files)
 * }</pre>
 *
 * The 2θ positions are either {@code startPosition}/{@code endPosition} (equally spaced over the
 * points) or {@code listPositions}. Counts are multiplied by the attenuation factors when present.
 * Roll and web position come from {@code comment/entry} text holding {@code roll: …} and
 * {@code y_mm: …} ({@code =} works too); the sample id from {@code sample/id}.
 *
 * <p>Safety: the parser is the JDK's own StAX parser with the project's XML policy (the one
 * {@code camera.profile.SecureXml} applies to X3P): a DOCTYPE is refused outright, so no external
 * or internal entity can be declared (XXE, entity expansion); external DTDs and schemas are never
 * fetched. The number of values in a list is counted before its array is allocated and checked
 * against {@link XrdReader#MAX_POINTS}. Errors name the file and the line.
 */
public final class XrdmlReader implements XrdReader {

    private static final Pattern META = Pattern.compile("(?i)\\b(roll|y_mm)\\s*[:=]\\s*([^,;\\s]+)");

    /** What one {@code <scan>} held, while reading. */
    private static final class Scan {
        int line;
        String startText;
        int startLine;
        String endText;
        int endLine;
        String listText;
        int listLine;
        String countsText;
        int countsLine;
        String attenuationText;
        int attenuationLine;
    }

    @Override
    public List<XrdPattern> read(String source, byte[] content) throws XrdFormatException {
        XMLStreamReader r = open(source, content);
        List<Scan> scans = new ArrayList<>();
        Deque<String> path = new ArrayDeque<>();
        String roll = null;
        double yMm = Double.NaN;
        String sampleId = null;
        double wavelength = Double.NaN;
        Scan scan = null;
        String positionsAxis = null;
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw new XrdFormatException(source, line(r),
                            "DOCTYPE declarations are not allowed (external entities / XXE refused)");
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (path.isEmpty() && !name.equals("xrdMeasurements")) {
                        throw new XrdFormatException(source, line(r), "not an XRDML file: the root element is <"
                                + name + ">, expected <xrdMeasurements>");
                    }
                    String parent = path.peek();
                    path.push(name);
                    int at = line(r);
                    switch (name) {
                        case "scan" -> {
                            scan = new Scan();
                            scan.line = at;
                            scans.add(scan);
                        }
                        case "positions" -> positionsAxis = r.getAttributeValue(null, "axis");
                        case "entry" -> {
                            if ("comment".equals(parent)) {
                                Matcher m = META.matcher(r.getElementText());
                                path.pop();
                                while (m.find()) {
                                    if (m.group(1).equalsIgnoreCase("roll")) {
                                        roll = m.group(2);
                                    } else {
                                        yMm = number(source, at, "y_mm", m.group(2));
                                        if (yMm < 0) {
                                            throw new XrdFormatException(source, at, "y_mm = " + m.group(2) + " is negative");
                                        }
                                    }
                                }
                            }
                        }
                        case "id" -> {
                            if ("sample".equals(parent)) {
                                sampleId = r.getElementText().trim();
                                path.pop();
                            }
                        }
                        case "kAlpha1" -> {
                            if ("usedWavelength".equals(parent)) {
                                String t = r.getElementText();
                                path.pop();
                                wavelength = number(source, at, "kAlpha1 wavelength", t);
                                if (!(wavelength > 0.1 && wavelength < 5)) {
                                    throw new XrdFormatException(source, at, "kAlpha1 wavelength " + t.trim()
                                            + " Å is outside (0.1, 5) Å");
                                }
                            }
                        }
                        case "startPosition", "endPosition", "listPositions" -> {
                            if (scan != null && "2Theta".equalsIgnoreCase(positionsAxis)) {
                                String t = r.getElementText();
                                path.pop();
                                if (name.equals("startPosition")) {
                                    scan.startText = t;
                                    scan.startLine = at;
                                } else if (name.equals("endPosition")) {
                                    scan.endText = t;
                                    scan.endLine = at;
                                } else {
                                    scan.listText = t;
                                    scan.listLine = at;
                                }
                            }
                        }
                        case "intensities", "counts" -> {
                            if (scan != null && "dataPoints".equals(parent)) {
                                if (scan.countsText != null) {
                                    throw new XrdFormatException(source, at, "a scan holds both <intensities> and <counts>");
                                }
                                scan.countsText = r.getElementText();
                                scan.countsLine = at;
                                path.pop();
                            }
                        }
                        case "beamAttenuationFactors" -> {
                            if (scan != null && "dataPoints".equals(parent)) {
                                scan.attenuationText = r.getElementText();
                                scan.attenuationLine = at;
                                path.pop();
                            }
                        }
                        default -> { }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    if (name.equals("positions")) {
                        positionsAxis = null;
                    }
                }
            }
        } catch (XMLStreamException e) {
            int l = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new XrdFormatException(source, Math.max(l, 0), "not well-formed XML: " + clean(e.getMessage()), e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException e) {
                // nothing held open: the input is an in-memory array
            }
        }
        if (scans.isEmpty()) {
            throw new XrdFormatException(source, 0, "no <scan> element: the file holds no measurement");
        }
        XrdPattern.SampleTag tag = new XrdPattern.SampleTag(roll, yMm, sampleId);
        List<XrdPattern> out = new ArrayList<>();
        for (int i = 0; i < scans.size(); i++) {
            String name = scans.size() == 1 ? source : source + " scan " + (i + 1);
            out.add(pattern(source, name, scans.get(i), wavelength, tag));
        }
        return out;
    }

    private static XrdPattern pattern(String source, String name, Scan s, double wavelength, XrdPattern.SampleTag tag)
            throws XrdFormatException {
        if (s.countsText == null) {
            throw new XrdFormatException(source, s.line, "the scan has no <intensities> (or <counts>) element");
        }
        double[] y = numbers(source, s.countsLine, "intensity", s.countsText);
        double[] tth;
        if (s.listText != null) {
            tth = numbers(source, s.listLine, "2θ position", s.listText);
            if (tth.length != y.length) {
                throw new XrdFormatException(source, s.listLine, "listPositions holds " + tth.length
                        + " 2θ values but the scan has " + y.length + " intensities");
            }
        } else {
            if (s.startText == null || s.endText == null) {
                throw new XrdFormatException(source, s.line,
                        "the scan has no 2θ positions (startPosition/endPosition or listPositions under axis=\"2Theta\")");
            }
            double a = number(source, s.startLine, "startPosition", s.startText);
            double b = number(source, s.endLine, "endPosition", s.endText);
            if (!(b > a)) {
                throw new XrdFormatException(source, s.endLine, "endPosition " + s.endText.trim()
                        + "° is not above startPosition " + s.startText.trim() + "°");
            }
            if (y.length < 2) {
                throw new XrdFormatException(source, s.countsLine, "only " + y.length + " intensities");
            }
            tth = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                tth[i] = a + (b - a) * i / (y.length - 1);
            }
        }
        if (s.attenuationText != null) {
            double[] f = numbers(source, s.attenuationLine, "attenuation factor", s.attenuationText);
            if (f.length != y.length) {
                throw new XrdFormatException(source, s.attenuationLine, f.length
                        + " attenuation factors but " + y.length + " intensities");
            }
            for (int i = 0; i < y.length; i++) {
                if (!(f[i] > 0)) {
                    throw new XrdFormatException(source, s.attenuationLine, "attenuation factor " + (i + 1)
                            + " is " + f[i] + ", must be > 0");
                }
                y[i] *= f[i];
            }
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) {
                throw new XrdFormatException(source, s.countsLine, "intensity " + (i + 1) + " is negative (" + y[i]
                        + "): a background-subtracted export cannot be judged");
            }
        }
        try {
            return new XrdPattern(name, tth, y, wavelength, tag);
        } catch (IllegalArgumentException e) {
            throw new XrdFormatException(source, s.line, e.getMessage().replace(name + ": ", ""), e);
        }
    }

    /** The blank-separated numbers of a list element, counted before allocating; errors give the value's own line. */
    private static double[] numbers(String source, int firstLine, String what, String text) throws XrdFormatException {
        int n = 0;
        boolean inToken = false;
        for (int i = 0; i < text.length(); i++) {
            boolean blank = Character.isWhitespace(text.charAt(i));
            if (!blank && !inToken) {
                n++;
                if (n > MAX_POINTS) {
                    throw new XrdFormatException(source, firstLine, "more than " + MAX_POINTS + " " + what + " values");
                }
            }
            inToken = !blank;
        }
        if (n == 0) {
            throw new XrdFormatException(source, firstLine, "no " + what + " values");
        }
        double[] out = new double[n];
        int k = 0;
        int line = firstLine;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isWhitespace(c)) {
                if (start >= 0) {
                    out[k++] = number(source, line, what, text.substring(start, i));
                    start = -1;
                }
                if (c == '\n') {
                    line++;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        return out;
    }

    private static double number(String source, int line, String what, String text) throws XrdFormatException {
        String t = text.trim();
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new XrdFormatException(source, line, what + " '" + abbreviate(t) + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new XrdFormatException(source, line, what + " '" + t + "' is not a finite number");
        }
        return v;
    }

    private static XMLStreamReader open(String source, byte[] content) throws XrdFormatException {
        try {
            XMLInputFactory f = XMLInputFactory.newDefaultFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXMLResolver((publicId, systemId, base, ns) -> {
                throw new XMLStreamException("external entity '" + systemId + "' refused");
            });
            return f.createXMLStreamReader(new ByteArrayInputStream(content));
        } catch (XMLStreamException e) {
            throw new XrdFormatException(source, 1, "cannot start reading XML: " + clean(e.getMessage()), e);
        }
    }

    private static int line(XMLStreamReader r) {
        return Math.max(r.getLocation().getLineNumber(), 0);
    }

    /** The JDK prefixes messages with "ParseError at [row,col]:[l,c]\nMessage: "; the line is reported apart. */
    private static String clean(String msg) {
        if (msg == null) {
            return "";
        }
        int i = msg.indexOf("Message: ");
        return (i >= 0 ? msg.substring(i + 9) : msg).trim();
    }

    private static String abbreviate(String t) {
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
