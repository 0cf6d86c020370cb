package raypool.xapi.rrd;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads rrd_updates' JSON form: {@code {meta:{start,step,end,rows,columns,legend:[..]},
 * data:[{t, values:[..]}]}}. Older xapi versions wrote it JavaScript-style (unquoted keys, bare NaN),
 * newer ones as strict JSON with values as strings; this parser accepts both.
 */
public final class RrdJsonParser {
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    private RrdJsonParser() {
    }

    public static RrdUpdates parse(InputStream in, String source) {
        JsonNode root;
        try {
            root = LENIENT.readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not an rrd_updates JSON document: " + e.getMessage(), e);
        }
        JsonNode meta = root.path("meta");
        if (!meta.isObject()) {
            throw new IllegalArgumentException(source + ": rrd_updates JSON has no meta object");
        }
        List<DataSource> legend = new ArrayList<>();
        meta.path("legend").forEach(e -> legend.add(DataSource.parse(e.asText())));
        JsonNode data = root.path("data");
        long[] times = new long[data.size()];
        double[][] values = new double[data.size()][];
        for (int r = 0; r < data.size(); r++) {
            JsonNode row = data.get(r);
            times[r] = number(row.path("t"), source, "data[" + r + "].t").longValue();
            JsonNode vs = row.path("values");
            values[r] = new double[vs.size()];
            for (int c = 0; c < vs.size(); c++) {
                values[r][c] = number(vs.get(c), source, "data[" + r + "].values[" + c + "]");
            }
        }
        return new RrdUpdates(number(meta.path("start"), source, "meta.start").longValue(),
                number(meta.path("step"), source, "meta.step").longValue(),
                number(meta.path("end"), source, "meta.end").longValue(), legend, times, values);
    }

    private static Double number(JsonNode v, String source, String where) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return RrdNumbers.parse(v.asText());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ": " + where + " is not a number: " + v, e);
            }
        }
        throw new IllegalArgumentException(source + ": " + where + " is missing or not a number");
    }
}
