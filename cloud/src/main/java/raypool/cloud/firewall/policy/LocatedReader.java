package raypool.cloud.firewall.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads YAML or JSON text into {@link Located} values through Jackson's streaming parsers, which know the line
 * of every token (a data-binding tree would forget it). JSON is chosen for text that starts with '{'.
 */
final class LocatedReader {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonFactory JSON = new JsonFactory();

    private final String file;

    LocatedReader(String file) {
        this.file = file;
    }

    Located read(String text) {
        JsonFactory factory = text.stripLeading().startsWith("{") ? JSON : YAML;
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new PolicyException(file, 1, "policy", "the file is empty");
            }
            Located value = value(parser);
            return value;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new PolicyException(file, line, "syntax", e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
        } catch (IOException e) {
            throw new PolicyException(file, 1, "syntax", e.getMessage());
        }
    }

    private Located value(JsonParser parser) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            List<Located.Entry> entries = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = parser.currentTokenLocation().getLineNr();
                if (!seen.add(key)) {
                    throw new PolicyException(file, keyLine, key, "given twice");
                }
                parser.nextToken();
                entries.add(new Located.Entry(key, keyLine, value(parser)));
            }
            return new Located.Mapping(List.copyOf(entries), line);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Located> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(value(parser));
            }
            return new Located.Sequence(List.copyOf(items), line);
        }
        return new Located.Scalar(parser.getText(), line);
    }
}
