package raypool.xapi.rrd;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads rrd_updates' XML form (rrdtool's xport): {@code <xport><meta>start, step, end, rows, columns,
 * legend/entry*</meta><data><row><t/><v/>*</row>*</data></xport>}. A streaming reader, since a reply
 * for a whole pool holds thousands of values; external entities are disabled.
 */
public final class RrdXmlParser {
    private RrdXmlParser() {
    }

    public static RrdUpdates parse(InputStream in, String source) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        long start = 0;
        long step = 0;
        long end = 0;
        List<DataSource> legend = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Double> row = null;
        String element = "";
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            StringBuilder text = new StringBuilder();
            boolean inMeta = false;
            while (xml.hasNext()) {
                switch (xml.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        element = xml.getLocalName();
                        text.setLength(0);
                        if (element.equals("meta")) {
                            inMeta = true;
                        } else if (element.equals("row")) {
                            row = new ArrayList<>();
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(xml.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        String name = xml.getLocalName();
                        String value = text.toString().trim();
                        switch (name) {
                            case "meta" -> inMeta = false;
                            case "start" -> {
                                if (inMeta) {
                                    start = Long.parseLong(value);
                                }
                            }
                            case "step" -> {
                                if (inMeta) {
                                    step = Long.parseLong(value);
                                }
                            }
                            case "end" -> {
                                if (inMeta) {
                                    end = Long.parseLong(value);
                                }
                            }
                            case "entry" -> legend.add(DataSource.parse(value));
                            case "t" -> times.add(Long.parseLong(value));
                            case "v" -> {
                                if (row == null) {
                                    throw new IllegalArgumentException(source + ": <v> outside a <row>");
                                }
                                row.add(RrdNumbers.parse(value));
                            }
                            case "row" -> {
                                rows.add(row.stream().mapToDouble(Double::doubleValue).toArray());
                                row = null;
                            }
                            default -> { }
                        }
                        text.setLength(0);
                    }
                    default -> { }
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(source + ": not an rrd_updates XML document: " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": bad number in <" + element + ">: " + e.getMessage(), e);
        }
        return new RrdUpdates(start, step, end, legend, times.stream().mapToLong(Long::longValue).toArray(),
                rows.toArray(double[][]::new));
    }
}
